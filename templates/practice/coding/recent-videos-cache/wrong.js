function runCache(capacity, operations) {
  // removes the video stored first, however recently it was opened
  const cache = new Map();
  const results = [];
  for (const [kind, id, size] of operations) {
    if (kind === 'get') results.push(cache.has(id) ? cache.get(id) : -1);
    else {
      if (!cache.has(id) && cache.size === capacity) cache.delete(cache.keys().next().value);
      cache.set(id, size);
    }
  }
  return results;
}
