def count_bundles(prices, budget):
    ordered = sorted(prices)
    low, high, pairs = 0, len(ordered) - 1, 0
    while low < high:
        if ordered[low] + ordered[high] < budget:
            pairs += high - low
            low += 1
        else:
            high -= 1
    return pairs
