function bestSlots(revenue) {
  // every other slot, starting at the first or the second
  let even = 0;
  let odd = 0;
  revenue.forEach((value, i) => {
    if (i % 2 === 0) even += value;
    else odd += value;
  });
  return Math.max(even, odd);
}
