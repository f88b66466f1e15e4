import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeLanguages } from '../../src/contracts/problems.js';
import { loadPracticeSet } from '../../src/server/practice-set.js';
import { defaultLimits, grader, loadProblemSet, type ProblemSet } from '../../src/server/problems.js';
import { localPools, type SandboxPools } from '../../src/server/sandbox/pools.js';
import { templatesRoot } from '../../src/server/templates.js';
import { testConfig } from '../support/http.js';

// Every shipped problem, hiring and practice, graded the way a candidate's submission is: the
// reference solution in each language passes every example and hidden test, and a known-wrong one
// fails at least one.
const hiring = loadProblemSet();
const practice = loadPracticeSet().problems;

// The two sets share the JavaScript and Python runners; only the SQL data differs between them.
const snapshotDir = path.join(testConfig.DATA_DIR, 'sandbox');
const hiringPools = localPools({ runners: 2, snapshotDir, datasetFile: hiring.datasetFile });
const practiceSql = localPools({ runners: 2, snapshotDir, datasetFile: practice.datasetFile });
const practicePools: SandboxPools = {
  javascript: hiringPools.javascript,
  python: hiringPools.python,
  sql: practiceSql.sql,
  close: () => practiceSql.close(),
};
const options = { threads: 2, snapshotDir };
const hiringGrading = grader(hiring, { ...options, pools: hiringPools });
const practiceGrading = grader(practice, { ...options, pools: practicePools });
afterAll(() => Promise.all([hiringGrading.close(), practiceGrading.close()]));

describe('the shipped problem set', () => {
  it('has at least 20 coding problems and 10 SQL questions, each with 10 hidden tests', () => {
    expect(hiring.coding.size).toBeGreaterThanOrEqual(20);
    expect(hiring.sql.size).toBeGreaterThanOrEqual(10);
    for (const problem of hiring.coding.values()) expect(problem.hidden.length, problem.slug).toBe(10);
    const topics = new Set([...hiring.coding.values()].flatMap((p) => p.topics));
    for (const topic of ['arrays', 'strings', 'trees', 'graphs', 'dynamic programming'])
      expect(topics).toContain(topic);
  });
});

type Shipped = {
  name: string;
  problems: ProblemSet;
  folder: string;
  grading: ReturnType<typeof grader>;
  pools: SandboxPools;
  /** The tests a submission is graded on: practice uses the public ones alone, so there a known-wrong
   * answer must fail one of those. */
  gradedOn: 'hidden' | 'examples';
};
const shipped: Shipped[] = [
  {
    name: 'hiring',
    problems: hiring,
    folder: 'problems',
    grading: hiringGrading,
    pools: hiringPools,
    gradedOn: 'hidden',
  },
  {
    name: 'practice',
    problems: practice,
    folder: 'practice',
    grading: practiceGrading,
    pools: practicePools,
    gradedOn: 'examples',
  },
];

describe.each(shipped)('the $name set', ({ problems, folder, grading, pools, gradedOn }) => {
  const read = (...parts: string[]) => fs.readFileSync(path.join(templatesRoot, folder, ...parts), 'utf8');

  describe.each([...problems.coding.values()])('coding problem $slug', (problem) => {
    it.each([
      ['javascript', 'reference.js', 'wrong.js'],
      ['python', 'reference.py', 'wrong.py'],
    ] as const)(
      '%s: the reference passes every test, the wrong answer fails one',
      async (language, reference, wrong) => {
        const source = read('coding', problem.slug, reference);
        // One run over the examples and the hidden tests together: a sandbox's start is what costs.
        const everyTest = { ...problem, hidden: [...problem.examples, ...problem.hidden] };
        const right = await grading.gradeCode(everyTest, language, source, 'hidden');
        expect(right.outcome, right.detail).toBe('completed');
        expect(right.tests.filter((t) => !t.passed)).toEqual([]);
        expect(right.total).toBe(problem.examples.length + problem.hidden.length);
        expect(right.scorePercent).toBe(100);
        const wrongSource = read('coding', problem.slug, wrong);
        const bad = await grading.gradeCode(problem, language, wrongSource, gradedOn);
        expect(bad.passed).toBeLessThan(bad.total);
      },
    );

    it('has starter code in every language that runs and fails honestly', async () => {
      for (const language of codeLanguages) {
        const started = await grading.gradeCode(problem, language, problem.starter[language], 'examples');
        expect(started.outcome, `${language}: ${started.detail}`).toBe('completed');
        expect(started.passed, language).toBe(0);
      }
    });
  });

  describe('SQL', () => {
    // The first run loads the dataset and keeps a snapshot, which on a busy machine takes longer
    // than one test may: do it in a hook, with the hook's longer timeout.
    beforeAll(async () => {
      const warm = await pools.sql().run({ source: 'select 1', limits: defaultLimits.sql }, 'warm-up');
      expect(warm.outcome, warm.detail).toBe('completed');
    });

    describe.each([...problems.sql.values()])('SQL question $slug', (question) => {
      it('the reference query is correct and the known-wrong one is not', async () => {
        const right = await grading.gradeSql(question, read('sql', question.slug, 'reference.sql'));
        expect(right.outcome, right.detail).toBe('completed');
        expect(right.correct).toBe(true);
        expect(right.rowCount).toBeGreaterThan(0);
        const bad = await grading.gradeSql(question, read('sql', question.slug, 'wrong.sql'));
        expect(bad.outcome, bad.detail).toBe('completed');
        expect(bad.correct).toBe(false);
      });
    });
  });
});
