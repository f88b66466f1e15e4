import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProblemSet } from '../../src/server/problems.js';
import type { RunLimits, RunRequest } from '../../src/server/sandbox/runs.js';
import { javascriptSandbox, pythonSandbox, sqlSandbox } from '../../src/server/sandbox/sandboxes.js';
import { testConfig } from '../support/http.js';

// Code that tries to leave its sandbox or take the host down. Each attempt must come back as a
// reported outcome, and afterwards the same sandbox still answers an ordinary run.
const limits: RunLimits = { timeMs: 1500, memoryBytes: 64 * 1024 * 1024, outputBytes: 4096 };
const javascript = javascriptSandbox(1);
const snapshots = path.join(testConfig.DATA_DIR, 'sandbox');
const python = pythonSandbox(1, snapshots);
const sql = sqlSandbox(1, loadProblemSet().datasetFile, snapshots);
afterAll(() => Promise.all([javascript.close(), python.close(), sql.close()]));

process.env.HIRELOOP_ESCAPE_CANARY = 'not-for-candidates';
const once = (source: string, entry = 'attempt', runLimits = limits): RunRequest => ({
  source,
  entry,
  tests: [{ args: [] }],
  limits: runLimits,
});

describe('the JavaScript sandbox', () => {
  const run = (source: string) => javascript.run(once(source));

  it.each([
    ['reads a file', `function attempt() { return require('fs').readFileSync('/etc/passwd', 'utf8') }`],
    ['opens a socket', `function attempt() { return require('net').connect(5432, '127.0.0.1') }`],
    ['fetches', `function attempt() { return fetch('http://127.0.0.1:5432/') }`],
    ['reads process', `function attempt() { return process.env.HIRELOOP_ESCAPE_CANARY }`],
    [
      'reaches the host through the Function constructor',
      `function attempt() { return Function('return process')().env }`,
    ],
  ])('%s: refused inside the sandbox', async (_name, source) => {
    const result = await run(source);
    expect(result.outcome).toBe('completed');
    expect(result.calls[0]?.status).toBe('threw');
    expect(JSON.stringify(result)).not.toContain('not-for-candidates');
    expect(JSON.stringify(result)).not.toContain('root:');
  });

  it('imports nothing: modules are not there to load', async () => {
    const result = await run(`let seen = 'nothing';
      function attempt() { import('node:fs').then((fs) => { seen = Object.keys(fs).join() }); return seen }`);
    expect(result.calls[0]).toEqual({ status: 'returned', value: '"nothing"' });
  });

  it('sees nothing of the host in its globals', async () => {
    const result = await run(`function attempt() {
      return ['process', 'require', 'module', 'fetch', 'Deno', 'Bun', 'std', 'os', 'WebAssembly', 'setTimeout']
        .filter((name) => typeof globalThis[name] !== 'undefined') }`);
    expect(result.calls[0]).toEqual({ status: 'returned', value: '[]' });
  });

  it('stops an endless loop at the time limit', async () => {
    const result = await run('function attempt() { for (;;) {} }');
    expect(result.outcome).toBe('time_limit');
  });

  it('stops an endless loop at the top level, before any test', async () => {
    const result = await run('while (true) {}\nfunction attempt() {}');
    expect(result.outcome).toBe('time_limit');
  });

  it('stops unbounded allocation at the memory limit', async () => {
    const result = await run(
      'function attempt() { const keep = []; for (;;) keep.push(new Array(100000).fill(7)) }',
    );
    expect(['memory_limit', 'time_limit']).toContain(result.outcome);
    expect(result.calls[0]?.status).not.toBe('returned');
  });

  it('reports deep recursion as the error it is', async () => {
    const result = await run('function attempt(n = 0) { return attempt(n + 1) }');
    expect(result.calls[0]).toMatchObject({
      status: 'threw',
      message: expect.stringMatching(/stack overflow/),
    });
  });

  it('keeps output to its cap', async () => {
    const result = await run(
      "function attempt() { for (let i = 0; i < 100000; i++) console.log('spam', i) }",
    );
    expect(result.output.length).toBeLessThan(limits.outputBytes + 100);
    expect(result.output).toContain('output cut');
  });

  it('still answers an ordinary run after all that', async () => {
    const result = await javascript.run({
      source: 'const add = (a, b) => a + b',
      entry: 'add',
      tests: [{ args: [2, 3] }],
      limits,
    });
    expect(result.calls[0]).toEqual({ status: 'returned', value: '5' });
  });
});

describe('the Python sandbox', () => {
  // Importing urllib or subprocess in WebAssembly costs over a second of CPU on a busy machine;
  // these attempts are about being refused, not about time, so they get more of it.
  const run = (source: string) => python.run(once(source, 'attempt', { ...limits, timeMs: 6000 }));

  it.each([
    ['reads a file', 'def attempt():\n    return open("/etc/passwd").read()', /FileNotFoundError/],
    [
      'lists the host file system',
      'def attempt():\n    import os\n    return os.listdir("/work")',
      /FileNotFoundError/,
    ],
    [
      'opens a socket',
      'def attempt():\n    import socket\n    s = socket.create_connection(("127.0.0.1", 5432), timeout=1)\n    s.sendall(b"x")\n    return s.recv(10)',
      /OSError|Error/,
    ],
    [
      'fetches a URL',
      'def attempt():\n    import urllib.request\n    return urllib.request.urlopen("http://127.0.0.1:5432").read()',
      /Error/,
    ],
    [
      'reaches JavaScript globals',
      'def attempt():\n    import js\n    return js.process.env',
      /ModuleNotFoundError/,
    ],
    [
      'runs JavaScript through run_js',
      'def attempt():\n    from pyodide.code import run_js\n    return run_js("process.env")',
      /ImportError|ModuleNotFoundError/,
    ],
    [
      'builds a Function from a JavaScript object',
      'def attempt():\n    from pyodide.ffi import to_js\n    return str(to_js([]).constructor.constructor("return process")().env)',
      /EvalError/,
    ],
    [
      'imports the Pyodide API',
      'def attempt():\n    import pyodide_js\n    return pyodide_js.version',
      /ModuleNotFoundError/,
    ],
    [
      "reaches Pyodide's API through sys.modules",
      'def attempt():\n    import sys\n    return str(sys.modules["pyodide_js._api"])',
      /KeyError/,
    ],
    [
      "imports Pyodide's API module",
      'def attempt():\n    import pyodide_js._api\n    return str(pyodide_js._api)',
      /ModuleNotFoundError/,
    ],
    [
      'spawns a process',
      'def attempt():\n    import subprocess\n    return subprocess.run(["id"]).returncode',
      /Error/,
    ],
  ])('%s: refused inside the sandbox', async (_name, source, error) => {
    const result = await run(source);
    expect(result.outcome, result.detail).toBe('completed');
    expect(result.calls[0]).toMatchObject({ status: 'threw', message: expect.stringMatching(error) });
  });

  it('sees none of the host environment', async () => {
    const result = await run('def attempt():\n    import os\n    return dict(os.environ)');
    expect(result.calls[0]?.status).toBe('returned');
    expect(JSON.stringify(result)).not.toContain('not-for-candidates');
    expect(JSON.stringify(result)).not.toContain('DATABASE_URL');
  });

  it('stops an endless loop at the time limit, reporting the tests it finished', async () => {
    const result = await python.run({
      source: 'def attempt(n):\n    while n: pass\n    return n',
      entry: 'attempt',
      tests: [{ args: [0] }, { args: [1] }],
      limits,
    });
    expect(result.outcome).toBe('time_limit');
    expect(result.calls).toEqual([{ status: 'returned', value: '0' }, { status: 'not_run' }]);
  });

  it('stops unbounded allocation at the memory limit', async () => {
    const result = await run('def attempt():\n    keep = []\n    while True: keep.append(bytearray(10**6))');
    expect(result.outcome).toBe('memory_limit');
  });

  it('reports deep recursion as the error it is', async () => {
    const result = await run('def attempt(n=0):\n    return attempt(n + 1)');
    expect(result.calls[0]).toMatchObject({
      status: 'threw',
      message: expect.stringMatching(/RecursionError/),
    });
  });

  it('starts every run from a clean interpreter', async () => {
    await run('import json\njson.dumps = None\nLEFT_BEHIND = 1\ndef attempt():\n    return 1');
    const result = await run(
      'def attempt():\n    import json\n    return [callable(json.dumps), "LEFT_BEHIND" in globals()]',
    );
    expect(result.calls[0]).toEqual({ status: 'returned', value: '[true,false]' });
  });

  it('still answers an ordinary run after all that', async () => {
    const result = await python.run({
      source: 'def add(a, b):\n    return a + b',
      entry: 'add',
      tests: [{ args: [2, 3] }],
      limits,
    });
    expect(result.calls[0]).toEqual({ status: 'returned', value: '5' });
  });
});

describe('the SQL sandbox', () => {
  const run = (source: string) => sql.run({ source, limits });

  it.each([
    ['reads a server file', "select pg_read_file('/etc/passwd')", /permission denied/],
    ['writes a file', "copy users to '/tmp/leak.csv'", /permission denied/],
    ['runs a program', "copy users to program 'id'", /permission denied|must be superuser/],
    ['changes the data', 'delete from views', /permission denied/],
    ['drops a table', 'drop table users', /must be owner/],
    // The session's own superuser is one SET ROLE away, but holds only this run's in-memory copy.
    [
      'reads a host file as the superuser',
      "do $$ begin perform set_config('role', 'postgres', false); raise exception '%', pg_read_file('/etc/passwd'); end $$",
      /No such file/,
    ],
    [
      'lists the host as the superuser',
      "do $$ begin perform set_config('role', 'postgres', false); perform pg_ls_dir('/work'); end $$",
      /could not open directory/,
    ],
    [
      'loads native code as the superuser',
      "do $$ begin perform set_config('role', 'postgres', false); execute 'create function escape() returns int as ''/tmp/escape.so'', ''escape'' language c'; end $$",
      /could not access file|could not load/,
    ],
  ])('%s: refused', async (_name, source, error) => {
    const result = await run(source);
    expect(result.outcome).toBe('invalid');
    expect(result.detail).toMatch(error);
  });

  it('stops a runaway query at the time limit', async () => {
    const result = await run('select count(*) from views a, views b');
    expect(result.outcome).toBe('time_limit');
  });

  it('gives every run its own copy of the data', async () => {
    const result = await run('select count(*) from users');
    expect(result.rows).toEqual([[2000]]);
  });
});

describe('the host', () => {
  it('is still up and unharmed', () => {
    expect(process.env.HIRELOOP_ESCAPE_CANARY).toBe('not-for-candidates');
    expect(process.memoryUsage().rss).toBeLessThan(4 * 1024 ** 3);
  });
});
