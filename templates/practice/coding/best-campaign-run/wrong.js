function bestRun(returns) {
  // starts from an empty run, so an all-negative list gives 0
  let endingHere = 0;
  let best = 0;
  for (const value of returns) {
    endingHere = Math.max(0, endingHere + value);
    best = Math.max(best, endingHere);
  }
  return best;
}
