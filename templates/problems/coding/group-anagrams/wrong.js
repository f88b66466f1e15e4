function groupAnagrams(words) {
  // groups by letters used, ignoring how often each appears
  const groups = new Map();
  for (const w of words) {
    const key = [...new Set(w)].sort().join('');
    groups.set(key, [...(groups.get(key) ?? []), w]);
  }
  const byWord = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  return [...groups.values()].map((g) => g.sort(byWord)).sort((a, b) => byWord(a[0], b[0]));
}
