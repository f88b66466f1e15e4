// Runs the interview planner off the server's main thread, so a long solve never holds up other
// requests. Compiled (dist/), the planner is JavaScript beside this file; run from the sources, it
// is TypeScript, and the worker registers the same loader the server runs with.
import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';

const compiled = new URL('../core/scheduling/planner/plan.js', import.meta.url);
let planModule = compiled.href;
if (!fs.existsSync(compiled)) {
  const { register } = await import('tsx/esm/api');
  register();
  planModule = '../core/scheduling/planner/plan.ts';
}
const { planInterviews } = await import(planModule);
/** The planner's time budget is kept on the thread's own clock. */
const clock = { now: () => new Date() };

parentPort.on('message', async ({ id, input, options }) => {
  try {
    parentPort.postMessage({ id, plan: await planInterviews(input, options, clock) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
