import { Worker } from 'node:worker_threads';
import type { Plan, PlanInput, PlanOptions } from '../core/scheduling/planner/model.js';
import type { Planner } from '../core/scheduling/scheduling.port.js';

type Pending = { resolve: (plan: Plan) => void; reject: (error: Error) => void };

/**
 * The planner on a thread of its own (`planner-worker.mjs`), started on first use: HiGHS blocks
 * the thread it runs on for up to its time limit, and on the server's thread that would stall
 * every other request. Plans take turns on the one thread.
 */
export function plannerThread(): Planner & { close(): Promise<void> } {
  let worker: Worker | null = null;
  let next = 0;
  const pending = new Map<number, Pending>();
  const failAll = (error: Error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
    worker = null;
  };
  const start = () => {
    const thread = new Worker(new URL('./planner-worker.mjs', import.meta.url));
    thread.on('message', (message: { id: number; plan?: Plan; error?: string }) => {
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.plan) waiting?.resolve(message.plan);
      else waiting?.reject(new Error(message.error ?? 'the planner failed'));
    });
    thread.on('error', failAll);
    thread.on('exit', (code) => failAll(new Error(`the planner thread stopped (exit ${code})`)));
    return thread;
  };
  return {
    plan(input: PlanInput, options: PlanOptions): Promise<Plan> {
      worker ??= start();
      const id = ++next;
      const thread = worker;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        thread.postMessage({ id, input, options });
      });
    },
    async close() {
      const thread = worker;
      worker = null;
      await thread?.terminate();
    },
  };
}
