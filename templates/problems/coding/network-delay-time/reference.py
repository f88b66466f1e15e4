import heapq
def network_delay_time(times, n, k):
    edges = {}
    for u, v, w in times:
        edges.setdefault(u, []).append((v, w))
    arrival = {}
    queue = [(0, k)]
    while queue:
        t, node = heapq.heappop(queue)
        if node in arrival:
            continue
        arrival[node] = t
        for v, w in edges.get(node, []):
            if v not in arrival:
                heapq.heappush(queue, (t + w, v))
    return max(arrival.values()) if len(arrival) == n else -1
