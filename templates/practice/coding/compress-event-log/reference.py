def compress_log(events):
    parts = []
    start = 0
    for i in range(1, len(events) + 1):
        if i == len(events) or events[i] != events[start]:
            length = i - start
            parts.append(events[start] + (str(length) if length > 1 else ''))
            start = i
    compressed = ''.join(parts)
    return compressed if len(compressed) < len(events) else events
