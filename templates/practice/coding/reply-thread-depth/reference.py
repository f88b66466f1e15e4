def deepest_thread(parent):
    depth = [0] * len(parent)
    best = 0
    for i in range(len(parent)):
        # Climb to the first comment whose depth is known, then fill the path back down.
        path = []
        at = i
        while at != -1 and depth[at] == 0:
            path.append(at)
            at = parent[at]
        known = 0 if at == -1 else depth[at]
        while path:
            known += 1
            depth[path.pop()] = known
        best = max(best, depth[i])
    return best
