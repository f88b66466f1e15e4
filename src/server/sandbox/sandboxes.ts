import { type ChildProcess, fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { transform } from 'esbuild';
import { type Runner, type RunnerMessage, type Stop, sandboxPool } from './pool.js';
import type { Pool, RunRequest, RunResult, Sandbox, SqlRequest, SqlResult } from './runs.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const GRACE_MS = 500;

/** A code run that did not finish: the calls it finished, the rest not run. */
const unfinished = (request: RunRequest, { outcome, detail, calls, elapsedMs }: Stop): RunResult => ({
  outcome,
  detail,
  calls: request.tests.map((_, index) => calls[index] ?? { status: 'not_run' }),
  output: '',
  elapsedMs,
});

/** JavaScript (and TypeScript, compiled first) on QuickJS threads: see js-worker.mjs. */
export function javascriptSandbox(size: number): Sandbox {
  return sandboxPool<RunRequest, RunResult>({
    size,
    graceMs: GRACE_MS,
    stopped: unfinished,
    start: () =>
      threadRunner<RunRequest, RunResult>(
        new Worker(path.join(here, 'js-worker.mjs'), { resourceLimits: { maxOldGenerationSizeMb: 128 } }),
        'JavaScript',
      ),
  });
}

function threadRunner<Request, Result>(worker: Worker, language: string): Runner<Request, Result> {
  let exited = false;
  return {
    post: (message) => worker.postMessage(message),
    onMessage: (listener) => worker.on('message', listener),
    onExit: (listener) => {
      worker.on('error', (error) => listener(`the ${language} sandbox failed: ${error.message}`));
      worker.on('exit', (code) => {
        exited = true;
        listener(`the ${language} sandbox stopped (exit ${code})`);
      });
    },
    kill: async () => {
      if (!exited) await worker.terminate();
    },
  };
}

/** Compiles TypeScript to JavaScript for the JavaScript sandbox; a type error is the candidate's to find. */
export async function typescriptToJavascript(source: string): Promise<{ code: string } | { error: string }> {
  try {
    const { code } = await transform(source, { loader: 'ts', target: 'es2022' });
    return { code };
  } catch (error) {
    const first = (error as { errors?: { text: string; location?: { line: number } }[] }).errors?.[0];
    return { error: first ? `line ${first.location?.line ?? '?'}: ${first.text}` : String(error) };
  }
}

const require = createRequire(import.meta.url);
const pyodideDir = path.dirname(require.resolve('pyodide/package.json'));
const pyodideEntry = path.join(pyodideDir, 'pyodide.mjs');
const runnerFile = path.join(here, 'python-runner.mjs');

const lockedDown = (reads: string[], writes: string[] = []) => [
  '--disallow-code-generation-from-strings',
  '--experimental-permission',
  ...reads.map((dir) => `--allow-fs-read=${dir}`),
  ...writes.map((dir) => `--allow-fs-write=${dir}`),
  '--expose-gc',
  '--no-warnings',
  '--max-old-space-size=512',
];

/**
 * A snapshot made once for the given inputs and kept in the system's temporary folder, so later
 * processes start from it; `make` writes it to the path it is given, then it is renamed into place.
 */
async function cachedSnapshot(
  name: string,
  inputs: (string | Buffer)[],
  make: (file: string) => Promise<void>,
) {
  const hash = createHash('sha256');
  for (const input of inputs) hash.update(input);
  const dir = path.join(os.tmpdir(), 'hireloop-sandbox');
  const file = path.join(dir, `${name}-${hash.digest('hex').slice(0, 16)}.bin`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(dir, { recursive: true });
  const partial = `${file}.${process.pid}.${Date.now()}.partial`;
  await make(partial);
  fs.renameSync(partial, file);
  return file;
}

/** The interpreter Python runs start from, made in a process of its own before any candidate code exists. */
const pythonSnapshot = () =>
  cachedSnapshot(
    'python',
    [fs.readFileSync(path.join(pyodideDir, 'package.json')), fs.readFileSync(runnerFile)],
    (partial) =>
      finished(
        fork(runnerFile, [pyodideEntry, '--make-snapshot', partial], {
          execArgv: lockedDown([pyodideDir, here], [path.dirname(partial)]),
          env: {},
          stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        }),
        'the Python snapshot',
      ),
  );

/** Python on Pyodide in locked-down processes: see python-runner.mjs. */
export function pythonSandbox(size: number): Sandbox {
  return onceMade(pythonSnapshot(), (snapshot) =>
    sandboxPool<RunRequest, RunResult>({
      size,
      graceMs: GRACE_MS,
      stopped: unfinished,
      start: () => processRunner(runnerFile, [pyodideEntry, snapshot], [pyodideDir, here, snapshot]),
    }),
  );
}

/** A pool that starts once its snapshot is made; runs asked for before then wait. */
function onceMade<Request, Result>(
  snapshot: Promise<string>,
  start: (snapshot: string) => Pool<Request, Result>,
) {
  let pool: Pool<Request, Result> | null = null;
  const ready = snapshot.then((file) => {
    pool = start(file);
    return pool;
  });
  return {
    async run(request: Request): Promise<Result> {
      return (await ready).run(request);
    },
    async close() {
      await ready.catch(() => undefined);
      await pool?.close();
    },
  };
}

const sqlRunner = path.join(here, 'sql-runner.mjs');
const pgliteEntry = require.resolve('@electric-sql/pglite');
const pgliteDir = path.dirname(path.dirname(pgliteEntry));

/** A question set's dataset, loaded once into PGlite and kept as a data-directory snapshot. */
const sqlSnapshot = (datasetFile: string) =>
  cachedSnapshot(
    'sql',
    [fs.readFileSync(datasetFile), fs.readFileSync(path.join(pgliteDir, 'package.json'))],
    (partial) =>
      finished(
        fork(sqlRunner, [pgliteEntry, '--make-snapshot', datasetFile, partial], {
          execArgv: lockedDown([pgliteDir, here, datasetFile], [path.dirname(partial)]),
          env: {},
          stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        }),
        'the SQL dataset snapshot',
      ),
  );

/** SQL on PGlite in locked-down processes, each run on its own copy of the dataset: see sql-runner.mjs. */
export function sqlSandbox(size: number, datasetFile: string): Pool<SqlRequest, SqlResult> {
  return onceMade(sqlSnapshot(datasetFile), (snapshot) =>
    sandboxPool<SqlRequest, SqlResult>({
      size,
      graceMs: GRACE_MS,
      stopped: (_request, { outcome, detail, elapsedMs }) => ({
        outcome,
        detail,
        columns: [],
        rows: [],
        rowCount: 0,
        elapsedMs,
      }),
      start: () => processRunner(sqlRunner, [pgliteEntry, snapshot], [pgliteDir, here, snapshot]),
    }),
  );
}

/** A sandbox process: empty environment, locked down, reading only `reads`. */
function processRunner<Request, Result>(
  file: string,
  args: string[],
  reads: string[],
): Runner<Request, Result> {
  const child = fork(file, args, {
    execArgv: lockedDown(reads),
    env: {},
    cwd: os.tmpdir(),
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    serialization: 'json',
  });
  return {
    pid: child.pid,
    post: (message) => child.send(message),
    onMessage: (listener) => child.on('message', (message) => listener(message as RunnerMessage<Result>)),
    onExit: (listener) =>
      child.on('exit', (code, signal) =>
        listener(`the sandbox process stopped (${signal ?? `exit ${code}`})`),
      ),
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await gone;
    },
  };
}

/** Waits for a snapshot maker to exit, failing with what it printed. */
function finished(maker: ChildProcess, what: string) {
  return new Promise<void>((resolve, reject) => {
    let errors = '';
    maker.stderr?.on('data', (chunk) => {
      errors += chunk;
    });
    maker.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${what} could not be made: ${errors.slice(-500)}`)),
    );
  });
}
