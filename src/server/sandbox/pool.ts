import fs from 'node:fs';
import type { CallOutcome, RunLimits, RunOutcome } from './runs.js';

type Limited = { limits: Pick<RunLimits, 'timeMs' | 'memoryBytes'> };

/** A sandbox thread or process, seen from the host. It says `{ ready }` whenever it can take a run. */
export type Runner<Request, Result> = {
  post(message: { id: number; request: Request }): void;
  onMessage(listener: (message: RunnerMessage<Result>) => void): void;
  onExit(listener: (reason: string) => void): void;
  kill(): Promise<void>;
  /**
   * The runner's CPU time, and resident memory when it is a process of its own (a thread shares its
   * process's); null when it cannot be read.
   */
  usage(): Usage | null;
  /** Whether the runner stops a run at its CPU time itself (the host then waits a grace longer). */
  limitsItself: boolean;
};

export type Usage = { cpuMs: number; rssBytes: number | null };

export type RunnerMessage<Result> =
  /** A thread says which one it is, so that its CPU time can be read. */
  | { ready: true; tid?: number }
  | { id: number; call: { index: number; outcome: CallOutcome } }
  | { id: number; result: Result };

type Job<Request, Result> = { id: number; request: Request; resolve: (result: Result) => void };

/**
 * Waiting jobs by owner (an assessment link, a pad), taken in turn: one owner's many runs do not
 * keep another's first run waiting behind all of them.
 */
export function fairQueue<Item>() {
  const byOwner = new Map<string, Item[]>();
  const turns: string[] = [];
  return {
    push(owner: string, item: Item) {
      const waiting = byOwner.get(owner);
      if (waiting) waiting.push(item);
      else {
        byOwner.set(owner, [item]);
        turns.push(owner);
      }
    },
    shift(): Item | undefined {
      const owner = turns.shift();
      if (owner === undefined) return undefined;
      const waiting = byOwner.get(owner) ?? [];
      const item = waiting.shift();
      if (waiting.length > 0) turns.push(owner);
      else byOwner.delete(owner);
      return item;
    },
    drain(): Item[] {
      const all = [...byOwner.values()].flat();
      byOwner.clear();
      turns.length = 0;
      return all;
    },
  };
}

type Slot<Request, Result> = {
  runner: Runner<Request, Result> | null;
  ready: boolean;
  job: Job<Request, Result> | null;
  /** Calls the runner reported before it was stopped. */
  calls: CallOutcome[];
  watchdog: NodeJS.Timeout | null;
};

export type Stop = { outcome: RunOutcome; detail: string; calls: CallOutcome[]; elapsedMs: number };

export type PoolOptions<Request, Result> = {
  size: number;
  start: () => Runner<Request, Result>;
  /** Extra wall time past a run's limit before the runner is killed. */
  graceMs: number;
  /** The result of a run that did not finish. */
  stopped: (request: Request, stop: Stop) => Result;
};

const WATCH_EVERY_MS = 20;
/** A run may take this many times its CPU time in wall time (a starved machine) before it is stopped. */
export const WALL_FACTOR = 5;

/**
 * Runs jobs on `size` runners, one job each at a time, owners in turn and each owner's oldest first.
 * Each runner starts at once and stays warm between runs. A runner that goes over a run's CPU time
 * or memory is killed, its run reported as such with the calls it finished, and a new runner takes
 * its place; one that dies on its own is reported as `crashed` and replaced too. Wall time stops a
 * run only far past its CPU time, so a busy machine slows runs without failing them.
 */
export function sandboxPool<Request extends Limited, Result>(options: PoolOptions<Request, Result>) {
  const queue = fairQueue<Job<Request, Result>>();
  let nextId = 0;
  let closed = false;
  const slots: Slot<Request, Result>[] = Array.from({ length: options.size }, () => ({
    runner: null,
    ready: false,
    job: null,
    calls: [],
    watchdog: null,
  }));

  const settle = (slot: Slot<Request, Result>, result: Result) => {
    const job = slot.job;
    if (slot.watchdog) clearInterval(slot.watchdog);
    slot.job = null;
    slot.watchdog = null;
    job?.resolve(result);
  };

  const stop = (slot: Slot<Request, Result>, outcome: RunOutcome, detail: string, started: number) => {
    if (!slot.job) return;
    const elapsedMs = performance.now() - started;
    settle(slot, options.stopped(slot.job.request, { outcome, detail, calls: slot.calls, elapsedMs }));
    const runner = slot.runner;
    slot.runner = null;
    slot.ready = false;
    void runner?.kill().finally(() => boot(slot));
  };

  const watch = (slot: Slot<Request, Result>, job: Job<Request, Result>) => {
    const started = performance.now();
    const runner = slot.runner;
    const { timeMs, memoryBytes } = job.request.limits;
    const cpuLimit = timeMs + (runner?.limitsItself ? options.graceMs : 0);
    const before = runner?.usage() ?? null;
    slot.watchdog = setInterval(() => {
      const elapsed = performance.now() - started;
      const now = runner?.usage() ?? null;
      if (before && now && now.cpuMs - before.cpuMs > cpuLimit)
        return stop(slot, 'time_limit', `stopped after ${timeMs} ms of CPU time`, started);
      if (before?.rssBytes && now?.rssBytes && now.rssBytes - before.rssBytes > memoryBytes)
        return stop(slot, 'memory_limit', `stopped above ${memoryBytes} bytes`, started);
      // The backstop, and the limit itself where CPU time cannot be read.
      const wallLimit = (before && now ? timeMs * WALL_FACTOR : timeMs) + options.graceMs;
      if (elapsed > wallLimit) stop(slot, 'time_limit', `stopped after ${Math.round(elapsed)} ms`, started);
    }, WATCH_EVERY_MS);
  };

  const dispatch = () => {
    for (const slot of slots) {
      if (!slot.ready || slot.job || !slot.runner) continue;
      const job = queue.shift();
      if (!job) return;
      slot.ready = false;
      slot.job = job;
      slot.calls = [];
      watch(slot, job);
      slot.runner.post({ id: job.id, request: job.request });
    }
  };

  const boot = (slot: Slot<Request, Result>) => {
    if (closed) return;
    const runner = options.start();
    slot.runner = runner;
    runner.onMessage((message) => {
      if (slot.runner !== runner) return;
      if ('ready' in message) {
        slot.ready = true;
        dispatch();
      } else if (slot.job?.id === message.id) {
        if ('call' in message) slot.calls[message.call.index] = message.call.outcome;
        else settle(slot, message.result);
      }
    });
    runner.onExit((reason) => {
      if (slot.runner !== runner) return;
      slot.runner = null;
      slot.ready = false;
      if (slot.job)
        settle(
          slot,
          options.stopped(slot.job.request, {
            outcome: 'crashed',
            detail: reason,
            calls: slot.calls,
            elapsedMs: 0,
          }),
        );
      setTimeout(() => boot(slot), 100);
    });
  };

  for (const slot of slots) boot(slot);

  return {
    /** Runs a request when a runner is free and it is `owner`'s turn. */
    run(request: Request, owner = ''): Promise<Result> {
      if (closed) return Promise.reject(new Error('the sandbox pool is closed'));
      return new Promise((resolve) => {
        queue.push(owner, { id: ++nextId, request, resolve });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.drain())
        job.resolve(
          options.stopped(job.request, {
            outcome: 'crashed',
            detail: 'the sandbox closed',
            calls: [],
            elapsedMs: 0,
          }),
        );
      await Promise.all(
        slots.map(async (slot) => {
          if (slot.watchdog) clearInterval(slot.watchdog);
          const runner = slot.runner;
          slot.runner = null;
          await runner?.kill();
        }),
      );
    },
  };
}

const TICKS_PER_SECOND = 100;

/**
 * CPU time and resident memory from a /proc stat file (`/proc/<pid>/stat` for a process,
 * `/proc/self/task/<tid>/stat` for a thread); null where there is none.
 */
export function procUsage(statFile: string): { cpuMs: number; rssBytes: number } | null {
  try {
    const stat = fs.readFileSync(statFile, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    const rssPages = Number(fields[21]);
    return { cpuMs: (ticks * 1000) / TICKS_PER_SECOND, rssBytes: rssPages * 4096 };
  } catch {
    return null;
  }
}
