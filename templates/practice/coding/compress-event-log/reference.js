function compressLog(events) {
  const parts = [];
  let start = 0;
  for (let i = 1; i <= events.length; i++) {
    if (i === events.length || events[i] !== events[start]) {
      const length = i - start;
      parts.push(events[start] + (length > 1 ? String(length) : ''));
      start = i;
    }
  }
  const compressed = parts.join('');
  return compressed.length < events.length ? compressed : events;
}
