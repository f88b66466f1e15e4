def can_finish(n, prerequisites):
    # only spots two courses that need each other
    pairs = {(a, b) for a, b in prerequisites}
    return not any((b, a) in pairs for a, b in pairs)
