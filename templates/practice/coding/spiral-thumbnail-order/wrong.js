function spiralOrder(grid) {
  // walks back along a ring that is a single row or column, reviewing it twice
  const out = [];
  let top = 0;
  let bottom = grid.length - 1;
  let left = 0;
  let right = grid[0].length - 1;
  while (top <= bottom && left <= right) {
    for (let c = left; c <= right; c++) out.push(grid[top][c]);
    for (let r = top + 1; r <= bottom; r++) out.push(grid[r][right]);
    for (let c = right - 1; c >= left; c--) out.push(grid[bottom][c]);
    for (let r = bottom - 1; r > top; r--) out.push(grid[r][left]);
    top++;
    bottom--;
    left++;
    right--;
  }
  return out;
}
