import type { MessageRenderer, MessageText } from '../notifications/notifications.port.js';
import type { Deps, Store } from '../shared/ports.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { Actor, Application } from '../shared/types.js';
import { REPLY_ADDRESS_DAYS, sendTime } from './messages.rules.js';

export interface WriteInput {
  actor: Actor & { kind: 'staff' };
  /** The profile written from: the application must be this candidate's. */
  candidateId: string;
  applicationId: string;
  subject: string;
  body: string;
  /** The template the text started from, kept for the record. */
  templateKey?: string | undefined;
  /** Later than now: the message waits in the outbox until then. */
  sendAt?: Date | undefined;
}

type Composing = Pick<Store, 'notifications'>;

/** The staff member's text with its placeholders filled for this candidate and application. */
export async function composeMessage(
  deps: { renderer: MessageRenderer },
  store: Composing,
  actor: Actor & { kind: 'staff' },
  application: Application,
  text: MessageText,
): Promise<Result<MessageText>> {
  const context = await store.notifications.applicationContext(actor.orgId, application.id);
  const candidate = await store.notifications.candidate(actor.orgId, application.candidateId);
  const [sender] = await store.notifications.staffAudience(actor.orgId, 'interviewers', null, [actor.userId]);
  const data = {
    recipientName: candidate.name,
    candidateName: candidate.name,
    senderName: sender?.name ?? '',
    companyName: context?.companyName,
    jobTitle: context?.jobTitle,
    teamName: context?.teamName,
    currentStep: context?.currentStep,
    nextStep: context?.nextStep ?? '',
  };
  try {
    return ok(deps.renderer.render(text, data));
  } catch (error) {
    return fail(
      'message.template_invalid',
      `The text's placeholders do not parse: ${(error as Error).message}`,
      {
        field: 'body',
      },
    );
  }
}

/**
 * A staff member writes to the candidate about an application, now or at a set time. The message,
 * its thread and its outbox event are written together; a scheduled one waits in the outbox until
 * its time (and is delivered at least once from there, as every email is). Writing answers the
 * candidate, so nothing is owed on the thread any more.
 */
export async function writeToCandidate(deps: Deps & { renderer: MessageRenderer }, input: WriteInput) {
  const { actor } = input;
  const now = deps.clock.now();
  const sendAt = sendTime(now, input.sendAt);
  if (sendAt === 'too_far')
    return fail('message.send_time_invalid', 'A message can be scheduled at most 90 days ahead.', {
      field: 'sendAt',
    });
  if (sendAt === 'in_past')
    return fail(
      'message.send_time_invalid',
      'That time has already passed: choose a later one, or leave it empty to send now.',
      { field: 'sendAt' },
    );
  return deps.transaction(async (store) => {
    const application = await store.applications.lock(actor.orgId, input.applicationId);
    if (!application || application.candidateId !== input.candidateId)
      return fail('application.not_found', 'No such application.', { applicationId: input.applicationId });
    const text = await composeMessage(deps, store, actor, application, input);
    if (!text.ok) return text;
    let thread = await store.messages.lockThread(actor.orgId, application.id);
    if (!thread) {
      thread = {
        id: deps.ids.next(),
        orgId: actor.orgId,
        candidateId: application.candidateId,
        applicationId: application.id,
        answerDueAt: null,
        answerStage: 0,
      };
      await store.messages.insertThread({ ...thread, createdAt: now });
    }
    const id = deps.ids.next();
    const token = deps.tokens.next();
    await store.messages.insertMessage({
      id,
      orgId: actor.orgId,
      threadId: thread.id,
      direction: 'outbound',
      authorUserId: actor.userId,
      channel: 'email',
      fromAddress: null,
      subject: text.value.subject,
      body: text.value.body,
      quoted: '',
      templateKey: input.templateKey ?? null,
      replyTokenHash: deps.tokens.hash(token),
      replyExpiresAt: new Date(sendAt.getTime() + REPLY_ADDRESS_DAYS * 86_400_000),
      sendAt,
      createdAt: now,
    });
    const scheduled = sendAt.getTime() > now.getTime();
    // A scheduled message is held until its time, under its own id (the hold can be withdrawn).
    await store.outbox.holding(scheduled ? { decisionId: id, until: sendAt } : null, () =>
      store.outbox.enqueue({
        orgId: actor.orgId,
        kind: 'candidate.message',
        dedupeKey: `thread.message:${id}`,
        payload: {
          applicationId: application.id,
          candidateId: application.candidateId,
          threadId: thread.id,
          messageId: id,
          subject: text.value.subject,
          body: text.value.body,
          // The reply address's secret travels with the message to its email only; the thread keeps its hash.
          replyToken: token,
        },
      }),
    );
    if (thread.answerDueAt) await store.messages.setAnswerDue(actor.orgId, thread.id, null, 0);
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'application',
      entityId: application.id,
      action: scheduled ? 'candidate.message_scheduled' : 'candidate.messaged',
      data: { messageId: id, subject: text.value.subject, sendAt: sendAt.toISOString() },
    });
    return ok({
      messageId: id,
      threadId: thread.id,
      sendAt,
      subject: text.value.subject,
      body: text.value.body,
    });
  });
}
