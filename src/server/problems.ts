import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { CodeGrade, SqlGrade as SqlRun } from '../contracts/assessments.js';
import {
  type CaseStudy,
  type CodeLanguage,
  type CodingProblem,
  caseStudySchema,
  codeLanguages,
  codingProblemSchema,
  type SqlQuestion,
  sqlQuestionSchema,
} from '../contracts/problems.js';
import type { AssessmentItem, Grader } from '../core/assessments/assessments.port.js';
import { sameRows, sameValue, scorePercent, toleranceOf } from '../core/assessments/grading.rules.js';
import { fail, ok } from '../core/shared/result.js';
import { localPools, type SandboxPools } from './sandbox/pools.js';
import type { CallOutcome, RunLimits, SqlResult } from './sandbox/runs.js';
import { typescriptToJavascript } from './sandbox/sandboxes.js';
import { parseDataFile, TemplateError, templatesRoot } from './templates.js';

export type ProblemSet = {
  coding: Map<string, CodingProblem>;
  caseStudies: Map<string, CaseStudy>;
  sql: Map<string, SqlQuestion>;
  /** The SQL questions' shared dataset (a file of SQL). */
  datasetFile: string;
  /** Each SQL question's reference answer. */
  sqlReference: Map<string, string>;
};

const folders = (dir: string) =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

/** Each folder's data file, parsed, by slug; a slug must name its folder. */
function bySlug<S extends z.ZodType<{ slug: string }>>(dir: string, file: string, schema: S) {
  const items = new Map<string, z.output<S>>();
  for (const name of folders(dir)) {
    const at = path.join(dir, name, file);
    const item = parseDataFile(schema, at, fs.readFileSync(at, 'utf8'));
    if (item.slug !== name) throw new TemplateError(`${at}: slug "${item.slug}" differs from its folder`);
    items.set(item.slug, item);
  }
  return items;
}

/** The shipped problems under templates/problems, validated: a broken file names itself. */
export function loadProblemSet(root = path.join(templatesRoot, 'problems')): ProblemSet {
  const coding = bySlug(path.join(root, 'coding'), 'problem.json', codingProblemSchema);
  const sql = bySlug(path.join(root, 'sql'), 'question.json', sqlQuestionSchema);
  const sqlReference = new Map(
    [...sql.keys()].map((slug) => [
      slug,
      fs.readFileSync(path.join(root, 'sql', slug, 'reference.sql'), 'utf8'),
    ]),
  );
  const caseStudies = new Map<string, CaseStudy>();
  const briefs = path.join(root, 'case-studies');
  for (const name of fs
    .readdirSync(briefs)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const file = path.join(briefs, name);
    const study = parseDataFile(caseStudySchema, file, fs.readFileSync(file, 'utf8'));
    if (`${study.slug}.json` !== name)
      throw new TemplateError(`${file}: slug "${study.slug}" differs from its file name`);
    caseStudies.set(study.slug, study);
  }
  return { coding, sql, caseStudies, datasetFile: path.join(root, 'sql', 'dataset.sql'), sqlReference };
}

type TestVerdict = CodeGrade['tests'][number];
/** A query's rows, graded: whether they answer the question. */
export type SqlGrade = Omit<SqlRun, 'correct'> & { correct: boolean };

export type SandboxLimits = { javascript: RunLimits; python: RunLimits; sql: RunLimits };

export const defaultLimits: SandboxLimits = {
  javascript: { timeMs: 3000, memoryBytes: 64 * 1024 * 1024, outputBytes: 16 * 1024 },
  python: { timeMs: 5000, memoryBytes: 256 * 1024 * 1024, outputBytes: 16 * 1024 },
  sql: { timeMs: 5000, memoryBytes: 512 * 1024 * 1024, outputBytes: 0 },
};

/** How many runs one owner (an assessment link, a pad) may have going at once while working. */
export const RUNS_PER_OWNER = 2;

/** Parsed here, in the host: a sandbox's report is text that is never trusted to be valid JSON. */
const parsedValue = (value: string): { actual: unknown } | null => {
  try {
    return { actual: JSON.parse(value) as unknown };
  } catch {
    return null;
  }
};

/** A call's verdict, decided in the host: the expected value never enters the sandbox. */
const callVerdict = (call: CallOutcome | undefined, expected: unknown, tolerance: number) => {
  if (call?.status === 'returned') {
    const parsed = parsedValue(call.value);
    if (!parsed) return { passed: false, error: 'the value returned has no JSON form' };
    return { passed: sameValue(parsed.actual, expected, tolerance), actual: parsed.actual };
  }
  return { passed: false, error: call?.status === 'threw' ? call.message : 'not run' };
};

/**
 * Runs candidates' code and queries against the shipped problems, in the sandboxes: examples on
 * request, hidden tests to grade. Sandboxes start on first use and stay warm.
 */
export function grader(
  problems: ProblemSet,
  options: {
    threads: number;
    /** Where the sandboxes keep their start-up snapshots: a folder under the data directory. */
    snapshotDir: string;
    limits?: SandboxLimits;
    /** Where runs go: runners in this process unless given (a sandbox node's, remotePools). */
    pools?: SandboxPools;
  },
) {
  const limits = options.limits ?? defaultLimits;
  const pools =
    options.pools ??
    localPools({
      runners: options.threads,
      snapshotDir: options.snapshotDir,
      datasetFile: problems.datasetFile,
    });
  const going = new Map<string, number>();
  const expectedRows = new Map<string, Promise<SqlResult>>();

  async function runCode(
    problem: CodingProblem,
    language: CodeLanguage,
    source: string,
    which: 'examples' | 'hidden',
    owner: string,
  ) {
    // Only the arguments go in; what a test expects stays here.
    const tests = problem[which].map((test) => ({ args: test.args }));
    const entry = language === 'python' ? problem.entry.python : problem.entry.javascript;
    if (language === 'python') {
      return pools.python().run({ source, entry, tests, limits: limits.python }, owner);
    }
    const compiled = language === 'typescript' ? await typescriptToJavascript(source) : { code: source };
    if ('error' in compiled)
      return { outcome: 'invalid' as const, detail: compiled.error, calls: [], output: '', elapsedMs: 0 };
    return pools.javascript().run({ source: compiled.code, entry, tests, limits: limits.javascript }, owner);
  }

  async function gradeCode(
    problem: CodingProblem,
    language: CodeLanguage,
    source: string,
    which: 'examples' | 'hidden',
    owner = '',
  ): Promise<CodeGrade> {
    const tests = problem[which];
    const run = await runCode(problem, language, source, which, owner);
    const verdicts = tests.map((test, i): TestVerdict => {
      const verdict = callVerdict(run.calls[i], test.expected, toleranceOf(problem.compare));
      return which === 'examples'
        ? { number: i + 1, args: test.args, expected: test.expected, ...verdict }
        : { number: i + 1, passed: verdict.passed, ...(verdict.error ? { error: verdict.error } : {}) };
    });
    const passed = verdicts.filter((v) => v.passed).length;
    return {
      outcome: run.outcome,
      detail: run.detail,
      passed,
      total: tests.length,
      scorePercent: scorePercent(passed, tests.length),
      tests: verdicts,
      // A hidden test's printing would show its input.
      output: which === 'examples' ? run.output : '',
      elapsedMs: run.elapsedMs,
    };
  }

  /** A question's reference rows, run once; a failed run is not kept, so the next grade tries again. */
  function referenceRows(sandbox: ReturnType<SandboxPools['sql']>, question: SqlQuestion) {
    let expected = expectedRows.get(question.slug);
    if (!expected) {
      const source = problems.sqlReference.get(question.slug) ?? '';
      expected = sandbox.run({ source, limits: limits.sql }, 'reference').then((reference) => {
        if (reference.outcome !== 'completed') expectedRows.delete(question.slug);
        return reference;
      });
      expectedRows.set(question.slug, expected);
    }
    return expected;
  }

  async function gradeSql(question: SqlQuestion, source: string, owner = ''): Promise<SqlGrade> {
    const sandbox = pools.sql();
    // The comparison is the host's: the query only produces rows, in a copy of the data of its own.
    const [reference, result] = await Promise.all([
      referenceRows(sandbox, question),
      sandbox.run({ source, limits: limits.sql }, owner),
    ]);
    if (reference.outcome !== 'completed')
      throw new Error(`${question.slug}: the reference answer failed: ${reference.detail}`);
    const correct =
      result.outcome === 'completed' &&
      result.rowCount === reference.rowCount &&
      sameRows(result.rows, reference.rows, { ordered: question.ordered, tolerance: question.tolerance });
    return { ...result, correct };
  }

  const coding = (slug: string) => {
    const problem = problems.coding.get(slug);
    if (!problem) throw new Error(`no coding problem "${slug}"`);
    return problem;
  };
  const question = (slug: string) => {
    const found = problems.sql.get(slug);
    if (!found) throw new Error(`no SQL question "${slug}"`);
    return found;
  };

  /** Runs `work` for `owner` unless it already has its share of runs going. */
  async function ownShare<T>(owner: string, work: () => Promise<T>) {
    const count = going.get(owner) ?? 0;
    if (count >= RUNS_PER_OWNER)
      return fail(
        'sandbox.busy',
        `${RUNS_PER_OWNER} runs are already going for this link; try again when one has finished.`,
        { limit: RUNS_PER_OWNER },
      );
    going.set(owner, count + 1);
    try {
      return ok(await work());
    } finally {
      const left = (going.get(owner) ?? 1) - 1;
      if (left > 0) going.set(owner, left);
      else going.delete(owner);
    }
  }

  const port: Grader = {
    problem(item: AssessmentItem) {
      if (item.kind === 'coding') {
        const problem = problems.coding.get(item.slug);
        return problem ? { daysToDeliver: null, starter: problem.starter } : null;
      }
      if (item.kind === 'sql')
        return problems.sql.has(item.slug) ? { daysToDeliver: null, starter: {} } : null;
      const study = problems.caseStudies.get(item.slug);
      return study ? { daysToDeliver: study.daysToDeliver, starter: {} } : null;
    },
    languages: (item) =>
      item.kind === 'sql' ? ['sql'] : item.kind === 'case_study' ? ['file'] : codeLanguages,
    grade: (item, language, code, owner) =>
      item.kind === 'sql'
        ? gradeSql(question(item.slug), code, owner)
        : gradeCode(coding(item.slug), language as CodeLanguage, code, 'hidden', owner),
    tryOut(item, language, code, owner) {
      if (item.kind === 'case_study') throw new Error('a case study is uploaded, not run');
      return ownShare(owner, async () => {
        if (item.kind === 'coding')
          return gradeCode(coding(item.slug), language as CodeLanguage, code, 'examples', owner);
        const { correct: _, ...rows } = await gradeSql(question(item.slug), code, owner);
        return rows;
      });
    },
    runExamples: (slug, language, code, owner) =>
      ownShare(owner, () => gradeCode(coding(slug), language as CodeLanguage, code, 'examples', owner)),
  };

  return {
    ...port,
    problems,
    gradeCode,
    gradeSql,
    async close() {
      await pools.close();
    },
  };
}
/** The grader with the problem set it grades and the sandboxes' own calls, for the server. */
export type Grading = ReturnType<typeof grader>;
