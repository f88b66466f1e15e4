import fs from 'node:fs';
import type { BehaviouralPrompt, PracticeKind } from '../../contracts/practice.js';
import { type CaseStudy, codeLanguages } from '../../contracts/problems.js';
import type { PracticeGrader } from '../../core/practice/practice.port.js';
import { materialFor, type PlanItem } from '../../core/practice/practice.rules.js';
import { ok } from '../../core/shared/result.js';
import { loadPracticeSet } from '../practice-set.js';
import { grader, type ProblemSet } from '../problems.js';
import type { SandboxPools } from '../sandbox/pools.js';

const normalised = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** The items of `set` that share neither a slug nor a title with any hiring problem. */
function withoutHiring(set: ProblemSet, hiring: ProblemSet): ProblemSet {
  const slugs = new Set([...hiring.coding.keys(), ...hiring.sql.keys(), ...hiring.caseStudies.keys()]);
  const titles = new Set(
    [...hiring.coding.values(), ...hiring.sql.values(), ...hiring.caseStudies.values()].map((i) =>
      normalised(i.title),
    ),
  );
  const apart = <T extends { slug: string; title: string }>(items: Map<string, T>) =>
    new Map([...items].filter(([slug, item]) => !slugs.has(slug) && !titles.has(normalised(item.title))));
  return { ...set, coding: apart(set.coding), sql: apart(set.sql), caseStudies: apart(set.caseStudies) };
}

/** Each item's worked explanation, by `kind:slug`, shown once an attempt is submitted. */
function explanations(set: ProblemSet) {
  const found = new Map<string, string>();
  const note = (kind: string, items: Map<string, { slug: string; explanation?: string }>) => {
    for (const item of items.values())
      if (item.explanation) found.set(`${kind}:${item.slug}`, item.explanation);
  };
  note('coding', set.coding);
  note('sql', set.sql);
  note('case_study', set.caseStudies);
  return found;
}

const empty = (): ProblemSet => ({
  coding: new Map(),
  sql: new Map(),
  caseStudies: new Map(),
  datasetFile: '',
  sqlReference: new Map(),
});

/**
 * The practice set under `root` (templates/practice unless told), loaded and checked by
 * loadPracticeSet, apart from the hiring set: an item that shares a slug or title with a hiring
 * problem is left out, so practice never shows a hiring problem. A missing folder is an empty
 * practice set, not a failed start.
 */
export function loadPracticeContent(root: string, hiring: ProblemSet) {
  const practice = fs.existsSync(root) ? loadPracticeSet(root) : null;
  const set = practice ? withoutHiring(practice.problems, hiring) : empty();
  const behavioural = practice?.behavioural ?? { values: [], prompts: [] };
  const prompts: BehaviouralPrompt[] = behavioural.prompts;
  const values = new Map(behavioural.values.map((v) => [v.key, v.name] as const));
  return { set, prompts, values, explanations: explanations(set) };
}
export type PracticeContent = ReturnType<typeof loadPracticeContent>;

/** The items a preparation plan for a round type goes through, in the practice set's order. */
export function planItemsFor(content: PracticeContent, roundType: string): PlanItem[] {
  return materialFor(roundType).flatMap((material): PlanItem[] => {
    if (material === 'coding')
      return [...content.set.coding.values()].map((p) => ({ kind: 'coding', slug: p.slug, title: p.title }));
    if (material === 'sql')
      return [...content.set.sql.values()].map((q) => ({ kind: 'sql', slug: q.slug, title: q.title }));
    if (material === 'case_study')
      return [...content.set.caseStudies.values()].map((c: CaseStudy) => ({
        kind: 'case_study',
        slug: c.slug,
        title: c.title,
      }));
    return content.prompts.map((p) => ({ kind: 'behavioural', slug: p.id, title: p.prompt }));
  });
}

/**
 * Grading for practice: the same sandboxes and comparisons as assessments, on the PUBLIC tests only
 * (a coding problem's examples; a query's rows against the reference). The hidden tests are never
 * run, so practice tells nothing about them. The runners are where assessments' run: a sandbox node's
 * when `pools` is given (remotePools naming the practice dataset), else this process's own, started
 * on first use, with the practice set's dataset.
 */
export function practiceGrading(
  content: PracticeContent,
  options: { threads: number; snapshotDir: string; pools?: SandboxPools },
) {
  const grading = grader(content.set, options);
  const port: PracticeGrader = {
    item(kind: PracticeKind, slug: string) {
      if (kind === 'coding') {
        const problem = content.set.coding.get(slug);
        return problem ? { minutes: problem.minutes, languages: codeLanguages } : null;
      }
      const question = content.set.sql.get(slug);
      return question ? { minutes: question.minutes, languages: ['sql'] } : null;
    },
    async grade(kind, slug, language, code, owner) {
      if (kind === 'coding') {
        const ran = await grading.runExamples(slug, language, code, owner);
        if (!ran.ok) return ran;
        const { passed, total, scorePercent } = ran.value;
        return ok({ passed, total, scorePercent, grade: ran.value });
      }
      const graded = await grading.gradeSql(content.set.sql.get(slug)!, code, owner);
      const passed = graded.correct ? 1 : 0;
      return ok({ passed, total: 1, scorePercent: passed * 100, grade: graded });
    },
  };
  return { port, close: () => grading.close() };
}
