def repeats_nearby(viewer_ids, k):
    last_seen = {}
    for i, viewer in enumerate(viewer_ids):
        if viewer in last_seen and i - last_seen[viewer] <= k:
            return True
        last_seen[viewer] = i
    return False
