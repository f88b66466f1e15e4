/** What a sandbox is asked to do: define the candidate's code, then call `entry` once per test. */
export type RunRequest = {
  source: string;
  entry: string;
  /** Each test's arguments, as JSON values; a fresh copy reaches each call. */
  tests: { args: unknown[] }[];
  limits: RunLimits;
};

export type RunLimits = {
  /** CPU time for the whole run, counted on the run's own thread or process. */
  timeMs: number;
  /** Memory the candidate's code may hold beyond the runtime's own. */
  memoryBytes: number;
  /** Console output kept; the rest is cut. */
  outputBytes: number;
};

/** One call's outcome. `value` is the JSON the call returned; nothing else leaves the sandbox. */
export type CallOutcome =
  | { status: 'returned'; value: string }
  | { status: 'threw'; message: string }
  | { status: 'not_run' };

export type RunOutcome =
  /** Every call ran (each may still have thrown). */
  | 'completed'
  /** The code did not parse, or `entry` is not a function it defines. */
  | 'invalid'
  | 'time_limit'
  | 'memory_limit'
  /** The sandbox itself died (and was replaced). */
  | 'crashed';

export type RunResult = {
  outcome: RunOutcome;
  /** Why the run was `invalid`, `crashed` or stopped; empty when completed. */
  detail: string;
  calls: CallOutcome[];
  output: string;
  elapsedMs: number;
};

/** Runs requests on warm runners until closed; `owner` (a link, a pad) takes its turn with the others. */
export type Pool<Request, Result> = {
  run(request: Request, owner?: string): Promise<Result>;
  close(): Promise<void>;
};
export type Sandbox = Pool<RunRequest, RunResult>;

/** One SQL statement against a fresh copy of a question's dataset. */
export type SqlRequest = { source: string; limits: RunLimits };

export type SqlResult = {
  outcome: RunOutcome;
  detail: string;
  columns: string[];
  /** The first 1,000 rows, values as JSON. */
  rows: unknown[][];
  rowCount: number;
  elapsedMs: number;
};
