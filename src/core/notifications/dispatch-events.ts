import { interviewTime, localTime } from '../availability/availability.rules.js';
import { videoLink } from '../scheduling/video.js';
import type { Deps, Store } from '../shared/ports.js';
import { ok } from '../shared/result.js';
import { eventPlan, nextUpdate, type PlannedEmail } from './notification.rules.js';
import type {
  ApplicationContext,
  InterviewContext,
  MessageRenderer,
  MessageText,
  OutboxEvent,
  Recipient,
} from './notifications.port.js';

export interface DispatchOptions {
  renderer: MessageRenderer;
  /** Base URL of links in messages (the candidate portal). */
  publicUrl: string;
  /** Interviews without a meeting link of their own get a room under this URL. */
  videoRoomBaseUrl: string;
  /** Candidates' replies to a thread's messages come back to reply+<token>@this domain. */
  replyDomain?: string | undefined;
  batch?: number;
}

const str = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * Turns committed outbox events into deliveries: one email per recipient and one webhook call per
 * subscribed endpoint, each with a dedupe key, in the same transaction that marks the event
 * dispatched. Preferences apply here: a candidate who unsubscribed gets essential messages only.
 */
export async function dispatchEvents(deps: Deps, options: DispatchOptions) {
  let events = 0;
  let deliveries = 0;
  let failed = 0;
  const orgReads = new Map<string, Promise<unknown>>();
  // One transaction per event: an event that cannot be dispatched is parked, never blocking the rest.
  for (let i = 0; i < (options.batch ?? 100); i++) {
    let claimed: OutboxEvent | undefined;
    try {
      const result = await deps.transaction(async (store) => {
        const [event] = await store.notifications.undispatched(1, deps.clock.now());
        if (!event) return ok(null);
        claimed = event;
        const count = await dispatchOne(deps, withOrgReadsKept(store, orgReads), options, event);
        await store.notifications.markDispatched(event.seq, deps.clock.now());
        return ok(count);
      });
      if (!result.ok || result.value === null) break;
      events++;
      deliveries += result.value;
    } catch (error) {
      const event: OutboxEvent | undefined = claimed;
      if (!event) throw error;
      await deps.transaction(async (store) => {
        await store.notifications.markFailed(event.seq, deps.clock.now(), (error as Error).message);
        return ok(undefined);
      });
      failed++;
    }
  }
  return ok({ events, deliveries, failed });
}

/**
 * The store with the organisation's settings, holidays, own templates and webhook endpoints read
 * once per pass rather than once per event: a pass is a second's work, and a hundred events of one
 * organisation asked the same four questions a hundred times. A change made meanwhile applies
 * from the next pass. A read that failed is not kept.
 */
function withOrgReadsKept(
  store: Pick<Store, 'notifications' | 'people'>,
  kept: Map<string, Promise<unknown>>,
): Pick<Store, 'notifications' | 'people'> {
  const keep =
    <A extends unknown[], R>(name: string, read: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      const key = `${name}:${JSON.stringify(args)}`;
      let answer = kept.get(key) as Promise<R> | undefined;
      if (!answer) {
        answer = read(...args);
        kept.set(key, answer);
        answer.catch(() => kept.delete(key));
      }
      return answer;
    };
  const { notifications, people } = store;
  return {
    notifications: {
      ...notifications,
      updateSettings: keep('settings', notifications.updateSettings),
      ownTemplate: keep('template', notifications.ownTemplate),
      webhookEndpoints: keep('webhooks', notifications.webhookEndpoints),
    },
    people: { ...people, holidays: keep('holidays', people.holidays) },
  };
}

async function dispatchOne(
  deps: Deps,
  store: Pick<Store, 'notifications' | 'people'>,
  options: DispatchOptions,
  event: OutboxEvent,
): Promise<number> {
  const plan = eventPlan[event.kind];
  const now = deps.clock.now();
  const applicationId = str(event.payload.applicationId);
  const context = applicationId
    ? await store.notifications.applicationContext(event.orgId, applicationId)
    : null;
  const interviewId = str(event.payload.interviewId);
  const interview = interviewId ? await store.notifications.interview(event.orgId, interviewId) : null;
  const people = interview && (await peopleOf(store, event, context, interview));
  let count = 0;

  const deliver = async (
    email: PlannedEmail,
    to: Recipient,
    data: Record<string, unknown>,
    calendar: string | null,
  ) => {
    const text = await templateText(deps, store, event.orgId, email.template, to.language);
    const { subject, body } = options.renderer.render(text, data);
    await store.notifications.insertDelivery({
      id: deps.ids.next(),
      orgId: event.orgId,
      eventSeq: event.seq,
      channel: 'email',
      dedupeKey: `${event.dedupeKey}|email|${email.template}|${to.id}`,
      recipient: to.email,
      subject,
      body,
      calendar,
      endpointId: null,
      candidateId: email.audience === 'candidate' ? to.id : null,
      applicationId: applicationId ?? null,
      // An invite and its email say where the interview stands now: a newer one makes an unsent one moot.
      topic: calendar && interview ? `interview:${interview.id}` : null,
      replyTo: email.audience === 'candidate' ? replyAddress(options, event) : null,
      createdAt: now,
    });
    count++;
  };

  for (const email of plan.emails) {
    const recipients = await recipientsOf(store, event, email, context, interview);
    for (const to of recipients) {
      if (email.audience === 'candidate' && !email.essential && 'unsubscribed' in to && to.unsubscribed)
        continue;
      const toCandidate = email.audience === 'candidate';
      const data = messageData(
        options,
        event,
        context,
        interview && { ...interview, people: people! },
        to,
        toCandidate,
      );
      const calendar =
        email.invite && interview
          ? inviteFor(options, email.invite, event, interview, context, to, recipients, toCandidate)
          : null;
      await deliver(email, to, data, calendar);
      // News to the candidate resets the clock of the update guarantee.
      if (email.countsAsUpdate && context) {
        const settings = await store.notifications.updateSettings(event.orgId);
        const holidays = await store.people.holidays(event.orgId);
        await store.notifications.recordCandidateUpdate(
          event.orgId,
          context.applicationId,
          now,
          nextUpdate(now, to.timezone, settings.everyBusinessDays, holidays),
        );
      }
    }
  }

  if (plan.webhook) {
    for (const endpoint of await store.notifications.webhookEndpoints(event.orgId, plan.webhook)) {
      const body = JSON.stringify({
        id: event.dedupeKey,
        type: plan.webhook,
        occurredAt: event.createdAt.toISOString(),
        data: event.payload,
      });
      await store.notifications.insertDelivery({
        id: deps.ids.next(),
        orgId: event.orgId,
        eventSeq: event.seq,
        channel: 'webhook',
        dedupeKey: `${event.dedupeKey}|webhook|${endpoint.id}`,
        recipient: endpoint.url,
        subject: plan.webhook,
        body,
        calendar: null,
        endpointId: endpoint.id,
        candidateId: null,
        applicationId: applicationId ?? null,
        topic: null,
        createdAt: now,
      });
      count++;
    }
  }
  return count;
}

/** A thread message's own reply address, when inbound mail is set up. */
const replyAddress = (options: DispatchOptions, event: OutboxEvent) => {
  const token = str(event.payload.replyToken);
  return token && options.replyDomain ? `reply+${token}@${options.replyDomain}` : null;
};

/** The organisation's own wording first, then the shipped one; the reader's language, else English. */
export async function templateText(
  deps: Deps,
  store: Pick<Store, 'notifications'>,
  orgId: string,
  key: string,
  language: string,
): Promise<MessageText> {
  const text =
    (await store.notifications.ownTemplate(orgId, key, language)) ??
    deps.catalog.messageText(key, language) ??
    (await store.notifications.ownTemplate(orgId, key, 'en')) ??
    deps.catalog.messageText(key, 'en');
  if (!text) throw new Error(`no message template "${key}"`);
  return text;
}

async function recipientsOf(
  store: Pick<Store, 'notifications'>,
  event: OutboxEvent,
  email: PlannedEmail,
  context: ApplicationContext | null,
  interview: InterviewContext | null,
): Promise<(Recipient & { unsubscribed?: boolean })[]> {
  const candidateId = str(event.payload.candidateId) ?? context?.candidateId;
  switch (email.audience) {
    case 'candidate': {
      const candidate = candidateId ? await store.notifications.candidate(event.orgId, candidateId) : null;
      // Nothing is ever sent to a candidate whose data was erased.
      return candidate && !candidate.erased ? [candidate] : [];
    }
    case 'interviewer': {
      const id = str(event.payload.interviewerId);
      return id ? store.notifications.staffAudience(event.orgId, 'interviewers', null, [id]) : [];
    }
    case 'user': {
      const id = str(event.payload.userId);
      return id ? store.notifications.staffAudience(event.orgId, 'interviewers', null, [id]) : [];
    }
    case 'people': {
      const userIds = Array.isArray(event.payload.userIds)
        ? event.payload.userIds.filter((u) => typeof u === 'string')
        : [];
      return store.notifications.staffAudience(event.orgId, 'interviewers', null, userIds);
    }
    case 'interviewers':
      return store.notifications.staffAudience(
        event.orgId,
        'interviewers',
        null,
        interview?.interviewerIds ?? [],
      );
    default:
      return store.notifications.staffAudience(
        event.orgId,
        email.audience,
        str(event.payload.teamId) ?? context?.teamId ?? null,
        [],
      );
  }
}

/** The candidate and the panel of an interview: each message shows the time in the other party's zone too. */
async function peopleOf(
  store: Pick<Store, 'notifications'>,
  event: OutboxEvent,
  context: ApplicationContext | null,
  interview: InterviewContext,
) {
  const candidateId = str(event.payload.candidateId) ?? context?.candidateId;
  const candidate = candidateId ? await store.notifications.candidate(event.orgId, candidateId) : null;
  const panel = await store.notifications.staffAudience(
    event.orgId,
    'interviewers',
    null,
    interview.interviewerIds,
  );
  return { candidate, panel };
}
type People = Awaited<ReturnType<typeof peopleOf>>;

const otherParty = {
  en: { candidate: 'the candidate', panel: 'your interviewer' },
  zh: { candidate: '候选人', panel: '面试官' },
};

function otherZones(people: People, to: Recipient, toCandidate: boolean) {
  const words = otherParty[to.language === 'zh' ? 'zh' : 'en'];
  if (toCandidate) return people.panel.map((p) => ({ timezone: p.timezone, who: words.panel }));
  return people.candidate ? [{ timezone: people.candidate.timezone, who: words.candidate }] : [];
}

function messageData(
  options: DispatchOptions,
  event: OutboxEvent,
  context: ApplicationContext | null,
  interview: (InterviewContext & { people: People }) | null,
  to: Recipient,
  toCandidate: boolean,
): Record<string, unknown> {
  const when = interview && timesOf(event, interview);
  const { replyToken: _secret, ...payload } = event.payload;
  return {
    ...payload,
    recipientName: to.name,
    portalUrl: `${options.publicUrl}/candidate`,
    // Staff messages about a candidate link to their profile.
    profileUrl:
      !toCandidate && str(event.payload.candidateId)
        ? `${options.publicUrl}/app/candidates/${str(event.payload.candidateId)}`
        : undefined,
    appUrl: options.publicUrl,
    companyName: context?.companyName,
    jobTitle: context?.jobTitle,
    teamName: context?.teamName,
    currentStep: context?.currentStep,
    nextStep: context?.nextStep,
    // The standard rejection carries the rationale only where the organisation allows it.
    feedback: context?.shareRejectionFeedback ? context.lastRationale : null,
    interview: interview &&
      when && {
        roundName: interview.roundName,
        language: interview.language,
        time: interviewTime(when, to, otherZones(interview.people, to, toCandidate)),
        startsAtLocal: localTime(when.startsAt, to.timezone),
        timezone: to.timezone,
        durationMinutes: Math.round((when.endsAt.getTime() - when.startsAt.getTime()) / 60_000),
        videoUrl: videoLink(interview, options.videoRoomBaseUrl),
        kitUrl: toCandidate ? undefined : kitUrl(options, interview),
      },
    dueAtLocal:
      typeof event.payload.dueAt === 'string'
        ? localTime(new Date(event.payload.dueAt), to.timezone)
        : undefined,
  };
}

/** The interview's page in the web app: the kit, the candidate's file and the scorecard. */
const kitUrl = (options: DispatchOptions, interview: InterviewContext) =>
  `${options.publicUrl}/app/interviews/${interview.id}`;

/** The times the event is about: a message about a change shows that change, whatever came after. */
function timesOf(event: OutboxEvent, interview: InterviewContext) {
  const { startsAt, endsAt } = event.payload;
  return typeof startsAt === 'string' && typeof endsAt === 'string'
    ? { startsAt: new Date(startsAt), endsAt: new Date(endsAt) }
    : { startsAt: interview.startsAt, endsAt: interview.endsAt };
}

function inviteFor(
  options: DispatchOptions,
  kind: 'request' | 'cancel',
  event: OutboxEvent,
  interview: InterviewContext,
  context: ApplicationContext | null,
  to: Recipient,
  all: Recipient[],
  toCandidate: boolean,
): string {
  const video = videoLink(interview, options.videoRoomBaseUrl);
  const lines = [`Interview language: ${interview.language}.`, `Video: ${video}`];
  if (!toCandidate) lines.push(`Interview kit and scorecard: ${kitUrl(options, interview)}`);
  return options.renderer.invite({
    method: kind === 'cancel' ? 'CANCEL' : 'REQUEST',
    uid: `${interview.id}@hireloop`,
    sequence: typeof event.payload.sequence === 'number' ? event.payload.sequence : 0,
    title: `${interview.roundName}${context ? ` — ${context.jobTitle}` : ''}`,
    description: lines.join('\n'),
    location: video,
    ...timesOf(event, interview),
    organizer: interview.organizer,
    attendees: [...new Map([to, ...all].map((r) => [r.email, { name: r.name, email: r.email }])).values()],
  });
}
