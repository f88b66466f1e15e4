def best_run(returns):
    ending_here = best = returns[0]
    for value in returns[1:]:
        ending_here = max(value, ending_here + value)
        best = max(best, ending_here)
    return best
