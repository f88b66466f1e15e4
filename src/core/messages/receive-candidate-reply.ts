import { nextUpdate } from '../notifications/notification.rules.js';
import type { Deps, Store } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor, Application } from '../shared/types.js';
import type { ReplyAttachment, Thread } from './messages.port.js';
import { answerDueAt, excerptOf } from './messages.rules.js';

export interface ReplyText {
  subject: string;
  /** The candidate's own words, apart from the history they quoted. */
  body: string;
  quoted: string;
  attachments: ReplyAttachment[];
}

const OPEN = new Set(['queued', 'active']);

/** The thread a live reply address belongs to: known, not expired, its candidate not erased. */
async function liveThread(deps: Deps, store: Store, tokenHash: string) {
  const found = await store.messages.byReplyToken(tokenHash);
  if (!found || found.erased) return fail('message.reply_address_unknown', 'No such reply address.');
  if (found.expiresAt.getTime() <= deps.clock.now().getTime())
    return fail('message.reply_address_expired', 'This reply address has expired.');
  return ok(found.thread);
}

/** Checks a reply address before any of the message is read (at SMTP's RCPT TO). */
export async function checkReplyAddress(deps: Deps, tokenHash: string) {
  return deps.transaction(async (store) => {
    const thread = await liveThread(deps, store, tokenHash);
    return thread.ok ? ok({ threadId: thread.value.id, orgId: thread.value.orgId }) : thread;
  });
}

/** A reply by email to a message's reply address: the address is the credential. */
export async function receiveEmailReply(
  deps: Deps,
  input: ReplyText & { tokenHash: string; fromAddress: string },
) {
  return deps.transaction(async (store) => {
    const found = await liveThread(deps, store, input.tokenHash);
    if (!found.ok) return found;
    const { orgId, candidateId } = found.value;
    const actor = { kind: 'candidate' as const, orgId, candidateId };
    const application = await store.applications.lock(orgId, found.value.applicationId);
    if (!application) return fail('message.reply_address_unknown', 'No such reply address.');
    const thread = (await store.messages.lockThread(orgId, application.id)) ?? found.value;
    return ok(await recordReply(deps, store, actor, application, thread, input, 'email', input.fromAddress));
  });
}

/** The candidate answers in their portal, on one of their own applications' threads. */
export async function replyInPortal(
  deps: Deps,
  input: { actor: Actor & { kind: 'candidate' }; applicationId: string; body: string },
) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    const application = await store.applications.lock(actor.orgId, input.applicationId);
    const thread = application && (await store.messages.lockThread(actor.orgId, application.id));
    if (!application || application.candidateId !== actor.candidateId || !thread)
      return fail('not_found', 'No conversation about this application.', { field: 'applicationId' });
    const reply = { subject: 'Reply from the portal', body: input.body, quoted: '', attachments: [] };
    return ok(await recordReply(deps, store, actor, application, thread, reply, 'portal', null));
  });
}

/**
 * The reply joins the thread; the candidate has been in touch, so the clock of the update guarantee
 * starts again, and the team owes an answer within a business day (a reminder, then an escalation).
 */
async function recordReply(
  deps: Deps,
  store: Store,
  actor: Actor & { kind: 'candidate' },
  application: Application,
  thread: Thread,
  reply: ReplyText,
  channel: 'email' | 'portal',
  fromAddress: string | null,
) {
  const now = deps.clock.now();
  const id = deps.ids.next();
  await store.messages.insertMessage({
    id,
    orgId: actor.orgId,
    threadId: thread.id,
    direction: 'inbound',
    authorUserId: null,
    channel,
    fromAddress,
    subject: reply.subject,
    body: reply.body,
    quoted: reply.quoted,
    templateKey: null,
    replyTokenHash: null,
    replyExpiresAt: null,
    sendAt: now,
    createdAt: now,
  });
  if (reply.attachments.length)
    await store.messages.insertAttachments(
      actor.orgId,
      id,
      reply.attachments,
      reply.attachments.map(() => deps.ids.next()),
    );
  const holidays = await store.people.holidays(actor.orgId);
  if (OPEN.has(application.status)) {
    const settings = await store.notifications.updateSettings(actor.orgId);
    const candidate = await store.notifications.candidate(actor.orgId, application.candidateId);
    await store.notifications.recordCandidateUpdate(
      actor.orgId,
      application.id,
      now,
      nextUpdate(now, candidate.timezone, settings.everyBusinessDays, holidays),
    );
  }
  // An answer already owed keeps its (earlier) deadline.
  const dueAt =
    thread.answerDueAt ??
    answerDueAt(now, await store.messages.teamZone(actor.orgId, application.teamId), holidays);
  if (!thread.answerDueAt) await store.messages.setAnswerDue(actor.orgId, thread.id, dueAt, 0);
  const candidate = await store.notifications.candidate(actor.orgId, application.candidateId);
  // The team's recruiters find the reply in their inbox; its email goes by the event below (so the
  // inbox's own email is not sent a second time).
  const recruiters = await store.notifications.staffAudience(
    actor.orgId,
    'recruiters',
    application.teamId,
    [],
  );
  await store.inbox.insertMany(
    recruiters.map((r) => ({
      id: deps.ids.next(),
      orgId: actor.orgId,
      userId: r.id,
      kind: 'reply' as const,
      title: `${candidate.name} replied`,
      body: excerptOf(reply.body),
      link: `/app/candidates/${application.candidateId}`,
      dedupeKey: `thread.reply:${id}`,
      createdAt: now,
    })),
  );
  await store.outbox.enqueue({
    orgId: actor.orgId,
    kind: 'staff.candidate_replied',
    dedupeKey: `thread.reply:${id}`,
    payload: {
      applicationId: application.id,
      candidateId: application.candidateId,
      teamId: application.teamId,
      threadId: thread.id,
      messageId: id,
      candidateName: candidate.name,
      excerpt: excerptOf(reply.body),
      dueAt: dueAt.toISOString(),
    },
  });
  await store.audit.record({
    orgId: actor.orgId,
    actor,
    entityType: 'application',
    entityId: application.id,
    action: 'candidate.replied',
    data: { messageId: id, channel, attachments: reply.attachments.length },
  });
  return { messageId: id, threadId: thread.id, orgId: actor.orgId, applicationId: application.id };
}
