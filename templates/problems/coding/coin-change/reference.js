function coinChange(coins, amount) {
  const best = new Array(amount + 1).fill(Infinity);
  best[0] = 0;
  for (let total = 1; total <= amount; total++) {
    for (const c of coins) if (c <= total) best[total] = Math.min(best[total], best[total - c] + 1);
  }
  return best[amount] === Infinity ? -1 : best[amount];
}
