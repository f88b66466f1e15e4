from collections import OrderedDict

def run_cache(capacity, operations):
    cache = OrderedDict()  # least recently used first
    results = []
    for operation in operations:
        if operation[0] == 'get':
            video = operation[1]
            if video in cache:
                cache.move_to_end(video)
                results.append(cache[video])
            else:
                results.append(-1)
        else:
            _, video, size = operation
            if video in cache:
                cache.move_to_end(video)
            elif len(cache) == capacity:
                cache.popitem(last=False)
            cache[video] = size
    return results
