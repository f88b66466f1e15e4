function mostReach(costs, reach, budget) {
  // best[b]: the most reach for a total cost of at most b, over the campaigns seen so far
  const best = new Array(budget + 1).fill(0);
  for (let i = 0; i < costs.length; i++)
    for (let b = budget; b >= costs[i]; b--) best[b] = Math.max(best[b], best[b - costs[i]] + reach[i]);
  return best[budget];
}
