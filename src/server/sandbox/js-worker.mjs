// One JavaScript sandbox thread. Each run gets a new QuickJS runtime (its own heap, a memory cap, a
// stack cap and a CPU-time budget checked by the interpreter) holding nothing but the language
// itself: no require, no process, no file system, no network. The host terminates this thread if a
// run outlives its budget anyway.
import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { getQuickJS } from 'quickjs-emscripten';
import { outputCollector } from './output.mjs';
import { plainJsonFactory } from './plain-json.mjs';

const quickjs = await getQuickJS();
const STACK_BYTES = 1024 * 1024;
/** A run may take this many times its CPU budget in wall time before it is stopped anyway. */
const WALL_FACTOR = 5;
const CPU_CHECK_EVERY_MS = 10;

// The harness is evaluated before the candidate's code and keeps its own references to what it
// uses, so nothing the code later replaces (JSON, Reflect, prototypes, toJSON) changes how calls
// are made or reported. It hands back text: "v" + the value as JSON, or "e" + an error message.
// The value is written as plain data (plain-json.mjs), never compared here: the host compares it
// with the expected one, which never enters the sandbox.
const HARNESS = `(function () {
  'use strict';
  const parse = JSON.parse, apply = Reflect.apply, text = String;
  const jsonOf = (${plainJsonFactory.toString()})();
  function describe(error) {
    try {
      return text(error && error.stack ? error.name + ': ' + error.message : error);
    } catch (_) {
      return 'the thrown value could not be read';
    }
  }
  return function call(fn, argsJson) {
    let value;
    try {
      value = apply(fn, undefined, parse(argsJson));
    } catch (error) {
      return 'e' + describe(error);
    }
    try {
      return 'v' + jsonOf(value);
    } catch (error) {
      return 'e' + describe(error);
    }
  };
})()`;

/** CPU time of this thread, from /proc (Linux); null where there is none. */
function threadCpuMs() {
  try {
    const stat = fs.readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/**
 * Whether a run is over its budget: CPU time of this thread (a busy machine slows a run, it does not
 * fail it), with wall time as the backstop, and as the measure where /proc is missing. CPU time is
 * never above wall time, so /proc is read only once the wall clock has passed the budget.
 */
function overBudget(limitMs) {
  const started = performance.now();
  const cpuAtStart = threadCpuMs();
  let checked = started;
  return () => {
    const now = performance.now();
    const wall = now - started;
    if (wall > limitMs * WALL_FACTOR) return true;
    if (cpuAtStart === null) return wall > limitMs;
    if (wall <= limitMs || now - checked < CPU_CHECK_EVERY_MS) return false;
    checked = now;
    return threadCpuMs() - cpuAtStart > limitMs;
  };
}

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
  runtime.setInterruptHandler(overBudget(limits.timeMs));
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

/** Evaluates code, handing back its value or the message of what it threw. */
function evaluated(ctx, code, file) {
  const done = ctx.evalCode(code, file);
  if (!done.error) return { handle: done.value };
  return { error: describe(ctx, done.error) };
}

function evaluate(ctx, { source, entry, tests }, calls, output) {
  installConsole(ctx, output);
  const harness = evaluated(ctx, HARNESS, 'harness.js');
  if (harness.error) throw new Error(`the harness did not start: ${harness.error}`);
  const call = harness.handle;
  let fn = null;
  try {
    const defined = evaluated(ctx, source, 'solution.js');
    if (defined.error) return { outcome: limitOf(defined.error) ?? 'invalid', detail: defined.error };
    defined.handle.dispose();
    // By name, after the code ran: a `function` or a top-level `const` both count.
    const found = evaluated(ctx, `typeof ${entry} === 'function' ? ${entry} : undefined`, 'entry.js');
    if (found.error) {
      const limit = limitOf(found.error);
      if (limit) return { outcome: limit, detail: found.error };
      return { outcome: 'invalid', detail: `${entry} is not a valid name: ${found.error}` };
    }
    fn = found.handle;
    if (ctx.typeof(fn) !== 'function')
      return { outcome: 'invalid', detail: `the code does not define a function named ${entry}` };
    for (const [index, test] of tests.entries()) {
      const args = ctx.newString(JSON.stringify(test.args));
      const result = ctx.callFunction(call, ctx.undefined, fn, args);
      args.dispose();
      if (result.error) {
        // Only the runtime's own limits get past the harness's catch.
        const message = describe(ctx, result.error);
        return { outcome: limitOf(message) ?? 'crashed', detail: message };
      }
      const answer = ctx.typeof(result.value) === 'string' ? ctx.getString(result.value) : 'e?';
      result.value.dispose();
      calls[index] =
        answer[0] === 'v'
          ? { status: 'returned', value: answer.slice(1) }
          : { status: 'threw', message: answer.slice(1) };
    }
    return { outcome: 'completed', detail: '' };
  } finally {
    fn?.dispose();
    call.dispose();
  }
}

// The host measures this thread's CPU time too, as the backstop for what QuickJS cannot interrupt.
const tid = (() => {
  try {
    return Number(fs.readlinkSync('/proc/thread-self').split('/').at(-1));
  } catch {
    return undefined;
  }
})();

parentPort.on('message', ({ id, request }) => {
  parentPort.postMessage({ id, result: run(request) });
  parentPort.postMessage({ ready: true });
});
parentPort.postMessage({ ready: true, tid });
