function daysUntilHigher(prices) {
  const wait = new Array(prices.length).fill(0);
  const waiting = []; // days without a higher price yet, their prices falling or level
  for (let day = 0; day < prices.length; day++) {
    while (waiting.length && prices[waiting[waiting.length - 1]] < prices[day]) {
      const before = waiting.pop();
      wait[before] = day - before;
    }
    waiting.push(day);
  }
  return wait;
}
