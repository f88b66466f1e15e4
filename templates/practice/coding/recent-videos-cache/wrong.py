def run_cache(capacity, operations):
    cache = {}
    results = []
    for operation in operations:
        if operation[0] == 'get':
            results.append(cache.get(operation[1], -1))
        else:
            _, video, size = operation
            if video not in cache and len(cache) == capacity:
                del cache[next(iter(cache))]
            cache[video] = size
    return results
