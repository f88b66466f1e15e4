function minDistance(word1, word2) {
  // position-by-position differences plus the length gap
  let diff = Math.abs(word1.length - word2.length);
  for (let i = 0; i < Math.min(word1.length, word2.length); i++) if (word1[i] !== word2[i]) diff++;
  return diff;
}
