function groupAnagrams(words) {
  const groups = new Map();
  for (const w of words) {
    const key = [...w].sort().join('');
    groups.set(key, [...(groups.get(key) ?? []), w]);
  }
  const byWord = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  return [...groups.values()].map((g) => g.sort(byWord)).sort((a, b) => byWord(a[0], b[0]));
}
