function productExceptSelf(nums) {
  const left = [1];
  for (let i = 1; i < nums.length; i++) left[i] = left[i - 1] * nums[i - 1];
  let right = 1;
  const out = [];
  for (let i = nums.length - 1; i >= 0; i--) {
    out[i] = left[i] * right;
    right *= nums[i];
  }
  return out;
}
