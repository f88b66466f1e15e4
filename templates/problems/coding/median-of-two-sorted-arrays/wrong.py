def find_median_sorted_arrays(a, b):
    # the middle of the joined lists, without sorting them together
    joined = a + b
    return float(joined[len(joined) // 2])
