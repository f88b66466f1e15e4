def count_windows(changes, target):
    # how many prefixes (including the empty one) reached each running total
    seen = {0: 1}
    total = windows = 0
    for change in changes:
        total += change
        windows += seen.get(total - target, 0)
        seen[total] = seen.get(total, 0) + 1
    return windows
