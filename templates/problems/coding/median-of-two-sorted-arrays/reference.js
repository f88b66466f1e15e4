function findMedianSortedArrays(a, b) {
  const all = [...a, ...b].sort((x, y) => x - y);
  const mid = all.length >> 1;
  return all.length % 2 ? all[mid] : (all[mid - 1] + all[mid]) / 2;
}
