function repeatsNearby(viewerIds, k) {
  const lastSeen = new Map();
  for (let i = 0; i < viewerIds.length; i++) {
    const before = lastSeen.get(viewerIds[i]);
    if (before !== undefined && i - before <= k) return true;
    lastSeen.set(viewerIds[i], i);
  }
  return false;
}
