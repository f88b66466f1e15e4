from collections import deque

def shortest_route(grid):
    rows, cols = len(grid), len(grid[0])
    if grid[0][0] == '#' or grid[rows - 1][cols - 1] == '#':
        return -1
    steps = {(0, 0): 0}
    queue = deque([(0, 0)])
    while queue:
        r, c = queue.popleft()
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] == '.' and (nr, nc) not in steps:
                steps[(nr, nc)] = steps[(r, c)] + 1
                queue.append((nr, nc))
    return steps.get((rows - 1, cols - 1), -1)
