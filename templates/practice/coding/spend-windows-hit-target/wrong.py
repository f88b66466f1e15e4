def count_windows(changes, target):
    start = total = windows = 0
    for end, change in enumerate(changes):
        total += change
        while total > target and start < end:
            total -= changes[start]
            start += 1
        if total == target:
            windows += 1
    return windows
