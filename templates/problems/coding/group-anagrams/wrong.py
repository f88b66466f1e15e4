def group_anagrams(words):
    # groups by letters used, ignoring how often each appears
    groups = {}
    for w in words:
        groups.setdefault(''.join(sorted(set(w))), []).append(w)
    return sorted(sorted(g) for g in groups.values())
