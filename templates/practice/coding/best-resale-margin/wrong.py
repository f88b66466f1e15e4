def max_margin(prices):
    return max(prices) - min(prices)
