def coin_change(coins, amount):
    # greedy: largest coin first
    count = 0
    for c in sorted(coins, reverse=True):
        count += amount // c
        amount %= c
    return count if amount == 0 else -1
