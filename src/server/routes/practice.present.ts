import { codeLanguages } from '../../contracts/problems.js';
import type { PracticeAttempt, PracticePlan } from '../../core/practice/practice.port.js';
import { isSatRound, itemDone, materialFor } from '../../core/practice/practice.rules.js';
import type { PlannedRound } from '../../core/shared/types.js';
import type { ShippedCatalog } from '../templates.js';
import type { PracticeContent } from './practice.content.js';

const iso = (date: Date | null) => date?.toISOString() ?? null;

export const PRACTICE_PRIVACY =
  'Practice is yours alone: the hiring team never sees your attempts, scores or plan, and they play no part in any decision.';

/** The practice space as the API answers it. */
export function practicePresenter(content: PracticeContent, catalog: ShippedCatalog) {
  const values = new Map(
    (catalog.interviewKit('behavioural')?.focusAttributes ?? []).map((a) => [a.key, a.name] as const),
  );
  const problems = [
    ...[...content.set.coding.values()].map((p) => ({
      kind: 'coding' as const,
      slug: p.slug,
      title: p.title,
      difficulty: p.difficulty,
      topics: p.topics,
      statement: p.statement,
      constraints: p.constraints,
      minutes: p.minutes,
      highlighting: p.highlighting,
      languages: [...codeLanguages],
      starter: p.starter,
      examples: p.examples,
    })),
    ...[...content.set.sql.values()].map((q) => ({
      kind: 'sql' as const,
      slug: q.slug,
      title: q.title,
      difficulty: q.difficulty,
      topics: q.topics,
      statement: q.statement,
      constraints: [],
      minutes: q.minutes,
      highlighting: false,
      languages: ['sql'],
      starter: { sql: '' },
      examples: [],
    })),
  ];
  const caseStudies = [...content.set.caseStudies.values()].map((c) => ({
    slug: c.slug,
    title: c.title,
    brief: c.brief,
    deliverable: c.deliverable,
    asks: c.asks,
    daysToDeliver: c.daysToDeliver,
  }));
  const prompts = content.prompts.map((p) => ({
    ...p,
    valueName: content.values.get(p.value) ?? values.get(p.value) ?? p.value,
  }));

  /** Each round type once, in process order, with its kit's account of it and its practice items. */
  function rounds(planned: readonly PlannedRound[]) {
    const byType = new Map<string, PlannedRound[]>();
    for (const round of planned)
      if (isSatRound(round.roundType))
        byType.set(round.roundType, [...(byType.get(round.roundType) ?? []), round]);
    return [...byType].map(([roundType, list]) => {
      const kit = catalog.interviewKit(roundType);
      const material = materialFor(roundType);
      return {
        roundType,
        names: [...new Set(list.map((r) => r.name))],
        durationMinutes: Math.max(...list.map((r) => r.durationMinutes)),
        format: list[0]!.format,
        purpose: kit?.purpose ?? null,
        whatItTests: kit?.preparation.whatItTests ?? null,
        howItRuns: kit?.preparation.format ?? null,
        focus: (kit?.focusAttributes ?? []).map((a) => ({ name: a.name, description: a.description })),
        problems: problems
          .filter((p) => material.includes(p.kind))
          .map((p) => ({ kind: p.kind, slug: p.slug })),
        caseStudies: material.includes('case_study') ? caseStudies.map((c) => c.slug) : [],
        prompts: material.includes('behavioural') ? prompts.map((p) => p.id) : [],
      };
    });
  }

  const attempt = (a: PracticeAttempt) => ({
    id: a.id,
    kind: a.kind,
    slug: a.slug,
    mode: a.mode,
    startedAt: a.startedAt.toISOString(),
    deadlineAt: iso(a.deadlineAt),
    submittedAt: iso(a.submittedAt),
    passed: a.passed,
    total: a.total,
    scorePercent: a.scorePercent,
  });
  function plan(plan: PracticePlan, attempts: readonly PracticeAttempt[]) {
    const days = plan.days.map((d) => ({
      date: d.date,
      items: d.items.map((i) => ({
        kind: i.kind,
        slug: i.slug,
        title: i.title,
        done: itemDone(i, attempts, plan.createdAt),
      })),
    }));
    const all = days.flatMap((d) => d.items);
    return {
      id: plan.id,
      roundName: plan.roundName,
      roundType: plan.roundType,
      roundStartsAt: plan.roundStartsAt.toISOString(),
      reminders: plan.reminders,
      createdAt: plan.createdAt.toISOString(),
      days,
      done: all.filter((i) => i.done).length,
      total: all.length,
    };
  }

  /** Every process shipped: what a visitor of the public link may be preparing for. */
  const shippedRounds = () =>
    [...catalog.processTemplates.values()].flatMap((t) => t.rounds as PlannedRound[]);

  return {
    attempt,
    plan,
    space(input: {
      companyName: string;
      /** The candidate's planned rounds; null on a public link (every shipped process's). */
      rounds: readonly PlannedRound[] | null;
      attempts: ReturnType<typeof attempt>[] | null;
      plan: ReturnType<typeof plan> | null;
      now: Date;
    }) {
      return {
        companyName: input.companyName,
        privacy: PRACTICE_PRIVACY,
        rounds: rounds(input.rounds ?? shippedRounds()),
        problems,
        caseStudies,
        prompts,
        attempts: input.attempts,
        plan: input.plan,
        serverNow: input.now.toISOString(),
      };
    },
  };
}
