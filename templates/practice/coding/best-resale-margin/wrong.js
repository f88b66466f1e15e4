function maxMargin(prices) {
  // ignores that the sale must come after the purchase
  return Math.max(...prices) - Math.min(...prices);
}
