// One Python sandbox process. The host starts it with an empty environment, no code generation
// from strings (Pyodide hands Python JavaScript objects, and a Function constructor reached through
// them would otherwise run anything), and Node's permission model: it may read Pyodide's files and
// its own, and write nothing. It restores an interpreter from a memory snapshot, serves ONE run and
// exits, so nothing one candidate's code changes survives into the next run: not the interpreter,
// and not the JavaScript around it either, which Python reaches through any JavaScript object it
// makes (`to_js([])`): its prototypes, timers it could leave behind. The pool starts the next
// process while this one runs. The candidate's function is called, and its value
// turned into JSON, from here, with references taken before any candidate code: replacing
// `__main__.__hireloop_call`, `json.dumps` or anything else Python can reach changes nothing. The
// expected values never come here; the host compares. The host watches this process's CPU time and
// memory and kills it when a run goes over.
//
//   python-runner.mjs <pyodide.mjs> --make-snapshot <file>  boot Pyodide once, write the snapshot (no candidate code)
//   python-runner.mjs <pyodide.mjs> <snapshot file> <sha256>  serve runs over IPC (a snapshot whose
//                                                              content has another hash is refused):
//     { ready } → { id, request } → { id, call } per test… → { id, result }, then exits

import fsConstants from 'node:constants';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { constants as osConstants } from 'node:os';
import { pathToFileURL } from 'node:url';
import { outputCollector } from './output.mjs';
import { jsonOf } from './plain-json.mjs';

const host = process;
const send = host.send.bind(host);
const [pyodideEntry, mode, file] = host.argv.slice(2);

// Pyodide's Node file-system layer asks process.binding for constants, which the permission model refuses.
host.binding = (name) => {
  if (name === 'constants') return { os: osConstants, fs: fsConstants };
  throw new Error(`process.binding(${name}) is not available in the sandbox`);
};
const { loadPyodide } = await import(pathToFileURL(pyodideEntry).href);
const options = {
  jsglobals: Object.create(null),
  env: { HOME: '/home/sandbox' },
  stdin: () => null,
  stdout: () => {},
  stderr: () => {},
};

if (mode === '--make-snapshot') {
  const python = await loadPyodide({ ...options, _makeSnapshot: true });
  python.runPython(
    'import json, copy, traceback, math, collections, heapq, bisect, itertools, functools, re, string',
  );
  fs.writeFileSync(file, python.makeMemorySnapshot());
  host.exit(0);
}

const snapshot = fs.readFileSync(mode);
if (createHash('sha256').update(snapshot).digest('hex') !== file) {
  host.stderr?.write?.('the Python snapshot does not match its hash; it is not used\n');
  host.exit(3);
}
for (const name of ['fetch', 'WebSocket', 'process', 'require']) delete globalThis[name];

// Python may reach JavaScript only through objects it makes itself (to_js): with no module
// left that leads to Pyodide's own API or to this runner's globals.
const CUT_OFF = `
import sys
for _name in [name for name in sys.modules if name == 'js' or name.split('.')[0] in ('pyodide_js', '_pyodide_js')]:
    del sys.modules[_name]
del _name
`;

async function interpreter(output) {
  const python = await loadPyodide({ ...options, _loadSnapshot: snapshot });
  python.setStdout({ batched: (line) => output.current?.write(`${line}\n`) });
  python.setStderr({ batched: (line) => output.current?.write(`${line}\n`) });
  python.runPython(CUT_OFF);
  python.unregisterJsModule('pyodide_js');
  python.unregisterJsModule('js');
  return python;
}

// Taken before any candidate code runs.
const { apply } = Reflect;
const { fromEntries } = Object;

/** The last line of a Python traceback: "ValueError: the message". */
const lastLine = (error) =>
  String(error?.message ?? error)
    .trim()
    .split('\n')
    .at(-1);

/**
 * Calls the candidate's function with a fresh copy of the arguments, parsed by Python's json (JSON's
 * null is None there, where toPy would make it jsnull); its value as JSON, or what it threw. The
 * code may have changed json's decoder, but that only changes its own function's inputs.
 */
function callOnce(loads, fn, argsJson) {
  const list = loads(argsJson);
  const args = list.toJs({ depth: 1 });
  list.destroy();
  let value;
  try {
    value = apply(fn, undefined, args);
  } catch (error) {
    return { status: 'threw', message: lastLine(error), type: error?.type };
  }
  try {
    const plain =
      value && typeof value === 'object' && typeof value.toJs === 'function'
        ? value.toJs({ dict_converter: fromEntries, create_pyproxies: false })
        : value;
    return { status: 'returned', value: jsonOf(plain) };
  } catch (error) {
    return { status: 'threw', message: `TypeError: ${lastLine(error)}` };
  }
}

const output = { current: null };
const python = await interpreter(output);
send({ ready: true });

host.once('message', ({ id, request }) => {
  const started = performance.now();
  const collected = outputCollector(request.limits.outputBytes);
  output.current = collected;
  const result = {
    outcome: 'completed',
    detail: '',
    calls: request.tests.map(() => ({ status: 'not_run' })),
  };
  const namespace = python.globals.get('dict')();
  try {
    namespace.set('__name__', '__main__');
    const loads = python.pyimport('json').loads;
    python.runPython(request.source, { globals: namespace, filename: 'solution.py' });
    const fn = namespace.get(request.entry);
    if (typeof fn !== 'function') {
      Object.assign(result, {
        outcome: 'invalid',
        detail: `the code does not define a function named ${request.entry}`,
      });
    } else
      for (const [index, test] of request.tests.entries()) {
        const { type, ...outcome } = callOnce(loads, fn, JSON.stringify(test.args));
        result.calls[index] = outcome;
        if (type === 'MemoryError')
          Object.assign(result, { outcome: 'memory_limit', detail: outcome.message });
        send({ id, call: { index, outcome } });
      }
  } catch (error) {
    Object.assign(result, { outcome: 'invalid', detail: lastLine(error) ?? 'the code could not run' });
  }
  output.current = null;
  send({ id, result: { ...result, output: collected.text, elapsedMs: performance.now() - started } }, () =>
    host.exit(0),
  );
});
