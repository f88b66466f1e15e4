def word_break(s, words):
    ends = [True] + [False] * len(s)
    for i in range(1, len(s) + 1):
        ends[i] = any(ends[i - len(w)] and s[i - len(w):i] == w for w in words if len(w) <= i)
    return ends[-1]
