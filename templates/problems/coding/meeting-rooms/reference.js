function minMeetingRooms(meetings) {
  // sweep: +1 at each start, -1 at each end, ends before starts at the same time
  const events = meetings.flatMap(([s, e]) => [[s, 1], [e, -1]]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let rooms = 0;
  let most = 0;
  for (const [, change] of events) most = Math.max(most, (rooms += change));
  return most;
}
