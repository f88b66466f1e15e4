import type { Criterion, CriterionVerdict } from '../../contracts/screening.js';
import { MAX_ATTEMPTS, retryDelayMs } from '../notifications/notification.rules.js';
import type { Deps } from '../shared/ports.js';
import { ok } from '../shared/result.js';
import { familyOf } from './index.js';
import { storeJobCriteria } from './job-criteria.js';
import { type Matcher, tierOf } from './matcher.port.js';
import type { AnnotationSubject, AnnotationTask } from './screening.port.js';

export interface AnnotateOptions {
  matcher: Matcher;
  /** How long a claimed message is this worker's before another may take it. */
  leaseMs: number;
  batch?: number;
}

/**
 * What a matcher answered, held to the criteria it was given: one verdict per criterion (none
 * given reads as unclear), passages inside the text and quoting it exactly. A plugged-in matcher
 * cannot put words in a resume that are not there.
 */
export function keptVerdicts(criteria: Criterion[], answered: CriterionVerdict[], text: string) {
  const byId = new Map(answered.map((v) => [v.criterionId, v]));
  return criteria.map((c): CriterionVerdict => {
    const v = byId.get(c.id);
    if (!v || !['found', 'missing', 'unclear'].includes(v.verdict))
      return { criterionId: c.id, verdict: 'unclear', reason: 'the matcher gave no verdict', passages: [] };
    const passages = (v.passages ?? [])
      .filter(
        (p) => Number.isInteger(p.start) && Number.isInteger(p.end) && p.start >= 0 && p.end <= text.length,
      )
      .filter((p) => p.start < p.end)
      .slice(0, 5)
      .map((p) => ({ start: p.start, end: p.end, text: text.slice(p.start, p.end) }));
    return { criterionId: c.id, verdict: v.verdict, reason: String(v.reason ?? '').slice(0, 1000), passages };
  });
}

/** Nothing about the annotation's inputs changed between reading them and writing it. */
const sameInputs = (before: AnnotationSubject, now: AnnotationSubject | null): boolean =>
  now?.open === true &&
  !now.optedOut &&
  now.resumeText === before.resumeText &&
  (now.criteria?.version ?? 0) === (before.criteria?.version ?? 0);

/**
 * The worker's annotation pass (ADR 0025): claims `screening.annotate` messages, runs the matcher
 * outside any transaction with `asOf` = now on the resume's extracted text, and writes the log row
 * and the application's tier together with the message's completion. An application whose
 * candidate opted out is never given to a matcher. When the resume or the criteria changed while
 * the matcher ran, nothing is written: the change queued its own message.
 */
export async function annotatePending(deps: Deps, options: AnnotateOptions) {
  const now = deps.clock.now();
  const claimed = await deps.transaction(async (store) =>
    ok(await store.screening.claim(now, options.leaseMs, options.batch ?? 20)),
  );
  let annotated = 0;
  let failed = 0;
  for (const task of claimed.ok ? claimed.value : []) {
    try {
      if (await annotateOne(deps, options.matcher, task)) annotated++;
    } catch (error) {
      failed++;
      const at = deps.clock.now();
      const retryAt =
        task.attempts < MAX_ATTEMPTS ? new Date(at.getTime() + retryDelayMs(task.attempts)) : null;
      await deps.transaction(async (store) => {
        await store.screening.failed(task.seq, at, (error as Error).message ?? String(error), retryAt);
        return ok(null);
      });
    }
  }
  return { claimed: claimed.ok ? claimed.value.length : 0, annotated, failed };
}

async function annotateOne(deps: Deps, matcher: Matcher, task: AnnotationTask): Promise<boolean> {
  const finish = async () => {
    await deps.transaction(async (store) => {
      await store.screening.finish(task.seq, deps.clock.now());
      return ok(null);
    });
    return false;
  };
  const read = await deps.transaction(async (store) => {
    const subject = await store.screening.subject(task.orgId, task.applicationId);
    if (!subject?.open || subject.optedOut || !subject.resumeText) return ok(null);
    // A job that was never opened through the app (an import, the seed) gets its posting's criteria now.
    const criteria =
      subject.criteria ?? (await storeJobCriteria(store, deps.ids, subject.job, deps.clock.now()));
    return ok({ ...subject, criteria });
  });
  const subject = read.ok ? read.value : null;
  if (!subject?.resumeText || subject.criteria.items.length === 0) return finish();
  const text = subject.resumeText;
  const criteria = subject.criteria.items;
  const asOf = deps.clock.now();
  const answered = await matcher.annotate({
    resumeText: text,
    criteria,
    family: familyOf(subject.job),
    asOf,
  });
  const verdicts = keptVerdicts(criteria, answered, text);
  const musts = criteria.filter((c) => c.kind === 'must');
  const found = new Set(verdicts.filter((v) => v.verdict === 'found').map((v) => v.criterionId));
  const written = await deps.transaction(async (store) => {
    const locked = await store.screening.lockSubject(task.orgId, task.applicationId);
    const wrote = sameInputs(subject, locked);
    if (wrote) {
      await store.screening.record({
        orgId: task.orgId,
        applicationId: task.applicationId,
        jobId: subject.job.id,
        matcher: { name: matcher.name, version: matcher.version },
        criteriaVersion: subject.criteria.version,
        tier: tierOf(criteria, verdicts),
        verdicts,
        mustFound: musts.filter((c) => found.has(c.id)).length,
        mustTotal: musts.length,
        computedAt: asOf,
      });
    }
    await store.screening.finish(task.seq, deps.clock.now());
    return ok(wrote);
  });
  return written.ok && written.value;
}
