import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import type { CodeLanguage } from '../src/contracts/problems.js';
import { grader, loadProblemSet } from '../src/server/problems.js';
import { templatesRoot } from '../src/server/templates.js';

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
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)]!;

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

async function cold(language: CodeLanguage, file: string, samples: number) {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const fresh = grader(problems, { threads: 1, snapshotDir });
    const start = performance.now();
    const grade = await fresh.gradeCode(problem, language, source(file), 'hidden');
    times.push(performance.now() - start);
    await fresh.close();
    if (grade.scorePercent !== 100) throw new Error(`${language}: the reference failed (${grade.detail})`);
  }
  return times;
}

/** One submission at a time on a warm runner that had time to get ready again: a grade's own latency. */
async function warmIdle(language: CodeLanguage, file: string, submissions: number) {
  const pool = grader(problems, { threads: 1, snapshotDir });
  await pool.gradeCode(problem, language, source(file), 'hidden');
  const times: number[] = [];
  for (let i = 0; i < submissions; i++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const began = performance.now();
    await pool.gradeCode(problem, language, source(file), 'hidden');
    times.push(performance.now() - began);
  }
  await pool.close();
  return times;
}

async function warm(language: CodeLanguage, file: string, submissions: number, threads: number) {
  const pool = grader(problems, { threads, snapshotDir });
  await Promise.all(Array.from({ length: threads }, () => pool.gradeCode(problem, language, source(file), 'hidden')));
  const times: number[] = [];
  const start = performance.now();
  let next = 0;
  // Twice as many candidates submitting as there are runners, each waiting for their grade.
  await Promise.all(
    Array.from({ length: threads * 2 }, async () => {
      while (next < submissions) {
        next++;
        const began = performance.now();
        const grade = await pool.gradeCode(problem, language, source(file), 'hidden');
        times.push(performance.now() - began);
        if (grade.scorePercent !== 100) throw new Error(`${language}: the reference failed (${grade.detail})`);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  await pool.close();
  return { times, perSecond: submissions / seconds };
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
    const row = {
      language,
      problem: SLUG,
      hiddenTests: problem.hidden.length,
      coldSamples,
      coldP95Ms: round(percentile(coldTimes, 0.95)),
      warmIdleP95Ms: round(percentile(idle, 0.95)),
      warmIdleP95VsBaseline: round(percentile(idle, 0.95) / baseline, 0),
      warmSubmissions,
      runners: threads,
      warmP50Ms: round(percentile(hot.times, 0.5)),
      warmP95Ms: round(percentile(hot.times, 0.95)),
      gradedPerSecond: round(hot.perSecond, 1),
      warmP95VsBaseline: round(percentile(hot.times, 0.95) / baseline, 0),
    };
    console.log(row);
    results.push(row);
  }
  fs.writeFileSync(
    'bench/sandbox-results.json',
    `${JSON.stringify({ cores: os.availableParallelism(), baselineP95Ms: round(baseline, 4), results }, null, 2)}\n`,
  );
}

await main();
