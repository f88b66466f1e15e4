function shortestRoute(grid) {
  const rows = grid.length;
  const cols = grid[0].length;
  if (grid[0][0] === '#' || grid[rows - 1][cols - 1] === '#') return -1;
  const steps = new Array(rows * cols).fill(-1);
  steps[0] = 0;
  const queue = [0];
  for (let head = 0; head < queue.length; head++) {
    const cell = queue[head];
    const r = Math.floor(cell / cols);
    const c = cell % cols;
    for (const [dr, dc] of [[1, 0], [-1, 0], [0, 1], [0, -1]]) {
      const nr = r + dr;
      const nc = c + dc;
      if (nr < 0 || nc < 0 || nr >= rows || nc >= cols || grid[nr][nc] === '#') continue;
      const next = nr * cols + nc;
      if (steps[next] !== -1) continue;
      steps[next] = steps[cell] + 1;
      queue.push(next);
    }
  }
  return steps[rows * cols - 1];
}
