// How long `npm start` takes to the web app's first page: from an empty data directory (first
// start) and again on the same directory (restart), three runs each, median reported, with the
// baselines timed in the same run: `node -e ''` (a process that does nothing) and, when the
// baseline commit is in the repository, the start this replaced (Vite build and tsx every time).
// Every answer's status is checked; a run that gets an error, builds, or does not seed is
// reported as failed. Writes bench/first-start-results.json.
//
//   npm run bench:start
//   BENCH_START_RUNS=5 BENCH_START_BASELINE=none BENCH_START_BUILD=skip npm run bench:start
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_START_RUNS ?? 3);
/** The last commit whose `npm start` rebuilt the web app and compiled the server on every start. */
const BASELINE_REF = process.env.BENCH_START_BASELINE ?? '40dda22';
const FIRST_START_TARGET_MS = 5000;
const RESTART_TARGET_MS = 2000;

type Run = { ms: number; steps: Record<string, number> | null; output: string; error: string | null };

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const round = (x: number) => Math.round(x);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Asks for the page until it answers; any answer but 200 once listening is an error. */
async function firstPage(port: number, child: ChildProcess, until: number): Promise<string | null> {
  while (Date.now() < until) {
    if (child.exitCode !== null) return `the server exited (${child.exitCode}) before answering`;
    try {
      const response = await fetch(`http://127.0.0.1:${port}/app/`);
      const body = await response.text();
      if (response.status !== 200) return `GET /app/ answered ${response.status}`;
      if (!body.includes('id="root"')) return 'GET /app/ answered 200 without the web app';
      return null;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return 'no answer within the time allowed';
}

/** One start, timed from spawn to the first page's 200, then stopped with SIGTERM. */
async function timedStart(cwd: string, dataDir: string, env: Record<string, string> = {}): Promise<Run> {
  const port = await freePort();
  const spawnedAt = Date.now();
  const began = performance.now();
  const child = spawn('npm', ['start'], {
    cwd,
    env: { ...process.env, TZ: 'UTC', DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const error = await firstPage(port, child, Date.now() + 180_000);
  const ms = performance.now() - began;
  const answeredAt = Date.now();
  try {
    process.kill(-child.pid!, 'SIGTERM');
  } catch {
    // already gone
  }
  await exited;
  return { ms, steps: startupSteps(output, spawnedAt, answeredAt), output, error };
}

/**
 * The server's own account of its start (src/server/main.ts logs it once listening), with the
 * time before its process started (npm, the shell) and from listening to the first page's answer.
 */
function startupSteps(output: string, spawnedAt: number, answeredAt: number): Record<string, number> | null {
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const entry = JSON.parse(line) as { msg?: string; time?: number; startupMs?: Record<string, number> };
      if (entry.msg === 'started' && entry.startupMs && entry.time) {
        const inProcess = Object.values(entry.startupMs).reduce((sum, ms) => sum + ms, 0);
        return {
          before_process: entry.time - inProcess - spawnedAt,
          ...entry.startupMs,
          to_first_page: answeredAt - entry.time,
        };
      }
    } catch {
      // not a log line
    }
  }
  return null;
}

/** First starts on empty directories, each followed by restarts on the directory it made. */
async function series(
  cwd: string,
  label: string,
  expectBuilt: boolean,
  env: Record<string, string> = {},
  demo?: 'copied' | 'seeded',
) {
  const first: Run[] = [];
  const restart: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hireloop-start-'));
    try {
      const run = await timedStart(cwd, dataDir, env);
      if (!run.error && !run.output.includes('Seeded the demo organisation'))
        run.error = 'the first start did not seed the demo';
      if (!run.error && demo && run.output.includes('copied from') !== (demo === 'copied'))
        run.error = `the first start's demo was not ${demo}`;
      if (!run.error && !expectBuilt && run.output.includes('Building '))
        run.error = 'the first start built something (run `npm run build` before the benchmark)';
      first.push(run);
      const again = await timedStart(cwd, dataDir, env);
      if (!again.error && again.output.includes('Seeded the demo organisation'))
        again.error = 'the restart seeded the demo again';
      if (!again.error && !expectBuilt && again.output.includes('Building '))
        again.error = 'the restart built something';
      restart.push(again);
      console.log(`${label} run ${i + 1}: first start ${round(run.ms)} ms, restart ${round(again.ms)} ms`);
      for (const failed of [run, again].filter((r) => r.error))
        console.log(`  error: ${failed.error}\n${failed.output.slice(-2000)}`);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return { first, restart };
}

function nodeBaseline() {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const began = performance.now();
    spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' });
    times.push(performance.now() - began);
  }
  return median(times);
}

/** The baseline commit's tree, unpacked beside the checkout's node_modules; null when not there. */
function baselineTree(): string | null {
  if (BASELINE_REF === 'none') return null;
  try {
    execFileSync('git', ['-C', root, 'cat-file', '-e', `${BASELINE_REF}^{commit}`], { stdio: 'ignore' });
  } catch {
    console.log(`The baseline commit ${BASELINE_REF} is not in this repository: no old-path baseline.`);
    return null;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hireloop-baseline-'));
  const archive = path.join(dir, 'baseline.tar');
  execFileSync('git', ['-C', root, 'archive', `--output=${archive}`, BASELINE_REF]);
  execFileSync('tar', ['-x', '-f', archive, '-C', dir]);
  fs.rmSync(archive);
  fs.symlinkSync(fs.realpathSync(path.join(root, 'node_modules')), path.join(dir, 'node_modules'));
  return dir;
}

function timedBuild(): { ms: number; error: string | null } {
  const began = performance.now();
  const result = spawnSync(process.execPath, ['scripts/build.mjs', '--force'], {
    cwd: root,
    encoding: 'utf8',
  });
  const ms = performance.now() - began;
  return { ms, error: result.status === 0 ? null : `the build failed: ${result.stderr}` };
}

/** Each step's median over the runs that reported their steps. */
function medianSteps(runs: Run[]) {
  const reported = runs.flatMap((run) => (run.steps ? [run.steps] : []));
  const names = [...new Set(reported.flatMap((steps) => Object.keys(steps)))];
  return Object.fromEntries(names.map((name) => [name, median(reported.map((steps) => steps[name] ?? 0))]));
}

const summary = (runs: Run[]) => ({
  median_ms: round(median(runs.map((run) => run.ms))),
  runs_ms: runs.map((run) => round(run.ms)),
  errors: runs.flatMap((run) => (run.error ? [run.error] : [])),
  steps_median_ms: medianSteps(runs),
});

console.log(
  `First start and restart, ${RUNS} runs each (${os.cpus().length} cores, Node ${process.version}).`,
);
// The forced build is the work `npm install` now does once (its `prepare` script).
const install = process.env.BENCH_START_BUILD === 'skip' ? { ms: Number.NaN, error: null } : timedBuild();
console.log(`npm run build (everything, forced): ${round(install.ms)} ms`);
const nodeMs = nodeBaseline();
console.log(`node -e '': ${nodeMs.toFixed(1)} ms`);
const current = await series(root, 'npm start', false, {}, 'copied');
// Another public URL than the build's seeded demo was made for: the start seeds the demo itself,
// as any first start more than a few hours after the last build does.
const seeding = await series(
  root,
  'npm start, seeding',
  false,
  { PUBLIC_URL: 'http://127.0.0.1:3000' },
  'seeded',
);

let old: { first: Run[]; restart: Run[] } | null = null;
const tree = baselineTree();
if (tree) {
  try {
    old = await series(tree, `npm start at ${BASELINE_REF}`, true);
  } finally {
    fs.rmSync(tree, { recursive: true, force: true });
  }
}

const scenario = (name: string, runs: Run[], target: number, oldRuns: Run[] | null) => {
  const figures = summary(runs);
  const oldMs = oldRuns ? median(oldRuns.map((run) => run.ms)) : null;
  return {
    name,
    ...figures,
    baseline_node_ms: Number(nodeMs.toFixed(1)),
    ratio_to_node: Number((figures.median_ms / nodeMs).toFixed(1)),
    baseline_old_path_ms: oldMs === null ? null : round(oldMs),
    old_path_errors: oldRuns ? summary(oldRuns).errors : null,
    old_path_steps_median_ms: oldRuns ? medianSteps(oldRuns) : null,
    ratio_to_old_path: oldMs === null ? null : Number((figures.median_ms / oldMs).toFixed(3)),
    target_ms: target,
    met: figures.errors.length === 0 && figures.median_ms < target,
  };
};

const results = {
  measured_at: new Date().toISOString(),
  machine: {
    cores: os.cpus().length,
    memory_gib: Number((os.totalmem() / 2 ** 30).toFixed(2)),
    node: process.version,
  },
  load_average_at_end: os.loadavg().map((x) => Number(x.toFixed(2))),
  runs: RUNS,
  build_all_forced_ms: round(install.ms),
  build_errors: install.error ? [install.error] : [],
  baseline_old_path_ref: old ? BASELINE_REF : null,
  scenarios: [
    scenario(
      'first start, empty data directory (PGlite)',
      current.first,
      FIRST_START_TARGET_MS,
      old?.first ?? null,
    ),
    scenario(
      'restart, same data directory (PGlite)',
      current.restart,
      RESTART_TARGET_MS,
      old?.restart ?? null,
    ),
    scenario(
      'first start, demo seeded at the start rather than copied (PGlite)',
      seeding.first,
      FIRST_START_TARGET_MS,
      old?.first ?? null,
    ),
  ],
};
fs.writeFileSync(
  path.join(root, 'bench', 'first-start-results.json'),
  `${JSON.stringify(results, null, 2)}\n`,
);
for (const s of results.scenarios)
  console.log(
    `${s.name}: median ${s.median_ms} ms (${s.runs_ms.join(', ')}), ${s.ratio_to_node}× node -e ''` +
      (s.baseline_old_path_ms === null
        ? ''
        : `, ${s.ratio_to_old_path}× the old path (${s.baseline_old_path_ms} ms)`) +
      `, target < ${s.target_ms} ms: ${s.met ? 'met' : 'missed'}${s.errors.length ? ` — ${s.errors.length} errors` : ''}`,
  );
console.log(JSON.stringify(results.scenarios.map((s) => ({ name: s.name, steps: s.steps_median_ms }))));
const failed = results.scenarios.some((s) => s.errors.length) || install.error;
process.exit(failed ? 1 : 0);
