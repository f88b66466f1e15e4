def repeats_nearby(viewer_ids, k):
    for i in range(1, len(viewer_ids)):
        if viewer_ids[i] == viewer_ids[i - 1]:
            return True
    return False
