function sharedOrder(first, second) {
  // row[j]: the answer for the prefix of first read so far and second's first j videos
  let row = new Array(second.length + 1).fill(0);
  for (const video of first) {
    const next = [0];
    for (let j = 0; j < second.length; j++)
      next.push(video === second[j] ? row[j] + 1 : Math.max(row[j + 1], next[j]));
    row = next;
  }
  return row[second.length];
}
