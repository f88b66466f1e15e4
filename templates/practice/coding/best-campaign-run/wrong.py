def best_run(returns):
    ending_here = best = 0
    for value in returns:
        ending_here = max(0, ending_here + value)
        best = max(best, ending_here)
    return best
