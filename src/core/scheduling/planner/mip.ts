import type { Highs } from 'highs';
import highsModule from 'highs';
import { type Assignment, Grid, loadCost, type PlanInput, qualified, weights } from './model.js';

// The package's types declare its loader as a CommonJS `default` export; as an ES module the
// default import is the loader itself.
const loadHighs = highsModule as unknown as () => Promise<Highs>;
let highs: Promise<Highs> | undefined;
/** The HiGHS WebAssembly runtime, compiled once per process. */
const runtime = () => {
  highs ??= loadHighs();
  return highs;
};

interface Column {
  cost: number;
  upper: number;
  integer: boolean;
}

/** A sparse model built row by row, handed to HiGHS in compressed-row form. */
class ModelBuilder {
  readonly columns: Column[] = [];
  private readonly starts = [0];
  private readonly indices: number[] = [];
  private readonly values: number[] = [];
  private readonly lower: number[] = [];
  private readonly upper: number[] = [];

  column(cost: number, upper = 1, integer = true) {
    this.columns.push({ cost, upper, integer });
    return this.columns.length - 1;
  }

  row(terms: [number, number][], lower: number, upper: number) {
    for (const [index, value] of terms) {
      this.indices.push(index);
      this.values.push(value);
    }
    this.starts.push(this.indices.length);
    this.lower.push(lower);
    this.upper.push(upper);
  }

  data(h: Highs, offset: number) {
    const numCols = this.columns.length;
    const numRows = this.lower.length;
    return {
      numCols,
      numRows,
      sense: h.constants.objectiveSense.maximize,
      offset,
      colCost: this.columns.map((c) => c.cost),
      colLower: this.columns.map(() => 0),
      colUpper: this.columns.map((c) => c.upper),
      rowLower: this.lower,
      rowUpper: this.upper,
      matrix: {
        format: 'csr' as const,
        numRows,
        numCols,
        starts: this.starts,
        indices: this.indices,
        values: this.values,
      },
      integrality: this.columns.map((c) => (c.integer ? 1 : 0) as 0 | 1),
    };
  }
}

export interface MipResult {
  /** null when HiGHS found no plan within the time limit. */
  assignments: Assignment[] | null;
  optimal: boolean;
  /** The best bound HiGHS proved on the objective (an upper bound: it maximises). */
  bound: number;
  /** The objective of the plan found, as HiGHS computed it. */
  objective: number;
  variables: number;
}

/**
 * Counts the placement variables the formulation would have, without building it: the size test
 * that decides between the solver and the heuristic.
 */
export function mipSize(input: PlanInput): number {
  return formulate(input, true).count;
}

/**
 * The plan as a mixed-integer program. y[r,s] = round r starts at step s; x[r,k,s] = interviewer
 * k sits on it; d[c,day] = the candidate comes in on that local day; w[k] = interviewer k's load
 * cost (above its convex piecewise-linear lower envelope, exact at whole loads). Hard constraints:
 * a panel of exactly the round's size, at most one start per round, round r+1 only after round r
 * ended plus the gap (which also means "only if r is booked"), one interview at a time per
 * interviewer, and each interviewer's weekly cap.
 */
function formulate(input: PlanInput, countOnly: boolean) {
  const grid = new Grid(input);
  const n = grid.n;
  const gapSteps = grid.steps(input.minGapMinutes);
  const m = new ModelBuilder();
  const people = input.interviewers.map((i) => ({
    ...i,
    mask: grid.mask(i.free),
    zone: grid.zone(i.timezone),
  }));
  const fits = (mask: Uint8Array, s: number, length: number) => {
    for (let k = s; k < s + length; k++) if (!mask[k]) return false;
    return true;
  };
  const decode: {
    y: number;
    candidate: string;
    round: string;
    step: number;
    minutes: number;
    panel: [number, number][];
  }[] = [];
  const byInterviewer = new Map<number, { col: number; step: number; length: number }[]>();
  let count = 0;

  for (const c of input.candidates) {
    const free = grid.mask(c.free);
    if (c.earliest !== undefined) for (let s = 0; s < n && grid.time(s) < c.earliest; s++) free[s] = 0;
    const zone = grid.zone(c.timezone);
    const dayColumns = new Map<number, number>();
    let previous: { starts: { step: number; y: number }[]; length: number } | null = null;
    for (const r of c.rounds) {
      const length = grid.steps(r.durationMinutes);
      const eligible = people.flatMap((p, k) => (qualified(p, c, r) ? [k] : []));
      const starts: { step: number; y: number }[] = [];
      for (let s = 0; s + length <= n; s++) {
        if (!fits(free, s, length)) continue;
        const panel = eligible.filter((k) => fits(people[k]!.mask, s, length));
        if (panel.length < r.panelSize) continue;
        count += panel.length + 1;
        if (countOnly) continue;
        const y = m.column(
          weights.booked - grid.delay(s) - grid.discomfort(c.timezone, s, r.durationMinutes),
        );
        const xs = panel.map((k) => {
          const col = m.column(-grid.discomfort(people[k]!.timezone, s, r.durationMinutes));
          const list = byInterviewer.get(k) ?? [];
          list.push({ col, step: s, length });
          byInterviewer.set(k, list);
          return [k, col] as [number, number];
        });
        m.row([...xs.map(([, col]) => [col, 1] as [number, number]), [y, -r.panelSize]], 0, 0);
        starts.push({ step: s, y });
        decode.push({ y, candidate: c.id, round: r.key, step: s, minutes: r.durationMinutes, panel: xs });
        const day = zone.day[s]!;
        if (!dayColumns.has(day)) dayColumns.set(day, m.column(-weights.perCandidateDay));
      }
      if (countOnly) continue;
      m.row(
        starts.map((x) => [x.y, 1]),
        0,
        1,
      );
      // Each local day: this round starts there only if the candidate comes in that day.
      const perDay = new Map<number, number[]>();
      for (const x of starts) perDay.set(zone.day[x.step]!, [...(perDay.get(zone.day[x.step]!) ?? []), x.y]);
      for (const [day, ys] of perDay)
        m.row([...ys.map((y) => [y, 1] as [number, number]), [dayColumns.get(day)!, -1]], -Infinity, 0);
      // Precedence: a start at s for this round needs the previous round to have started by s − length − gap.
      if (previous) {
        const before = previous;
        for (const x of starts) {
          const earlier = before.starts.filter((p) => p.step + before.length + gapSteps <= x.step);
          m.row([[x.y, 1], ...earlier.map((p) => [p.y, -1] as [number, number])], -Infinity, 0);
        }
      }
      previous = { starts, length };
    }
  }

  let offset = 0;
  if (!countOnly) {
    for (const [k, xs] of byInterviewer) {
      const p = people[k]!;
      // One interview at a time.
      const covering = new Map<number, number[]>();
      for (const x of xs)
        for (let s = x.step; s < x.step + x.length; s++) covering.set(s, [...(covering.get(s) ?? []), x.col]);
      for (const cols of covering.values())
        if (cols.length > 1)
          m.row(
            cols.map((col) => [col, 1]),
            -Infinity,
            1,
          );
      // The weekly cap, in the interviewer's own weeks.
      const perWeek = new Map<string, number[]>();
      for (const x of xs)
        perWeek.set(p.zone.week[x.step]!, [...(perWeek.get(p.zone.week[x.step]!) ?? []), x.col]);
      for (const [week, cols] of perWeek) {
        const left = Math.max(0, p.weeklyCap - (p.bookedPerWeek[week] ?? 0));
        if (cols.length > left)
          m.row(
            cols.map((col) => [col, 1]),
            -Infinity,
            left,
          );
      }
      // Even load: w ≥ f(j−1) + step·j·(L − (j−1)) for every whole load j the interviewer could reach.
      const w = m.column(-1, Number.POSITIVE_INFINITY, false);
      offset += loadCost(p.load);
      const most = p.load + Math.min(xs.length, new Set(xs.map((x) => x.step)).size);
      for (let j = Math.max(1, p.load); j <= most; j++) {
        const slope = weights.loadStep * j;
        const constant = loadCost(j - 1) - slope * (j - 1) + slope * p.load;
        m.row([...xs.map((x) => [x.col, slope] as [number, number]), [w, -1]], -Infinity, -constant);
      }
    }
  }
  return { m, decode, offset, count, people };
}

/** Solves the program with HiGHS within `timeLimitSeconds`. */
export async function solveMip(input: PlanInput, timeLimitSeconds: number): Promise<MipResult> {
  const h = await runtime();
  const { m, decode, offset, people } = formulate(input, false);
  const grid = new Grid(input);
  if (m.columns.length === 0) return { assignments: [], optimal: true, bound: 0, objective: 0, variables: 0 };
  return h.withModel(m.data(h, offset), (model) => {
    model.options.set({ output_flag: false, time_limit: timeLimitSeconds, mip_rel_gap: 0 });
    model.run();
    const status = model.getModelStatus();
    const bound = Number(model.info.get('mip_dual_bound'));
    const feasible = Number(model.info.get('primal_solution_status')) === h.constants.solutionStatus.feasible;
    if (!feasible)
      return { assignments: null, optimal: false, bound, objective: Number.NaN, variables: m.columns.length };
    const value = model.getSolution().colValue;
    const assignments: Assignment[] = decode
      .filter((d) => value[d.y]! > 0.5)
      .map((d) => ({
        candidateId: d.candidate,
        roundKey: d.round,
        start: grid.time(d.step),
        end: grid.time(d.step) + d.minutes * 60_000,
        interviewerIds: d.panel.filter(([, col]) => value[col]! > 0.5).map(([k]) => people[k]!.id),
      }));
    return {
      assignments,
      optimal: status === h.constants.modelStatus.optimal,
      bound,
      objective: model.getObjectiveValue(),
      variables: m.columns.length,
    };
  });
}
