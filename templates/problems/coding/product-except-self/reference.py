def product_except_self(nums):
    out = [1] * len(nums)
    left = 1
    for i, n in enumerate(nums):
        out[i] = left
        left *= n
    right = 1
    for i in range(len(nums) - 1, -1, -1):
        out[i] *= right
        right *= nums[i]
    return out
