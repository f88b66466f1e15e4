def merge_feeds(feeds):
    return sorted({t for feed in feeds for t in feed})
