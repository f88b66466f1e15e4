import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeLanguages } from '../../src/contracts/problems.js';
import { grader, loadProblemSet } from '../../src/server/problems.js';
import { templatesRoot } from '../../src/server/templates.js';
import { testConfig } from '../support/http.js';

// Every shipped problem, graded the way a candidate's submission is: the reference solution in
// each language passes every example and hidden test, and a known-wrong one fails at least one.
const problems = loadProblemSet();
const grading = grader(problems, { threads: 2, snapshotDir: path.join(testConfig.DATA_DIR, 'sandbox') });
afterAll(() => grading.close());

const read = (...parts: string[]) => fs.readFileSync(path.join(templatesRoot, 'problems', ...parts), 'utf8');

describe('the shipped problem set', () => {
  it('has at least 20 coding problems and 10 SQL questions, each with 10 hidden tests', () => {
    expect(problems.coding.size).toBeGreaterThanOrEqual(20);
    expect(problems.sql.size).toBeGreaterThanOrEqual(10);
    for (const problem of problems.coding.values()) expect(problem.hidden.length, problem.slug).toBe(10);
    const topics = new Set([...problems.coding.values()].flatMap((p) => p.topics));
    for (const topic of ['arrays', 'strings', 'trees', 'graphs', 'dynamic programming'])
      expect(topics).toContain(topic);
  });
});

describe.each([...problems.coding.values()])('coding problem $slug', (problem) => {
  it.each([
    ['javascript', 'reference.js', 'wrong.js'],
    ['python', 'reference.py', 'wrong.py'],
  ] as const)(
    '%s: the reference passes every test, the wrong answer fails one',
    async (language, reference, wrong) => {
      const right = await grading.gradeCode(
        problem,
        language,
        read('coding', problem.slug, reference),
        'hidden',
      );
      expect(right.outcome, right.detail).toBe('completed');
      expect(right.tests.filter((t) => !t.passed)).toEqual([]);
      expect(right.scorePercent).toBe(100);
      const examples = await grading.gradeCode(
        problem,
        language,
        read('coding', problem.slug, reference),
        'examples',
      );
      expect(examples.passed).toBe(examples.total);
      const bad = await grading.gradeCode(problem, language, read('coding', problem.slug, wrong), 'hidden');
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
