import { type ChildProcess, fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { transform } from 'esbuild';
import { procUsage, type Runner, type RunnerMessage, type Stop, sandboxPool } from './pool.js';
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
  let statFile: string | null = null;
  return {
    post: (message) => worker.postMessage(message),
    onMessage: (listener) =>
      worker.on('message', (message: RunnerMessage<Result>) => {
        if ('ready' in message && message.tid !== undefined) statFile = `/proc/self/task/${message.tid}/stat`;
        listener(message);
      }),
    // A thread's resident memory is its process's: QuickJS caps the run's heap instead.
    usage: () => {
      const used = statFile ? procUsage(statFile) : null;
      return used ? { cpuMs: used.cpuMs, rssBytes: null } : null;
    },
    limitsItself: true,
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

/** A snapshot file and the SHA-256 of its content, which every runner checks before using it. */
export type Snapshot = { file: string; sha256: string };

const sha256Of = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/**
 * A snapshot made once for the given inputs and kept in `dir` (under the data directory), so later
 * processes start from it. Its name carries the inputs' hash and a `.sha256` file beside it the
 * content's: a snapshot that does not match (corrupted, replaced, half-written) is made again,
 * never used. `make` writes it to the path it is given, then it is renamed into place.
 */
async function cachedSnapshot(
  dir: string,
  name: string,
  inputs: (string | Buffer)[],
  make: (file: string) => Promise<void>,
): Promise<Snapshot> {
  const hash = createHash('sha256');
  for (const input of inputs) hash.update(input);
  const file = path.join(path.resolve(dir), `${name}-${hash.digest('hex').slice(0, 16)}.bin`);
  const recorded = `${file}.sha256`;
  if (fs.existsSync(file) && fs.existsSync(recorded)) {
    const sha256 = sha256Of(file);
    if (fs.readFileSync(recorded, 'utf8').trim() === sha256) return { file, sha256 };
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const partial = `${file}.${process.pid}.${performance.now()}.partial`;
  await make(partial);
  const sha256 = sha256Of(partial);
  fs.writeFileSync(`${partial}.sha256`, sha256);
  fs.renameSync(partial, file);
  fs.renameSync(`${partial}.sha256`, recorded);
  return { file, sha256 };
}

/** The interpreter Python runs start from, made in a process of its own before any candidate code exists. */
const pythonSnapshot = (dir: string) =>
  cachedSnapshot(
    dir,
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

/** Python on Pyodide in locked-down processes, started from a snapshot kept in `snapshotDir`: see python-runner.mjs. */
export function pythonSandbox(size: number, snapshotDir: string): Sandbox {
  return onceMade(pythonSnapshot(snapshotDir), ({ file, sha256 }) =>
    sandboxPool<RunRequest, RunResult>({
      size,
      graceMs: GRACE_MS,
      stopped: unfinished,
      start: () => processRunner(runnerFile, [pyodideEntry, file, sha256], [pyodideDir, here, file]),
    }),
  );
}

/** A pool that starts once its snapshot is made; runs asked for before then wait. */
function onceMade<Request, Result>(
  snapshot: Promise<Snapshot>,
  start: (snapshot: Snapshot) => Pool<Request, Result>,
): Pool<Request, Result> {
  let pool: Pool<Request, Result> | null = null;
  const ready = snapshot.then((file) => {
    pool = start(file);
    return pool;
  });
  return {
    async run(request: Request, owner?: string): Promise<Result> {
      return (await ready).run(request, owner);
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
const sqlSnapshot = (dir: string, datasetFile: string) =>
  cachedSnapshot(
    dir,
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
export function sqlSandbox(
  size: number,
  datasetFile: string,
  snapshotDir: string,
): Pool<SqlRequest, SqlResult> {
  return onceMade(sqlSnapshot(snapshotDir, datasetFile), ({ file, sha256 }) =>
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
      start: () => processRunner(sqlRunner, [pgliteEntry, file, sha256], [pgliteDir, here, file]),
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
    usage: () => (child.pid === undefined ? null : procUsage(`/proc/${child.pid}/stat`)),
    limitsItself: false,
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
