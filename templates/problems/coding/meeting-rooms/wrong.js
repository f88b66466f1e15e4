function minMeetingRooms(meetings) {
  // compares each meeting with the previous one only
  const ordered = [...meetings].sort((a, b) => a[0] - b[0]);
  let rooms = 1;
  let most = 1;
  for (let i = 1; i < ordered.length; i++) {
    rooms = ordered[i][0] < ordered[i - 1][1] ? rooms + 1 : 1;
    most = Math.max(most, rooms);
  }
  return most;
}
