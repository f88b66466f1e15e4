import fs from 'node:fs';
import type { CallOutcome, RunLimits, RunOutcome } from './runs.js';

type Limited = { limits: Pick<RunLimits, 'timeMs' | 'memoryBytes'> };

/** A sandbox thread or process, seen from the host. It says `{ ready }` whenever it can take a run. */
export type Runner<Request, Result> = {
  post(message: { id: number; request: Request }): void;
  onMessage(listener: (message: RunnerMessage<Result>) => void): void;
  onExit(listener: (reason: string) => void): void;
  kill(): Promise<void>;
  /** The process to measure, when the runner is one; threads are limited from inside. */
  pid?: number;
};

export type RunnerMessage<Result> =
  | { ready: true }
  | { id: number; call: { index: number; outcome: CallOutcome } }
  | { id: number; result: Result };

type Job<Request, Result> = { id: number; request: Request; resolve: (result: Result) => void };

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

/**
 * Runs jobs on `size` runners, one job each at a time, oldest first. Each runner starts at once and
 * stays warm between runs. A runner that goes over a run's time (wall clock, and CPU time when it is
 * a process) or memory is killed, its run reported as such with the calls it finished, and a new
 * runner takes its place; one that dies on its own is reported as `crashed` and replaced too.
 */
export function sandboxPool<Request extends Limited, Result>(options: PoolOptions<Request, Result>) {
  const queue: Job<Request, Result>[] = [];
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
    const pid = slot.runner?.pid;
    const before = pid === undefined ? null : usage(pid);
    slot.watchdog = setInterval(() => {
      const elapsed = performance.now() - started;
      const now = pid === undefined ? null : usage(pid);
      if (before && now && now.cpuMs - before.cpuMs > job.request.limits.timeMs)
        return stop(slot, 'time_limit', `stopped after ${job.request.limits.timeMs} ms of CPU time`, started);
      if (before && now && now.rssBytes - before.rssBytes > job.request.limits.memoryBytes)
        return stop(slot, 'memory_limit', `stopped above ${job.request.limits.memoryBytes} bytes`, started);
      if (elapsed > job.request.limits.timeMs + options.graceMs)
        stop(slot, 'time_limit', `stopped after ${Math.round(elapsed)} ms`, started);
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
    run(request: Request): Promise<Result> {
      if (closed) return Promise.reject(new Error('the sandbox pool is closed'));
      return new Promise((resolve) => {
        queue.push({ id: ++nextId, request, resolve });
        dispatch();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0))
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

/** A process's CPU time and resident memory, from /proc; null where there is none. */
function usage(pid: number): { cpuMs: number; rssBytes: number } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    const rssPages = Number(fields[21]);
    return { cpuMs: (ticks * 1000) / TICKS_PER_SECOND, rssBytes: rssPages * 4096 };
  } catch {
    return null;
  }
}
