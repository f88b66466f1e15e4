function countBundles(prices, budget) {
  const sorted = [...prices].sort((a, b) => a - b);
  let low = 0;
  let high = sorted.length - 1;
  let pairs = 0;
  while (low < high) {
    if (sorted[low] + sorted[high] <= budget) {
      // the cheapest item goes with every item from low + 1 to high
      pairs += high - low;
      low++;
    } else {
      high--;
    }
  }
  return pairs;
}
