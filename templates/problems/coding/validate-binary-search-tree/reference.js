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

function isValidBST(root) {
  // an in-order walk of a search tree is increasing
  let previous = -Infinity;
  const walk = (node) => {
    if (!node) return true;
    if (!walk(node.left) || node.val <= previous) return false;
    previous = node.val;
    return walk(node.right);
  };
  return walk(buildTree(root));
}
