function smallestCapacity(parcels, days) {
  const daysFor = (capacity) => {
    let used = 1;
    let load = 0;
    for (const weight of parcels) {
      if (load + weight > capacity) {
        used++;
        load = 0;
      }
      load += weight;
    }
    return used;
  };
  let low = Math.max(...parcels);
  let high = parcels.reduce((sum, w) => sum + w, 0);
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (daysFor(mid) <= days) high = mid;
    else low = mid + 1;
  }
  return low;
}
