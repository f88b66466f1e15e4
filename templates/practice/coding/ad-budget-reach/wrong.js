function mostReach(costs, reach, budget) {
  // greedy by reach per unit of cost
  const order = costs.map((_, i) => i).sort((a, b) => reach[b] / costs[b] - reach[a] / costs[a]);
  let left = budget;
  let total = 0;
  for (const i of order)
    if (costs[i] <= left) {
      left -= costs[i];
      total += reach[i];
    }
  return total;
}
