function wordBreak(s, words) {
  // greedy: always takes the longest word that fits
  let i = 0;
  while (i < s.length) {
    const fits = words.filter((w) => s.startsWith(w, i));
    if (!fits.length) return false;
    i += Math.max(...fits.map((w) => w.length));
  }
  return true;
}
