function deepestThread(parent) {
  // assumes every parent comes before its replies
  const depth = new Array(parent.length).fill(0);
  for (let i = 0; i < parent.length; i++) depth[i] = parent[i] === -1 ? 1 : depth[parent[i]] + 1;
  return Math.max(...depth);
}
