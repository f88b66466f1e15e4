def shortest_route(grid):
    rows, cols = len(grid), len(grid[0])
    ok = [[False] * cols for _ in range(rows)]
    for r in range(rows):
        for c in range(cols):
            ok[r][c] = grid[r][c] == '.' and ((r == 0 and c == 0) or (r > 0 and ok[r - 1][c]) or (c > 0 and ok[r][c - 1]))
    return rows + cols - 2 if ok[rows - 1][cols - 1] else -1
