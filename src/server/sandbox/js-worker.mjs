// One JavaScript sandbox thread. Each run gets a new QuickJS runtime (its own heap, a memory cap, a
// stack cap and a deadline checked by the interpreter) holding nothing but the language itself:
// no require, no process, no file system, no network. The host terminates this thread if a run
// outlives its deadline anyway.
import { parentPort } from 'node:worker_threads';
import { getQuickJS } from 'quickjs-emscripten';
import { outputCollector } from './output.mjs';

const quickjs = await getQuickJS();
const STACK_BYTES = 1024 * 1024;

// Calls the entry by name (a `function` or a top-level `const`) on a parsed copy of the test's
// arguments and hands back JSON: the only thing that leaves the sandbox.
const harness = (entry) => `(function (argsJson) {
  if (typeof ${entry} !== 'function') return JSON.stringify({ missing: true });
  try {
    const value = ${entry}(...JSON.parse(argsJson));
    return JSON.stringify({ value: JSON.stringify(value === undefined ? null : value) });
  } catch (error) {
    return JSON.stringify({ error: String(error && error.stack ? error.name + ': ' + error.message : error) });
  }
})`;

function describe(ctx, handle) {
  const error = ctx.dump(handle);
  handle.dispose();
  if (error && typeof error === 'object') return `${error.name ?? 'Error'}: ${error.message ?? ''}`;
  return String(error);
}

const limitOf = (message) =>
  /interrupted/i.test(message) ? 'time_limit' : /out of memory/i.test(message) ? 'memory_limit' : null;

function run({ source, entry, tests, limits }) {
  const started = performance.now();
  const output = outputCollector(limits.outputBytes);
  const calls = tests.map(() => ({ status: 'not_run' }));
  const runtime = quickjs.newRuntime();
  runtime.setMemoryLimit(limits.memoryBytes);
  runtime.setMaxStackSize(STACK_BYTES);
  const deadline = Date.now() + limits.timeMs;
  runtime.setInterruptHandler(() => Date.now() > deadline);
  const ctx = runtime.newContext();
  let ended;
  try {
    ended = evaluate(ctx, { source, entry, tests }, calls, output);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    ended = { outcome: limitOf(message) ?? 'crashed', detail: message };
  } finally {
    ctx.dispose();
    runtime.dispose();
  }
  return { ...ended, calls, output: output.text, elapsedMs: performance.now() - started };
}

function installConsole(ctx, output) {
  const console = ctx.newObject();
  const log = ctx.newFunction('log', (...args) => {
    output.write(`${args.map((arg) => String(ctx.dump(arg))).join(' ')}\n`);
  });
  for (const name of ['log', 'info', 'warn', 'error', 'debug']) ctx.setProp(console, name, log);
  ctx.setProp(ctx.global, 'console', console);
  log.dispose();
  console.dispose();
}

function evaluate(ctx, { source, entry, tests }, calls, output) {
  installConsole(ctx, output);
  const defined = ctx.evalCode(source, 'solution.js');
  if (defined.error) {
    const message = describe(ctx, defined.error);
    return { outcome: limitOf(message) ?? 'invalid', detail: message };
  }
  defined.value.dispose();
  const made = ctx.evalCode(harness(entry), 'harness.js');
  if (made.error)
    return { outcome: 'invalid', detail: `${entry} is not a valid name: ${describe(ctx, made.error)}` };
  const call = made.value;
  try {
    for (const [index, test] of tests.entries()) {
      const args = ctx.newString(JSON.stringify(test.args));
      const result = ctx.callFunction(call, ctx.undefined, args);
      args.dispose();
      if (result.error) {
        const message = describe(ctx, result.error);
        const limit = limitOf(message);
        if (limit) return { outcome: limit, detail: message };
        calls[index] = { status: 'threw', message };
        continue;
      }
      const answer = JSON.parse(ctx.getString(result.value));
      result.value.dispose();
      if (answer.missing)
        return { outcome: 'invalid', detail: `the code does not define a function named ${entry}` };
      calls[index] =
        'error' in answer
          ? { status: 'threw', message: answer.error }
          : { status: 'returned', value: answer.value };
    }
    return { outcome: 'completed', detail: '' };
  } finally {
    call.dispose();
  }
}

parentPort.on('message', ({ id, request }) => {
  parentPort.postMessage({ id, result: run(request) });
  parentPort.postMessage({ ready: true });
});
parentPort.postMessage({ ready: true });
