function smallestCapacity(parcels, days) {
  // the average load per day, as if parcels could be split across days
  const total = parcels.reduce((sum, w) => sum + w, 0);
  return Math.max(Math.max(...parcels), Math.ceil(total / days));
}
