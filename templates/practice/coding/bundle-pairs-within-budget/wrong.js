function countBundles(prices, budget) {
  // treats the budget as a limit to stay under, not one that may be spent exactly
  const sorted = [...prices].sort((a, b) => a - b);
  let low = 0;
  let high = sorted.length - 1;
  let pairs = 0;
  while (low < high) {
    if (sorted[low] + sorted[high] < budget) {
      pairs += high - low;
      low++;
    } else {
      high--;
    }
  }
  return pairs;
}
