function networkDelayTime(times, n, k) {
  // Bellman-Ford: relax every edge n - 1 times
  const arrival = new Array(n + 1).fill(Infinity);
  arrival[k] = 0;
  for (let round = 1; round < n; round++) {
    for (const [u, v, w] of times) if (arrival[u] + w < arrival[v]) arrival[v] = arrival[u] + w;
  }
  const slowest = Math.max(...arrival.slice(1));
  return slowest === Infinity ? -1 : slowest;
}
