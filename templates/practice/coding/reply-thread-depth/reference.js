function deepestThread(parent) {
  const depth = new Array(parent.length).fill(0);
  let best = 0;
  for (let i = 0; i < parent.length; i++) {
    // Climb to the first comment whose depth is known, then fill the path back down.
    const path = [];
    let at = i;
    while (at !== -1 && depth[at] === 0) {
      path.push(at);
      at = parent[at];
    }
    let known = at === -1 ? 0 : depth[at];
    while (path.length) {
      known += 1;
      depth[path.pop()] = known;
    }
    best = Math.max(best, depth[i]);
  }
  return best;
}
