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

def is_valid_bst(root):
    # checks each node against its children only
    def check(node):
        if node is None:
            return True
        if node.left and node.left.val >= node.val:
            return False
        if node.right and node.right.val <= node.val:
            return False
        return check(node.left) and check(node.right)
    return check(build_tree(root))
