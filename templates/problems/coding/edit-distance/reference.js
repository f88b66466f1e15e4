function minDistance(word1, word2) {
  const d = Array.from({ length: word1.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= word2.length; j++) d[0][j] = j;
  for (let i = 1; i <= word1.length; i++) {
    for (let j = 1; j <= word2.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (word1[i - 1] === word2[j - 1] ? 0 : 1));
    }
  }
  return d[word1.length][word2.length];
}
