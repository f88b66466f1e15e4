function countWindows(changes, target) {
  // how many prefixes (including the empty one) reached each running total
  const seen = new Map([[0, 1]]);
  let total = 0;
  let windows = 0;
  for (const change of changes) {
    total += change;
    windows += seen.get(total - target) ?? 0;
    seen.set(total, (seen.get(total) ?? 0) + 1);
  }
  return windows;
}
