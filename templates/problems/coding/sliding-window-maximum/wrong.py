def max_sliding_window(nums, k):
    # one window short at the end
    return [max(nums[i:i + k]) for i in range(len(nums) - k)]
