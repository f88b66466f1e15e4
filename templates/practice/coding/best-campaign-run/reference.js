function bestRun(returns) {
  let endingHere = returns[0];
  let best = returns[0];
  for (let i = 1; i < returns.length; i++) {
    endingHere = Math.max(returns[i], endingHere + returns[i]);
    best = Math.max(best, endingHere);
  }
  return best;
}
