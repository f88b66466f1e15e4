def min_distance(word1, word2):
    # position-by-position differences plus the length gap
    return sum(a != b for a, b in zip(word1, word2)) + abs(len(word1) - len(word2))
