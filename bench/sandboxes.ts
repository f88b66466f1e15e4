import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import type { CodeLanguage } from '../src/contracts/problems.js';
import { grader, loadProblemSet } from '../src/server/problems.js';
import { templatesRoot } from '../src/server/templates.js';
import { percentile as nearestRank, round, Samples } from './measure.js';

/**
 * Graded submissions: a medium problem with 10 hidden tests, its reference solution in JavaScript
 * and in Python, through the sandboxes exactly as a candidate's submission goes. Cold: a new
 * sandbox for each submission (thread or process start, interpreter load). Warm: a pool with one
 * runner per core, already started: one submission at a time (its own latency), then submissions
 * from twice as many candidates as runners at once (throughput, and latency with queueing). The
 * baseline, timed in the same run, is the same JavaScript called directly in this process.
 */
const SLUG = 'longest-substring-without-repeats';
const problems = loadProblemSet();
// Start-up snapshots are made once and kept here, as a deployment keeps them under its data directory.
const snapshotDir = path.join(import.meta.dirname, 'data', 'sandbox');
const problem = problems.coding.get(SLUG)!;
const source = (file: string) => fs.readFileSync(path.join(templatesRoot, 'problems', 'coding', SLUG, file), 'utf8');
const percentile = (xs: number[], p: number) => nearestRank(xs, p * 100);
/** A grade is right when the reference solution passes every hidden test. */
const passes = (language: CodeLanguage) => (grade: { scorePercent: number; detail?: unknown }) =>
  grade.scorePercent === 100 ? null : `${language}: the reference scored ${grade.scorePercent}% (${JSON.stringify(grade.detail)})`;
/** A figure of checked samples: the number, or null when a sample was wrong (see `errors`). */
const p95 = (s: Samples) => (s.ok ? round(percentile(s.times, 0.95)) : null);

function baselineMs() {
  const context = vm.createContext({});
  vm.runInContext(source('reference.js'), context);
  const call = vm.runInContext(problem.entry.javascript, context) as (s: string) => number;
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const start = performance.now();
    for (const test of problem.hidden) call(...(structuredClone(test.args) as [string]));
    times.push(performance.now() - start);
  }
  return percentile(times, 0.95);
}

async function cold(language: CodeLanguage, file: string, count: number) {
  const samples = new Samples();
  for (let i = 0; i < count; i++) {
    const fresh = grader(problems, { threads: 1, snapshotDir });
    await samples.time(() => fresh.gradeCode(problem, language, source(file), 'hidden'), passes(language));
    await fresh.close();
  }
  return samples;
}

/** One submission at a time on a warm runner that had time to get ready again: a grade's own latency. */
async function warmIdle(language: CodeLanguage, file: string, submissions: number) {
  const pool = grader(problems, { threads: 1, snapshotDir });
  const samples = new Samples();
  const warmUp = await pool.gradeCode(problem, language, source(file), 'hidden');
  if (passes(language)(warmUp)) samples.fail(`warm-up: ${passes(language)(warmUp)}`);
  for (let i = 0; i < submissions; i++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    await samples.time(() => pool.gradeCode(problem, language, source(file), 'hidden'), passes(language));
  }
  await pool.close();
  return samples;
}

async function warm(language: CodeLanguage, file: string, submissions: number, threads: number) {
  const pool = grader(problems, { threads, snapshotDir });
  const samples = new Samples();
  for (const warmUp of await Promise.all(
    Array.from({ length: threads }, () => pool.gradeCode(problem, language, source(file), 'hidden')),
  ))
    if (passes(language)(warmUp)) samples.fail(`warm-up: ${passes(language)(warmUp)}`);
  const start = performance.now();
  let next = 0;
  // Twice as many candidates submitting as there are runners, each waiting for their grade.
  await Promise.all(
    Array.from({ length: threads * 2 }, async () => {
      while (next < submissions) {
        next++;
        await samples.time(() => pool.gradeCode(problem, language, source(file), 'hidden'), passes(language));
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  await pool.close();
  return { samples, perSecond: samples.ok ? submissions / seconds : null };
}

async function main() {
  const threads = Math.max(1, os.availableParallelism());
  const baseline = baselineMs();
  console.log(`baseline: the 10 tests called directly in this process, p95 ${round(baseline, 3)} ms`);
  const results = [];
  for (const [language, file, coldSamples, warmSubmissions] of [
    ['javascript', 'reference.js', 10, 400],
    ['python', 'reference.py', 6, 100],
  ] as const) {
    const coldTimes = await cold(language, file, coldSamples);
    const idle = await warmIdle(language, file, 20);
    const hot = await warm(language, file, warmSubmissions, threads);
    const ratio = (ms: number | null) => (ms === null ? null : round(ms / baseline, 0));
    const row = {
      language,
      problem: SLUG,
      hiddenTests: problem.hidden.length,
      coldSamples,
      // Each figure is null, and `failed` names it, when one of its grades was wrong or threw.
      failed: Object.entries({ cold: coldTimes, warmIdle: idle, warm: hot.samples })
        .filter(([, s]) => !s.ok)
        .map(([name, s]) => `${name}: ${s.errors} of ${s.count} grades wrong; first: ${s.firstError}`),
      coldP95Ms: p95(coldTimes),
      warmIdleP95Ms: p95(idle),
      warmIdleP95VsBaseline: ratio(p95(idle)),
      warmSubmissions,
      runners: threads,
      warmP50Ms: hot.samples.ok ? round(percentile(hot.samples.times, 0.5)) : null,
      warmP95Ms: p95(hot.samples),
      gradedPerSecond: hot.perSecond === null ? null : round(hot.perSecond, 1),
      warmP95VsBaseline: ratio(p95(hot.samples)),
    };
    console.log(row);
    results.push(row);
  }
  if (results.some((r) => r.failed.length)) process.exitCode = 1;
  fs.writeFileSync(
    'bench/sandbox-results.json',
    `${JSON.stringify({ cores: os.availableParallelism(), baselineP95Ms: round(baseline, 4), results }, null, 2)}\n`,
  );
}

await main();
