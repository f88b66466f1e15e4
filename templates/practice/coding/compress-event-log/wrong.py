def compress_log(events):
    out = ''
    start = 0
    for i in range(1, len(events)):
        if events[i] != events[start]:
            out += events[start] + (str(i - start) if i - start > 1 else '')
            start = i
    return out if len(out) < len(events) else events
