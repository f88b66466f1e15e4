import type { ScorecardContent } from '../../contracts/kits.js';
import type { Deps, Store } from '../shared/ports.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { Actor, BookedInterview, Scorecard } from '../shared/types.js';
import {
  checkAskedQuestions,
  checkInterviewStarted,
  checkSubmittable,
  completeContent,
  sameContent,
} from './feedback.rules.js';

type Loaded = Result<{
  scorecard: Scorecard;
  interview: BookedInterview;
  attributeKeys: string[];
  questionIds: string[];
}>;

/**
 * An interviewer's own scorecard on an interview, with the interview, the attributes its kit
 * rates and the questions it offers. The interview is locked first, as rescheduling and cancelling do, so a submission and a
 * change of the interview wait for each other.
 */
async function ownScorecard(
  deps: Deps,
  store: Pick<Store, 'feedback' | 'scheduling' | 'applications'>,
  actor: Actor,
  interviewId: string,
): Promise<Loaded> {
  if (actor.kind !== 'staff')
    return fail('scorecard.not_on_interview', 'Only interviewers write scorecards.');
  const interview = await store.scheduling.lockInterview(actor.orgId, interviewId);
  const scorecard = interview && (await store.feedback.lockScorecard(actor.orgId, interviewId, actor.userId));
  if (!interview || !scorecard) {
    if (interview?.status === 'cancelled' && interview.interviewerIds.includes(actor.userId)) {
      return fail('interview.not_scheduled', 'The interview was cancelled; there is no feedback to give.', {
        status: interview.status,
      });
    }
    return fail('scorecard.not_on_interview', 'You are not an interviewer on this interview.', {
      interviewId,
    });
  }
  const app = await store.applications.lock(actor.orgId, scorecard.applicationId);
  if (!app || (app.status !== 'active' && app.status !== 'queued')) {
    return fail(
      'scorecard.application_closed',
      `The application is ${app?.status ?? 'gone'}; its feedback is closed.`,
      {
        status: app?.status,
      },
    );
  }
  const roundType = app.plan.find((r) => r.key === scorecard.roundKey)?.roundType;
  const kit = roundType ? deps.catalog.interviewKit(roundType) : undefined;
  return ok({
    scorecard,
    interview,
    attributeKeys: kit?.focusAttributes.map((a) => a.key) ?? [],
    questionIds: kit?.questions.map((q) => q.id) ?? [],
  });
}

/** Autosaves a draft; `expectedVersion` keeps two open tabs from overwriting each other. */
export async function saveScorecardDraft(
  deps: Deps,
  input: { actor: Actor; interviewId: string; content: ScorecardContent; expectedVersion: number },
) {
  return deps.transaction(async (store) => {
    const loaded = await ownScorecard(deps, store, input.actor, input.interviewId);
    if (!loaded.ok) return loaded;
    const { scorecard, questionIds } = loaded.value;
    if (scorecard.status === 'submitted') {
      return fail('scorecard.already_submitted', 'This scorecard is submitted; amend it instead.', {
        scorecardId: scorecard.id,
      });
    }
    if (scorecard.version !== input.expectedVersion) {
      return fail('conflict.stale_version', 'The draft changed elsewhere; reload it.', {
        expectedVersion: input.expectedVersion,
        currentVersion: scorecard.version,
      });
    }
    const asked = checkAskedQuestions(input.content, questionIds);
    if (!asked.ok) return asked;
    return ok(
      await store.feedback.updateScorecard(input.actor.orgId, scorecard.id, {
        status: 'draft',
        content: completeContent(input.content),
      }),
    );
  });
}

/**
 * Submits the scorecard; submitting is final, and only once the interview has started (a draft
 * may be saved at any time). The same submission again (a double click, a retry) returns the
 * stored one unchanged; different content needs an amendment.
 */
export async function submitScorecard(
  deps: Deps,
  input: { actor: Actor; interviewId: string; content: ScorecardContent },
) {
  const { actor } = input;
  const content = completeContent(input.content);
  return deps.transaction(async (store) => {
    const loaded = await ownScorecard(deps, store, actor, input.interviewId);
    if (!loaded.ok) return loaded;
    const { scorecard, interview, attributeKeys, questionIds } = loaded.value;
    if (scorecard.status === 'submitted') {
      if (sameContent(scorecard.content, content)) return ok(scorecard);
      return fail(
        'scorecard.already_submitted',
        'This scorecard is already submitted; amend it to change it.',
        {
          scorecardId: scorecard.id,
        },
      );
    }
    const now = deps.clock.now();
    const [interviewer] = await store.people.staff(actor.orgId, [scorecard.interviewerId]);
    const started = checkInterviewStarted(interview, now, interviewer?.timezone ?? 'UTC');
    if (!started.ok) return started;
    const valid = checkSubmittable(content, attributeKeys);
    if (!valid.ok) return valid;
    const asked = checkAskedQuestions(content, questionIds);
    if (!asked.ok) return asked;
    const submitted = await store.feedback.updateScorecard(actor.orgId, scorecard.id, {
      status: 'submitted',
      revision: 1,
      content,
      submittedAt: now,
    });
    await store.feedback.addRevision({
      scorecardId: scorecard.id,
      revision: 1,
      content,
      reason: 'Submitted.',
      at: now,
    });
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'application',
      entityId: scorecard.applicationId,
      action: 'scorecard.submitted',
      data: {
        scorecardId: scorecard.id,
        roundKey: scorecard.roundKey,
        recommendation: content.recommendation,
        late: now > scorecard.dueAt,
      },
    });
    await store.outbox.enqueue({
      orgId: actor.orgId,
      kind: 'scorecard.submitted',
      dedupeKey: `scorecard.submitted:${scorecard.id}`,
      payload: {
        scorecardId: scorecard.id,
        applicationId: scorecard.applicationId,
        roundKey: scorecard.roundKey,
      },
    });
    return ok(submitted);
  });
}

/**
 * An amendment to a submitted scorecard is a new revision; earlier ones stay visible. Only a
 * submitted scorecard is amended, so its interview has started and there is no timing to check.
 */
export async function amendScorecard(
  deps: Deps,
  input: { actor: Actor; interviewId: string; content: ScorecardContent; reason: string },
) {
  const { actor } = input;
  const content = completeContent(input.content);
  return deps.transaction(async (store) => {
    const loaded = await ownScorecard(deps, store, actor, input.interviewId);
    if (!loaded.ok) return loaded;
    const { scorecard, attributeKeys, questionIds } = loaded.value;
    if (scorecard.status !== 'submitted') {
      return fail('scorecard.not_submitted', 'Only a submitted scorecard can be amended; submit it first.', {
        scorecardId: scorecard.id,
      });
    }
    const valid = checkSubmittable(content, attributeKeys);
    if (!valid.ok) return valid;
    const asked = checkAskedQuestions(content, questionIds);
    if (!asked.ok) return asked;
    if (sameContent(scorecard.content, content)) return ok(scorecard);
    const revision = scorecard.revision + 1;
    const now = deps.clock.now();
    const amended = await store.feedback.updateScorecard(actor.orgId, scorecard.id, {
      revision,
      content,
    });
    await store.feedback.addRevision({
      scorecardId: scorecard.id,
      revision,
      content,
      reason: input.reason,
      at: now,
    });
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'application',
      entityId: scorecard.applicationId,
      action: 'scorecard.amended',
      reason: input.reason,
      data: { scorecardId: scorecard.id, revision },
    });
    return ok(amended);
  });
}
