function canFinish(n, prerequisites) {
  const after = Array.from({ length: n }, () => []);
  const waiting = new Array(n).fill(0);
  for (const [a, b] of prerequisites) {
    after[b].push(a);
    waiting[a]++;
  }
  const ready = [];
  for (let c = 0; c < n; c++) if (waiting[c] === 0) ready.push(c);
  let done = 0;
  while (ready.length) {
    const c = ready.pop();
    done++;
    for (const next of after[c]) if (--waiting[next] === 0) ready.push(next);
  }
  return done === n;
}
