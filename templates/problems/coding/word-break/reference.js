function wordBreak(s, words) {
  const memo = new Map();
  const can = (start) => {
    if (start === s.length) return true;
    if (!memo.has(start)) memo.set(start, words.some((w) => s.startsWith(w, start) && can(start + w.length)));
    return memo.get(start);
  };
  return can(0);
}
