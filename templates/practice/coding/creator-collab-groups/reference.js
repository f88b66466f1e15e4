function countGroups(n, collabs) {
  const root = Array.from({ length: n }, (_, i) => i);
  const find = (x) => {
    while (root[x] !== x) {
      root[x] = root[root[x]];
      x = root[x];
    }
    return x;
  };
  let groups = n;
  for (const [a, b] of collabs) {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) {
      root[ra] = rb;
      groups--;
    }
  }
  return groups;
}
