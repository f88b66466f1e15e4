import { newSignInLink } from '../accounts/send-sign-in-link.js';
import type { CandidateInput } from '../candidates/candidates.port.js';
import { checkAcceptsApplications } from '../jobs/job.rules.js';
import { annotateMessage } from '../screening/screening.port.js';
import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor, Application } from '../shared/types.js';
import { checkApplicationLimit, checkCooldown, initialStatus } from './application.rules.js';
import type { AttachmentInput } from './applications.port.js';

export interface SubmitApplicationInput {
  actor: Actor;
  jobId: string;
  /** For staff submissions; a signed-in candidate applies as themself. */
  candidate?: CandidateInput;
  idempotencyKey?: string | undefined;
  source: string;
  /** Files sent with the application: kept with it, their text searchable. */
  attachments?: AttachmentInput[];
  /** Answers to the posting's questions, as sent. */
  answers?: Record<string, unknown>;
  /** The candidate opted out of automated annotation, written with the application itself. */
  screeningOptOut?: boolean;
  /** A new application brings its candidate a sign-in link to follow it, pointing here. */
  signInLink?: { publicUrl: string };
}

/** A digest of what the request asks for: the job, the candidate, the answers and each file's bytes. */
function requestFingerprint(deps: Deps, input: SubmitApplicationInput): string {
  const bytes = new TextDecoder('latin1');
  const candidate = input.candidate && {
    ...input.candidate,
    email: input.candidate.email.trim().toLowerCase(),
  };
  return deps.tokens.hash(
    JSON.stringify({
      jobId: input.jobId,
      candidate,
      answers: input.answers ?? {},
      attachments: (input.attachments ?? []).map((file) => [
        file.kind,
        file.filename,
        deps.tokens.hash(bytes.decode(file.data)),
      ]),
    }),
  );
}

/** A resume sent with the submission replaces the candidate's: their other applications are read anew. */
const bringsResume = (input: SubmitApplicationInput) =>
  Boolean(input.candidate?.resumeText) || (input.attachments ?? []).some((a) => a.kind === 'resume');

export async function submitApplication(deps: Deps, input: SubmitApplicationInput) {
  const { actor } = input;
  const orgId = actor.orgId;
  // A key is the submitter's own: the same key from someone else never reveals their application.
  const submitter =
    actor.kind === 'staff' ? actor.userId : actor.kind === 'candidate' ? actor.candidateId : actor.boardId;
  const idempotencyKey = input.idempotencyKey ? `${submitter}:${input.idempotencyKey}` : null;
  return deps.transaction<{ application: Application; created: boolean }>(async (store) => {
    // R-APP-6: a retried request with the same key answers with what the first one created.
    // A key reused for a different request is refused, never answered with someone else's application.
    const fingerprint = idempotencyKey ? requestFingerprint(deps, input) : null;
    if (idempotencyKey) {
      const earlier = await store.applications.byIdempotencyKey(orgId, idempotencyKey);
      if (earlier && earlier.fingerprint !== null && earlier.fingerprint !== fingerprint) {
        return fail(
          'idempotency.key_reused',
          'This Idempotency-Key was already used for a different application; send a new key for a new request.',
          { field: 'Idempotency-Key' },
        );
      }
      if (earlier) return ok({ application: earlier.application, created: false });
    }
    const locked = await store.jobs.lockWithProcess(orgId, input.jobId);
    if (!locked) return fail('job.not_found', 'No such job.', { jobId: input.jobId });
    const { job, process } = locked;
    const accepts = checkAcceptsApplications(job);
    if (!accepts.ok) return accepts;

    // The candidate's row lock serialises their concurrent submissions, so limits hold under races.
    const candidate =
      actor.kind === 'candidate'
        ? await store.candidates.lock(orgId, actor.candidateId)
        : input.candidate && (await store.candidates.upsertAndLock(orgId, deps.ids.next(), input.candidate));
    if (!candidate) return fail('validation.failed', 'A candidate is required.', { field: 'candidate' });
    const candidateId = candidate.id;

    const { duplicate, policy, open, timezone, lastRejectedAt } = await store.applications.intakeFor(
      orgId,
      candidateId,
      job,
    );
    // R-APP-6: the same candidate submitting to the same job twice gets the open application back.
    if (duplicate) return ok({ application: duplicate, created: false });
    const limit = checkApplicationLimit(policy, open, timezone);
    if (!limit.ok) return limit;
    const now = deps.clock.now();
    const cooldown = checkCooldown(policy, lastRejectedAt, now);
    if (!cooldown.ok) return cooldown;

    if (!process) throw new Error(`job ${job.id} points at missing process ${job.processId}`);
    const applicationId = deps.ids.next();
    const status = initialStatus(policy, open);
    const welcome = input.signInLink && newSignInLink(deps, { orgId, candidateId, ...input.signInLink });
    // R-APP-3: every application starts at the first round of its own team's process.
    const application = await store.applications.insertSubmitted(
      {
        id: applicationId,
        orgId,
        job,
        candidateId,
        status,
        plan: process.definition.rounds,
        submittedAt: now,
        idempotencyKey,
        idempotencyFingerprint: fingerprint,
        source: input.source,
        answers: input.answers ?? {},
        screeningOptOut: input.screeningOptOut ?? false,
      },
      {
        attachments: (input.attachments ?? []).map((attachment) => ({
          ...attachment,
          id: deps.ids.next(),
          orgId,
          candidateId,
          applicationId,
          createdAt: now,
        })),
        audit: {
          orgId,
          actor,
          entityType: 'application',
          entityId: applicationId,
          action: 'application.submitted',
          data: { jobId: job.id, status, source: input.source, processId: process.id },
        },
        messages: [
          {
            orgId,
            kind: 'application.submitted',
            dedupeKey: `application.submitted:${applicationId}`,
            payload: { applicationId, candidateId, jobId: job.id, status },
          },
          ...(welcome ? [welcome.message] : []),
          // The matcher annotates it in the worker (ADR 0025); an opted-out one is passed by there.
          annotateMessage(orgId, applicationId, 'submitted'),
        ],
        signInLink: welcome?.link ?? null,
        reannotate: bringsResume(input) ? { cause: `resume:${applicationId}` } : null,
      },
    );
    return ok({ application, created: true });
  });
}
