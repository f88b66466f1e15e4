import type { Clock } from '../../shared/ports.js';
import { type Assignment, Grid, type PlanInput, qualified, uncomfortable, weights } from './model.js';

/** Swaps tried per candidate left short in the repair step: enough for small weeks, bounded for large ones. */
const MAX_RIVALS = 12;

interface Placement {
  round: number;
  step: number;
  panel: number[];
}

/**
 * A fast plan for inputs too large for the solver. Candidates are placed one at a time, the most
 * constrained first; for each, every day of the window is tried as the first day and the rounds
 * are laid out greedily from there, each at the best-scoring start with the least-loaded free
 * panel; the best of those sequences is kept. Further passes take each candidate out and place
 * them again now that everyone's load is known. Stops early once `deadline.clock` reaches
 * `deadline.at` (epoch ms).
 */
export function planHeuristic(
  input: PlanInput,
  options: { passes?: number; deadline?: { clock: Clock; at: number } } = {},
): Assignment[] {
  const late = () =>
    options.deadline !== undefined && options.deadline.clock.now().getTime() > options.deadline.at;
  const grid = new Grid(input);
  const n = grid.n;
  const gapSteps = grid.steps(input.minGapMinutes);
  const people = input.interviewers.map((i) => {
    const zone = grid.zone(i.timezone);
    return {
      ...i,
      mask: grid.mask(i.free),
      busy: new Uint8Array(n),
      zone,
      load: i.load,
      perWeek: new Map(Object.entries(i.bookedPerWeek)),
    };
  });
  const candidates = input.candidates.map((c) => {
    const free = grid.mask(c.free);
    if (c.earliest !== undefined) for (let s = 0; s < n && grid.time(s) < c.earliest; s++) free[s] = 0;
    const zone = grid.zone(c.timezone);
    const dayStarts: number[] = [];
    for (let s = 0; s < n; s++)
      if (free[s] && (dayStarts.length === 0 || zone.day[s] !== zone.day[dayStarts.at(-1)!]))
        dayStarts.push(s);
    return {
      input: c,
      free,
      zone,
      dayStarts,
      rounds: c.rounds.map((r) => ({
        round: r,
        length: grid.steps(r.durationMinutes),
        eligible: input.interviewers.flatMap((p, k) => (qualified(p, c, r) ? [k] : [])),
      })),
    };
  });

  const fits = (mask: Uint8Array, busy: Uint8Array | null, s: number, length: number) => {
    for (let k = s; k < s + length; k++) if (!mask[k] || busy?.[k]) return false;
    return true;
  };

  /** The best sequence of rounds for one candidate whose first round starts on or after `from`. */
  function sequence(c: (typeof candidates)[number], from: number) {
    const placed: Placement[] = [];
    const days = new Set<number>();
    const extraLoad = new Map<number, number>();
    const extraWeek = new Map<string, number>();
    let value = 0;
    let earliest = from;
    for (let r = 0; r < c.rounds.length; r++) {
      const { round, length, eligible } = c.rounds[r]!;
      let best: { value: number; other: number; step: number; panel: number[] } | null = null;
      for (let s = earliest; s + length <= n; s++) {
        if (best && grid.delay(s) - grid.delay(best.step) > best.other) break;
        if (!fits(c.free, null, s, length)) continue;
        // The cheapest `panelSize` free interviewers, kept sorted by cost.
        const panel: { k: number; cost: number }[] = [];
        for (const k of eligible) {
          const p = people[k]!;
          if (!fits(p.mask, p.busy, s, length)) continue;
          const week = p.zone.week[s]!;
          const extra = extraLoad.get(k) ?? 0;
          const extraThisWeek = extra > 0 ? (extraWeek.get(`${k}|${week}`) ?? 0) : 0;
          if ((p.perWeek.get(week) ?? 0) + extraThisWeek >= p.weeklyCap) continue;
          const cost =
            uncomfortable(p.zone.minute[s]!, round.durationMinutes) + weights.loadStep * (p.load + extra + 1);
          if (panel.length === round.panelSize && cost >= panel[panel.length - 1]!.cost) continue;
          let at = panel.length;
          while (at > 0 && panel[at - 1]!.cost > cost) at--;
          panel.splice(at, 0, { k, cost });
          if (panel.length > round.panelSize) panel.pop();
        }
        if (panel.length < round.panelSize) continue;
        const other =
          uncomfortable(c.zone.minute[s]!, round.durationMinutes) +
          panel.reduce((sum, p) => sum + p.cost, 0) +
          (days.has(c.zone.day[s]!) ? 0 : weights.perCandidateDay);
        const v = weights.booked - grid.delay(s) - other;
        if (!best || v > best.value) best = { value: v, other, step: s, panel: panel.map((p) => p.k) };
      }
      if (!best) break;
      placed.push({ round: r, step: best.step, panel: best.panel });
      value += best.value;
      days.add(c.zone.day[best.step]!);
      for (const k of best.panel) {
        extraLoad.set(k, (extraLoad.get(k) ?? 0) + 1);
        const key = `${k}|${people[k]!.zone.week[best.step]}`;
        extraWeek.set(key, (extraWeek.get(key) ?? 0) + 1);
      }
      earliest = best.step + length + gapSteps;
    }
    return { value, placed };
  }

  /** What `sequence` would have scored these placements at, with everyone else's current load. */
  function score(index: number, placements: Placement[]) {
    const c = candidates[index]!;
    const days = new Set<number>();
    const extraLoad = new Map<number, number>();
    let value = 0;
    for (const { round, step, panel } of placements) {
      const minutes = c.rounds[round]!.round.durationMinutes;
      value += weights.booked - grid.delay(step) - grid.discomfort(c.input.timezone, step, minutes);
      if (!days.has(c.zone.day[step]!)) value -= weights.perCandidateDay;
      days.add(c.zone.day[step]!);
      for (const k of panel) {
        const extra = extraLoad.get(k) ?? 0;
        value -=
          grid.discomfort(people[k]!.timezone, step, minutes) +
          weights.loadStep * (people[k]!.load + extra + 1);
        extraLoad.set(k, extra + 1);
      }
    }
    return value;
  }

  const plans = new Map<number, Placement[]>();
  const apply = (index: number, placements: Placement[], sign: 1 | -1) => {
    const c = candidates[index]!;
    for (const { round, step, panel } of placements) {
      const length = c.rounds[round]!.length;
      for (const k of panel) {
        const p = people[k]!;
        for (let s = step; s < step + length; s++) p.busy[s] = sign === 1 ? 1 : 0;
        p.load += sign;
        const week = p.zone.week[step]!;
        p.perWeek.set(week, (p.perWeek.get(week) ?? 0) + sign);
      }
    }
  };

  // Most constrained first: fewest free steps times qualified interviewers for the first round.
  const order = candidates
    .map((c, index) => ({
      index,
      room: c.free.reduce((a, b) => a + b, 0) * (c.rounds[0]?.eligible.length ?? 0),
    }))
    .sort((a, b) => a.room - b.room)
    .map((x) => x.index);

  /** The best placement for one candidate given everyone else's current plan. */
  const bestFor = (index: number) => {
    let best = { value: -1, placed: [] as Placement[] };
    for (const from of candidates[index]!.dayStarts) {
      const option = sequence(candidates[index]!, from);
      if (option.value > best.value) best = option;
    }
    return best;
  };

  const passes = options.passes ?? 2;
  for (let pass = 0; pass < passes; pass++) {
    if (pass > 0 && late()) break;
    for (const index of order) {
      const current = plans.get(index);
      if (current) apply(index, current, -1);
      // A later pass keeps the candidate's current rounds unless a re-placement scores better.
      const fresh = bestFor(index);
      const best = current && score(index, current) >= fresh.value ? { placed: current } : fresh;
      plans.set(index, best.placed);
      apply(index, best.placed, 1);
    }
  }

  // Repair: a candidate left with rounds unbooked may have lost them to someone placed earlier.
  // Take out one candidate sharing their interviewers, place the short one first, then the other;
  // keep the swap only if the two together score better.
  for (const index of order) {
    const c = candidates[index]!;
    if ((plans.get(index)?.length ?? 0) === c.rounds.length) continue;
    const eligible = new Set(c.rounds.flatMap((r) => r.eligible));
    const rivals = order
      .filter((o) => o !== index && plans.get(o)?.some((p) => p.panel.some((k) => eligible.has(k))))
      .slice(0, MAX_RIVALS);
    for (const other of rivals) {
      if (late()) break;
      const mine = plans.get(index) ?? [];
      const theirs = plans.get(other)!;
      apply(index, mine, -1);
      apply(other, theirs, -1);
      const before = score(index, mine) + score(other, theirs);
      const first = bestFor(index);
      apply(index, first.placed, 1);
      const second = bestFor(other);
      apply(other, second.placed, 1);
      if (first.value + second.value > before) {
        plans.set(index, first.placed);
        plans.set(other, second.placed);
        if (first.placed.length === c.rounds.length) break;
      } else {
        apply(index, first.placed, -1);
        apply(other, second.placed, -1);
        apply(index, mine, 1);
        apply(other, theirs, 1);
      }
    }
  }

  const assignments: Assignment[] = [];
  for (const [index, placements] of plans) {
    const c = candidates[index]!;
    for (const { round, step, panel } of placements) {
      const r = c.rounds[round]!.round;
      const start = grid.time(step);
      assignments.push({
        candidateId: c.input.id,
        roundKey: r.key,
        start,
        end: start + r.durationMinutes * 60_000,
        interviewerIds: panel.map((k) => people[k]!.id),
      });
    }
  }
  return assignments;
}
