import fs from 'node:fs';
import os from 'node:os';

/**
 * What every benchmark here shares: each timed answer is checked, and a figure whose samples
 * include a wrong answer (an error status, a refused item, a page that repeats a row) is reported
 * as failed, with how many samples failed and the first problem, never as a number. A refusal
 * answers in a millisecond, so timing it says nothing about the work it refused.
 */
export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The p-th percentile (0–100) of the samples, nearest rank. */
export const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
};

/** The timings of one figure, and the samples that were wrong: counted, not timed. */
export class Samples {
  readonly times: number[] = [];
  errors = 0;
  firstError: string | null = null;

  /**
   * Times `work`, then asks `check` whether its answer is right (null) or what is wrong with it.
   * A thrown error is a wrong answer too. Answers the result, or undefined when `work` threw.
   */
  async time<T>(work: () => Promise<T>, check: (result: T) => string | null = () => null): Promise<T | undefined> {
    const start = performance.now();
    let result: T;
    try {
      result = await work();
    } catch (error) {
      this.fail((error as Error).message ?? String(error));
      return undefined;
    }
    const ms = performance.now() - start;
    const problem = check(result);
    if (problem) this.fail(problem);
    else this.times.push(ms);
    return result;
  }

  fail(problem: string) {
    this.errors++;
    this.firstError ??= problem.slice(0, 300);
  }

  get count() {
    return this.times.length + this.errors;
  }

  get ok() {
    return this.errors === 0 && this.times.length > 0;
  }
}

/** An HTTP answer is right when its status is the expected one; otherwise the status and body say why. */
export function status(expected: number) {
  return (response: { statusCode: number; body: string }) =>
    response.statusCode === expected ? null : `${response.statusCode} ${response.body.slice(0, 200)}`;
}

export interface Figure {
  name: string;
  database?: string;
  /** `failed` when a sample of the figure or of its baseline was wrong: then value and ratio are null. */
  status: 'measured' | 'failed';
  value: number | null;
  unit: string;
  baseline: number | null;
  baseline_name: string;
  ratio: number | null;
  target: string;
  met: boolean;
  samples: number;
  errors: number;
  baseline_samples: number;
  baseline_errors: number;
  error?: string;
}

/**
 * One figure against its baseline, both from checked samples. `value` and `baseline` compute the
 * number from samples that were all right; `meets` says whether the value reaches the target.
 */
export function figure(spec: {
  name: string;
  database?: string;
  unit: string;
  samples: Samples;
  value: (samples: Samples) => number;
  baselineName: string;
  baselineSamples: Samples;
  baseline: (samples: Samples) => number;
  target: string;
  meets: (value: number, baseline: number) => boolean;
}): Figure {
  const { samples, baselineSamples } = spec;
  const counts = {
    samples: samples.count,
    errors: samples.errors,
    baseline_samples: baselineSamples.count,
    baseline_errors: baselineSamples.errors,
  };
  const common = { name: spec.name, database: spec.database, unit: spec.unit, baseline_name: spec.baselineName, target: spec.target };
  if (!samples.ok || !baselineSamples.ok) {
    const error = samples.firstError ?? (baselineSamples.firstError ? `baseline: ${baselineSamples.firstError}` : 'no samples');
    return { ...common, status: 'failed', value: null, baseline: null, ratio: null, met: false, ...counts, error };
  }
  const value = spec.value(samples);
  const baseline = spec.baseline(baselineSamples);
  return {
    ...common,
    status: 'measured',
    value: round(value),
    baseline: round(baseline),
    ratio: round(value / baseline),
    met: spec.meets(value, baseline),
    ...counts,
  };
}

export function describeFigure(f: Figure) {
  const where = f.database ? `[${f.database}] ` : '';
  if (f.status === 'failed')
    return `${where}${f.name}: FAILED, ${f.errors} of ${f.samples} samples and ${f.baseline_errors} of ${f.baseline_samples} baseline samples were errors (${f.error})`;
  return `${where}${f.name}: ${f.value} ${f.unit} (baseline ${f.baseline}, ${f.baseline_name}; ratio ${f.ratio}; target ${f.target}: ${f.met ? 'met' : 'missed'})`;
}

/**
 * Writes a run's figures to `file` beside the machine they were measured on and `about` (its
 * size), and fails the process when a figure failed, naming each.
 */
export function writeResults(file: URL, about: Record<string, unknown>, startedAt: number, figures: Figure[]) {
  const failed = figures.filter((f) => f.status === 'failed');
  const results = {
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: round(os.totalmem() / 2 ** 30), node: process.version },
    ...about,
    seconds: round((performance.now() - startedAt) / 1000),
    failedFigures: failed.length,
    scenarios: figures,
  };
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  if (failed.length) {
    console.log(`${failed.length} figures failed: ${failed.map((f) => `${f.name} [${f.database}]: ${f.error}`).join('; ')}`);
    process.exitCode = 1;
  }
}
