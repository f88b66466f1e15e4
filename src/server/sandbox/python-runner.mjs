// One Python sandbox process. The host starts it with an empty environment, no code generation
// from strings (Pyodide hands Python JavaScript objects, and a Function constructor reached through
// them would otherwise run anything), and Node's permission model: it may read Pyodide's files and
// its own, and write nothing. Every run gets a fresh interpreter restored from a memory snapshot,
// so nothing one candidate's code changes survives into the next run. The host watches this
// process's CPU time and memory and kills it when a run goes over.
//
//   python-runner.mjs <pyodide.mjs> --make-snapshot <file>  boot Pyodide once, write the snapshot (no candidate code)
//   python-runner.mjs <pyodide.mjs> <snapshot file>         serve runs over IPC:
//     { ready } → { id, request } → { id, call } per test… → { id, result } → { ready } once the next interpreter is up

import fsConstants from 'node:constants';
import fs from 'node:fs';
import { constants as osConstants } from 'node:os';
import { pathToFileURL } from 'node:url';
import { outputCollector } from './output.mjs';

const host = process;
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

// The harness keeps its own references, defined before any candidate code runs.
const HARNESS = `
from json import dumps as _dumps, loads as _loads
def __hireloop_call(_name, _args_json, _namespace, _dumps=_dumps, _loads=_loads, _callable=callable, _type=type, _str=str):
    _fn = _namespace.get(_name)
    if not _callable(_fn):
        return _dumps({"missing": True})
    try:
        _value = _fn(*_loads(_args_json))
        return _dumps({"value": _dumps(_value)})
    except BaseException as _error:
        return _dumps({"error": _type(_error).__name__ + ": " + _str(_error)})
`;

if (mode === '--make-snapshot') {
  const python = await loadPyodide({ ...options, _makeSnapshot: true });
  python.runPython(`import json, copy, traceback, math, collections, heapq, bisect, itertools, functools, re, string
${HARNESS}`);
  fs.writeFileSync(file, python.makeMemorySnapshot());
  host.exit(0);
}

const snapshot = fs.readFileSync(mode);
for (const name of ['fetch', 'WebSocket', 'process', 'require']) delete globalThis[name];

async function freshInterpreter(output) {
  const python = await loadPyodide({ ...options, _loadSnapshot: snapshot });
  python.setStdout({ batched: (line) => output.current?.write(`${line}\n`) });
  python.setStderr({ batched: (line) => output.current?.write(`${line}\n`) });
  python.runPython("import sys; sys.modules.pop('pyodide_js', None)");
  python.unregisterJsModule('pyodide_js');
  return python;
}

const output = { current: null };
let python = await freshInterpreter(output);
host.send({ ready: true });

host.on('message', async ({ id, request }) => {
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
    python.runPython(request.source, { globals: namespace, filename: 'solution.py' });
    const call = python.globals.get('__hireloop_call');
    for (const [index, test] of request.tests.entries()) {
      const answer = JSON.parse(call(request.entry, JSON.stringify(test.args), namespace));
      if (answer.missing) {
        Object.assign(result, {
          outcome: 'invalid',
          detail: `the code does not define a function named ${request.entry}`,
        });
        break;
      }
      const outcome =
        'error' in answer
          ? { status: 'threw', message: answer.error }
          : { status: 'returned', value: answer.value };
      result.calls[index] = outcome;
      if (answer.error?.startsWith('MemoryError'))
        Object.assign(result, { outcome: 'memory_limit', detail: answer.error });
      host.send({ id, call: { index, outcome } });
    }
    call.destroy();
  } catch (error) {
    const lines = String(error?.message ?? error)
      .trim()
      .split('\n');
    Object.assign(result, { outcome: 'invalid', detail: lines.at(-1) ?? 'the code could not run' });
  }
  namespace.destroy?.();
  output.current = null;
  host.send({ id, result: { ...result, output: collected.text, elapsedMs: performance.now() - started } });
  python = await freshInterpreter(output);
  globalThis.gc?.();
  host.send({ ready: true });
});
