function countGroups(n, collabs) {
  // every collaboration is counted as a merge, even inside a group
  return Math.max(1, n - collabs.length);
}
