function findMedianSortedArrays(a, b) {
  // the middle of the joined arrays, without sorting them together
  const joined = [...a, ...b];
  return joined[joined.length >> 1];
}
