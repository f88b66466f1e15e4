function mergeFeeds(feeds) {
  // drops repeated times
  return [...new Set(feeds.flat())].sort((a, b) => a - b);
}
