def most_reach(costs, reach, budget):
    # best[b]: the most reach for a total cost of at most b, over the campaigns seen so far
    best = [0] * (budget + 1)
    for cost, gain in zip(costs, reach):
        for b in range(budget, cost - 1, -1):
            best[b] = max(best[b], best[b - cost] + gain)
    return best[budget]
