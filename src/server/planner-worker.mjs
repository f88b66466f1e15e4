// Runs the interview planner off the server's main thread, so a long solve never holds up other
// requests. The source is TypeScript, so the worker registers the same loader the server runs with.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { planInterviews } = await import('../core/scheduling/planner/plan.ts');
/** The planner's time budget is kept on the thread's own clock. */
const clock = { now: () => new Date() };

parentPort.on('message', async ({ id, input, options }) => {
  try {
    parentPort.postMessage({ id, plan: await planInterviews(input, options, clock) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
