/**
 * Half-open intervals [start, end) over UTC instants in milliseconds. Every function returns a
 * normalised list: sorted, non-empty and non-overlapping, with touching intervals merged, so the
 * results of any two operations can be compared with deep equality.
 */
export interface Interval {
  start: number;
  end: number;
}

export function normalize(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ start: i.start, end: i.end });
  }
  return out;
}

export function union(...lists: readonly (readonly Interval[])[]): Interval[] {
  return normalize(lists.flat());
}

/** Instants in both lists. */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const x = normalize(a);
  const y = normalize(b);
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const start = Math.max(x[i]!.start, y[j]!.start);
    const end = Math.min(x[i]!.end, y[j]!.end);
    if (end > start) out.push({ start, end });
    if (x[i]!.end < y[j]!.end) i++;
    else j++;
  }
  return out;
}

/** Instants in every list (a panel's common free time); nothing when there is no list. */
export function intersectAll(lists: readonly (readonly Interval[])[]): Interval[] {
  if (lists.length === 0) return [];
  return lists.slice(1).reduce<Interval[]>((acc, list) => intersect(acc, list), normalize(lists[0]!));
}

/** Instants in `a` and not in `b`. */
export function subtract(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const x = normalize(a);
  const y = normalize(b);
  const out: Interval[] = [];
  let j = 0;
  for (const interval of x) {
    let start = interval.start;
    while (j < y.length && y[j]!.end <= start) j++;
    let k = j;
    while (k < y.length && y[k]!.start < interval.end) {
      if (y[k]!.start > start) out.push({ start, end: y[k]!.start });
      start = Math.max(start, y[k]!.end);
      k++;
    }
    if (start < interval.end) out.push({ start, end: interval.end });
  }
  return out;
}

/** True when [start, end) lies wholly inside one interval of the normalised list. */
export function covers(intervals: readonly Interval[], start: number, end: number): boolean {
  let lo = 0;
  let hi = intervals.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const i = intervals[mid]!;
    if (i.end <= start) lo = mid + 1;
    else if (i.start > start) hi = mid - 1;
    else return end <= i.end;
  }
  return false;
}

/**
 * Start instants of every slot of `duration` that fits inside the free time, on a grid of `step`
 * counted from the epoch (so :00 and :30 starts, whatever the free time's edges).
 */
export function slots(free: readonly Interval[], duration: number, step: number): number[] {
  const out: number[] = [];
  for (const interval of normalize(free)) {
    for (let t = Math.ceil(interval.start / step) * step; t + duration <= interval.end; t += step)
      out.push(t);
  }
  return out;
}
