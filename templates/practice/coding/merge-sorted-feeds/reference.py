import heapq

def merge_feeds(feeds):
    heap = [(feed[0], f, 0) for f, feed in enumerate(feeds) if feed]
    heapq.heapify(heap)
    out = []
    while heap:
        value, f, i = heapq.heappop(heap)
        out.append(value)
        if i + 1 < len(feeds[f]):
            heapq.heappush(heap, (feeds[f][i + 1], f, i + 1))
    return out
