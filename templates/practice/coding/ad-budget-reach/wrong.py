def most_reach(costs, reach, budget):
    order = sorted(range(len(costs)), key=lambda i: reach[i] / costs[i], reverse=True)
    left, total = budget, 0
    for i in order:
        if costs[i] <= left:
            left -= costs[i]
            total += reach[i]
    return total
