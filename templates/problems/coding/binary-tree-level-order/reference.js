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
  const levels = [];
  let level = root.length ? [buildTree(root)] : [];
  while (level.length) {
    levels.push(level.map((n) => n.val));
    level = level.flatMap((n) => [n.left, n.right]).filter(Boolean);
  }
  return levels;
}
