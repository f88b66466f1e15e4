def count_bundles(prices, budget):
    ordered = sorted(prices)
    low, high, pairs = 0, len(ordered) - 1, 0
    while low < high:
        if ordered[low] + ordered[high] <= budget:
            # the cheapest item goes with every item from low + 1 to high
            pairs += high - low
            low += 1
        else:
            high -= 1
    return pairs
