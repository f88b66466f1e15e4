function numIslands(grid) {
  // counts land cells with no land above or to the left: wrong for U-shapes
  let count = 0;
  grid.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) {
      if (row[c] === '1' && (r === 0 || grid[r - 1][c] === '0') && (c === 0 || row[c - 1] === '0')) count++;
    }
  });
  return count;
}
