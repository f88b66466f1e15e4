function shortestRoute(grid) {
  // only moves right and down
  const rows = grid.length;
  const cols = grid[0].length;
  const ok = grid.map((row) => [...row].map(() => false));
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++)
      ok[r][c] = grid[r][c] === '.' && ((r === 0 && c === 0) || (r > 0 && ok[r - 1][c]) || (c > 0 && ok[r][c - 1]));
  return ok[rows - 1][cols - 1] ? rows + cols - 2 : -1;
}
