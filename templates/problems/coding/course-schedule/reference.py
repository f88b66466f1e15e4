def can_finish(n, prerequisites):
    after = [[] for _ in range(n)]
    waiting = [0] * n
    for a, b in prerequisites:
        after[b].append(a)
        waiting[a] += 1
    ready = [c for c in range(n) if waiting[c] == 0]
    done = 0
    while ready:
        c = ready.pop()
        done += 1
        for nxt in after[c]:
            waiting[nxt] -= 1
            if waiting[nxt] == 0:
                ready.append(nxt)
    return done == n
