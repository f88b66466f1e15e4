function networkDelayTime(times, n, k) {
  // breadth-first by hops, keeping the first time found
  const arrival = new Map([[k, 0]]);
  let frontier = [k];
  while (frontier.length) {
    const next = [];
    for (const u of frontier) {
      for (const [from, v, w] of times) {
        if (from === u && !arrival.has(v)) {
          arrival.set(v, arrival.get(u) + w);
          next.push(v);
        }
      }
    }
    frontier = next;
  }
  return arrival.size === n ? Math.max(...arrival.values()) : -1;
}
