def count_groups(n, collabs):
    return max(1, n - len(collabs))
