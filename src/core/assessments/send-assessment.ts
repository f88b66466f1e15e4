import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import { defaultDurationMinutes } from './assessment.rules.js';
import type { AssessmentItem, Grader } from './assessments.port.js';

const DAY_MS = 86_400_000;

/**
 * Sends the candidate of an active application a timed assessment: the link's secret is emailed
 * (through the outbox) and returned once; only its hash is kept.
 */
export async function sendAssessment(
  deps: Deps & { grader: Pick<Grader, 'problem'> },
  input: {
    actor: Extract<Actor, { kind: 'staff' }>;
    applicationId: string;
    items: AssessmentItem[];
    durationMinutes?: number | undefined;
    /** The candidate must start within this many days. */
    startWithinDays: number;
    /** The candidate's link is this, a slash, and the secret. */
    linkBase: string;
  },
) {
  const { actor, items } = input;
  return deps.transaction(async (store) => {
    const application = await store.applications.lock(actor.orgId, input.applicationId);
    if (!application) return fail('application.not_found', 'No such application.');
    if (application.status !== 'active')
      return fail('application.not_active', 'This application is no longer active.');
    const missing = items.findIndex((item) => !deps.grader.problem(item));
    if (missing >= 0)
      return fail(
        'problem.not_found',
        `There is no ${items[missing]?.kind} problem "${items[missing]?.slug}".`,
        { field: `items.${missing}.slug` },
      );
    const study = items[0]?.kind === 'case_study' ? deps.grader.problem(items[0]) : null;
    const durationMinutes = input.durationMinutes ?? defaultDurationMinutes(study?.daysToDeliver ?? null);
    const now = deps.clock.now();
    const startBy = new Date(now.getTime() + input.startWithinDays * DAY_MS);
    const token = deps.tokens.next();
    const url = `${input.linkBase}/${token}`;
    const id = deps.ids.next();
    await store.assessments.insert({
      id,
      orgId: actor.orgId,
      applicationId: application.id,
      tokenHash: deps.tokens.hash(token),
      items,
      durationMinutes,
      startBy,
      createdBy: actor.userId,
      createdAt: now,
    });
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'application',
      entityId: application.id,
      action: 'assessment.sent',
      data: { assessmentId: id, items, durationMinutes },
    });
    await store.outbox.enqueue({
      orgId: actor.orgId,
      kind: 'candidate.assessment_link',
      dedupeKey: `assessment_link:${id}`,
      payload: {
        applicationId: application.id,
        candidateId: application.candidateId,
        url,
        durationMinutes,
        problemCount: items.length,
        startBy: startBy.toISOString().slice(0, 10),
      },
    });
    return ok({ id, url });
  });
}
