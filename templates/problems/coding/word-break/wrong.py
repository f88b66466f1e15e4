def word_break(s, words):
    # greedy: always takes the longest word that fits
    i = 0
    while i < len(s):
        fits = [w for w in words if s.startswith(w, i)]
        if not fits:
            return False
        i += max(len(w) for w in fits)
    return True
