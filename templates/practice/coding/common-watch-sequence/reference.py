def shared_order(first, second):
    # row[j]: the answer for the prefix of first read so far and second's first j videos
    row = [0] * (len(second) + 1)
    for video in first:
        nxt = [0]
        for j, other in enumerate(second):
            nxt.append(row[j] + 1 if video == other else max(row[j + 1], nxt[j]))
        row = nxt
    return row[-1]
