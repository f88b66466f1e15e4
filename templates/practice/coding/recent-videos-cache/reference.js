function runCache(capacity, operations) {
  // A Map iterates in insertion order: deleting and re-inserting a key makes it the most recent.
  const cache = new Map();
  const results = [];
  for (const [kind, id, size] of operations) {
    if (kind === 'get') {
      if (!cache.has(id)) {
        results.push(-1);
        continue;
      }
      const value = cache.get(id);
      cache.delete(id);
      cache.set(id, value);
      results.push(value);
    } else {
      if (cache.has(id)) cache.delete(id);
      else if (cache.size === capacity) cache.delete(cache.keys().next().value);
      cache.set(id, size);
    }
  }
  return results;
}
