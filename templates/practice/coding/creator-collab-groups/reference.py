def count_groups(n, collabs):
    root = list(range(n))

    def find(x):
        while root[x] != x:
            root[x] = root[root[x]]
            x = root[x]
        return x

    groups = n
    for a, b in collabs:
        ra, rb = find(a), find(b)
        if ra != rb:
            root[ra] = rb
            groups -= 1
    return groups
