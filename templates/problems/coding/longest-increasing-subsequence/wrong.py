def length_of_lis(nums):
    # longest increasing run of neighbours
    best = run = 1
    for a, b in zip(nums, nums[1:]):
        run = run + 1 if b > a else 1
        best = max(best, run)
    return best
