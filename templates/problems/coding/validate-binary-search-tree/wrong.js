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
  // checks each node against its children only
  const check = (node) =>
    !node ||
    ((!node.left || node.left.val < node.val) && (!node.right || node.right.val > node.val) && check(node.left) && check(node.right));
  return check(buildTree(root));
}
