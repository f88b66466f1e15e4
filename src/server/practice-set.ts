import fs from 'node:fs';
import path from 'node:path';
import { type BehaviouralPractice, behaviouralPracticeSchema } from '../contracts/problems.js';
import { loadProblemSet, type ProblemSet } from './problems.js';
import { parseDataFile, TemplateError, templatesRoot } from './templates.js';

/** The practice set: problems in the hiring set's layout, with the behavioural prompts beside them. */
export type PracticeSet = { problems: ProblemSet; behavioural: BehaviouralPractice };

/** Practice is graded on the public tests alone, so too few of them would grade by luck. */
export const MIN_PUBLIC_TESTS = 3;

/**
 * The shipped practice set under templates/practice, validated: every item carries the worked
 * explanation a candidate reads after submitting, and every coding problem enough public tests.
 */
export function loadPracticeSet(root = path.join(templatesRoot, 'practice')): PracticeSet {
  const problems = loadProblemSet(root);
  const missing = [
    ...[...problems.coding.values()].map((p) => ({ at: `coding/${p.slug}/problem.json`, item: p })),
    ...[...problems.sql.values()].map((q) => ({ at: `sql/${q.slug}/question.json`, item: q })),
    ...[...problems.caseStudies.values()].map((c) => ({ at: `case-studies/${c.slug}.json`, item: c })),
  ]
    .filter(({ item }) => !item.explanation)
    .map(({ at }) => `${path.join(root, at)}: at explanation: a practice item needs its worked explanation`);
  for (const problem of problems.coding.values())
    if (problem.examples.length < MIN_PUBLIC_TESTS)
      missing.push(
        `${path.join(root, 'coding', problem.slug, 'problem.json')}: at examples: practice is graded on the public tests, so it needs at least ${MIN_PUBLIC_TESTS}`,
      );
  if (missing.length > 0) throw new TemplateError(missing.join('\n'));
  const file = path.join(root, 'behavioural.json');
  const behavioural = parseDataFile(behaviouralPracticeSchema, file, fs.readFileSync(file, 'utf8'));
  return { problems, behavioural };
}
