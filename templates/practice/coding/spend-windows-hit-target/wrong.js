function countWindows(changes, target) {
  // a shrinking window, which only works when every change is positive
  let start = 0;
  let sum = 0;
  let windows = 0;
  for (let end = 0; end < changes.length; end++) {
    sum += changes[end];
    while (sum > target && start < end) sum -= changes[start++];
    if (sum === target) windows++;
  }
  return windows;
}
