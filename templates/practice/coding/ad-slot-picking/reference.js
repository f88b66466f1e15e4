function bestSlots(revenue) {
  let skip = 0; // best total so far with the previous slot empty
  let take = 0; // best total so far with the previous slot filled
  for (const value of revenue) {
    const nextTake = skip + value;
    skip = Math.max(skip, take);
    take = nextTake;
  }
  return Math.max(skip, take);
}
