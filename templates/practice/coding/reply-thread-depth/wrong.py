def deepest_thread(parent):
    depth = [0] * len(parent)
    for i, p in enumerate(parent):
        depth[i] = 1 if p == -1 else depth[p] + 1
    return max(depth)
