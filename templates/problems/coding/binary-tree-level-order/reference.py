def build_tree(values):
    """Turns a level-order list (None for a missing child) into TreeNode objects; returns the root."""
    if not values:
        return None
    nodes = [None if v is None else TreeNode(v) for v in values]
    children = iter(nodes[1:])
    for node in nodes:
        if node is not None:
            node.left = next(children, None)
            node.right = next(children, None)
    return nodes[0]

class TreeNode:
    def __init__(self, val, left=None, right=None):
        self.val, self.left, self.right = val, left, right

def level_order(root):
    node = build_tree(root)
    levels, level = [], [node] if node else []
    while level:
        levels.append([n.val for n in level])
        level = [c for n in level for c in (n.left, n.right) if c]
    return levels
