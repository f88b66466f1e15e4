def network_delay_time(times, n, k):
    # breadth-first by hops, keeping the first time found
    edges = {}
    for u, v, w in times:
        edges.setdefault(u, []).append((v, w))
    arrival = {k: 0}
    frontier = [k]
    while frontier:
        nxt = []
        for u in frontier:
            for v, w in edges.get(u, []):
                if v not in arrival:
                    arrival[v] = arrival[u] + w
                    nxt.append(v)
        frontier = nxt
    return max(arrival.values()) if len(arrival) == n else -1
