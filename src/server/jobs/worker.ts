import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { forgetExpired } from '../../core/accounts/forget-expired.js';
import type { Grader } from '../../core/assessments/assessments.port.js';
import { gradeAtDeadline } from '../../core/assessments/grade-at-deadline.js';
import { refreshCalendarFeeds as refreshFeeds } from '../../core/availability/import-calendar.js';
import { sendFeedbackReminders } from '../../core/feedback/send-feedback-reminders.js';
import { chaseUnansweredReplies } from '../../core/messages/chase-unanswered-replies.js';
import { dispatchEvents } from '../../core/notifications/dispatch-events.js';
import { keepCandidatesInformed } from '../../core/notifications/keep-candidates-informed.js';
import { MAX_ATTEMPTS, retryDelayMs } from '../../core/notifications/notification.rules.js';
import type { MessageRenderer } from '../../core/notifications/notifications.port.js';
import { remindPractice } from '../../core/practice/remind-practice.js';
import { purgeOnSchedule } from '../../core/retention/purge-on-schedule.js';
import { sendConsentRenewals } from '../../core/retention/send-consent-renewals.js';
import { annotatePending } from '../../core/screening/annotate-application.js';
import { localMatcher } from '../../core/screening/index.js';
import type { Matcher } from '../../core/screening/matcher.port.js';
import type { Deps } from '../../core/shared/ports.js';
import {
  type Delivery,
  deliveries,
  type FinishedAttempt,
} from '../../db/notifications/deliveries.repository.js';
import type { DB } from '../../db/schema.js';
import { sharedState } from '../../db/shared-state.repository.js';
import { calendarSource } from '../calendar-import.js';
import { SMTP_CONNECTIONS, type Transport } from '../transport.js';

/** What the worker logs through: the app's logger in one process, a line logger in a worker node. */
export type WorkerLog = Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;

const levels = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'];

/** JSON lines on standard output, at LOG_LEVEL and above, for a worker node (no HTTP server, no Fastify logger). */
export function workerLog(config: { LOG_LEVEL: string; NODE_NAME?: string }): WorkerLog {
  const least = config.LOG_LEVEL === 'silent' ? Number.POSITIVE_INFINITY : levels.indexOf(config.LOG_LEVEL);
  const at =
    (level: string) =>
    (fields: unknown, message?: string): void => {
      if (levels.indexOf(level) < least) return;
      const { err, ...rest } = (typeof fields === 'object' && fields ? fields : {}) as Record<
        string,
        unknown
      >;
      const error = err instanceof Error ? { err: { type: err.name, message: err.message } } : {};
      console.log(
        JSON.stringify({ level, time: Date.now(), role: 'worker', msg: message, ...rest, ...error }),
      );
    };
  return { info: at('info'), warn: at('warn'), error: at('error') } as WorkerLog;
}

export interface WorkerOptions {
  db: Kysely<DB>;
  deps: Deps;
  renderer: MessageRenderer;
  transport: Transport;
  publicUrl: string;
  videoRoomBaseUrl: string;
  /** The domain of thread reply addresses (INBOUND_DOMAIN); without it messages carry none. */
  replyDomain?: string | undefined;
  /** Calendar feeds may be on loopback and private addresses. */
  allowPrivateNetwork: boolean;
  leaseMs: number;
  /** Grades assessments whose time ran out; without one they wait for a worker that has it. */
  grader?: Grader;
  log?: WorkerLog;
  /**
   * This worker's name among several: the minute's sweeps run on one worker at a time (a lease in
   * the database); deliveries and events are shared out row by row (SKIP LOCKED) by every worker.
   */
  holder?: string;
  /**
   * What annotates applications for the resume screen (ADR 0025): the local matcher unless the
   * organisation plugs in its own behind the port. Every output is logged with its name and version.
   */
  matcher?: Matcher;
}

/** How long one worker keeps the sweeps before another may take them (a worker that died lets go by then). */
export const SWEEP_LEASE_MS = 90_000;

/** Outbox events one pass turns into deliveries. */
export const DISPATCH_BATCH = 100;
/** Deliveries one claim takes, and how many of them are sent side by side. */
export const DELIVERY_BATCH = 100;
export const DELIVERY_LANES = SMTP_CONNECTIONS;

/**
 * Sends what is due now: every claimed delivery is attempted once and finished or rescheduled.
 * A claim never holds two deliveries for one recipient about one application (the later waits
 * for the earlier), so sending a wave of them side by side keeps a person's messages about one
 * application in order.
 */
export async function deliverDue(options: WorkerOptions, limit = DELIVERY_BATCH, lanes = DELIVERY_LANES) {
  const queue = deliveries(options.db);
  const claimed = await queue.claim(options.deps.clock.now(), options.leaseMs, limit);
  for (let start = 0; start < claimed.length; start += lanes) {
    // Claimed in a batch, sent a wave at a time: each is sent only while its lease is still this
    // worker's, and the rest of the batch keeps its lease while a wave goes (a slow batch is not
    // taken over).
    const rest = claimed.slice(start);
    const held = await queue.renewMany(rest, options.deps.clock.now(), options.leaseMs);
    const wave = rest.slice(0, lanes).filter((delivery) => held.has(delivery.id));
    const attempts = await Promise.all(wave.map((delivery) => attempt(options, queue, delivery)));
    await queue.finish(attempts);
  }
  return claimed.length;
}

/** Sends one delivery and says how it went; a failure is retried later until its attempts run out. */
async function attempt(
  options: WorkerOptions,
  queue: ReturnType<typeof deliveries>,
  delivery: Delivery,
): Promise<FinishedAttempt> {
  const secret =
    delivery.channel === 'webhook' && delivery.endpoint_id
      ? await queue.secretOf(delivery.endpoint_id)
      : null;
  const result =
    delivery.channel === 'email'
      ? await options.transport.email(delivery)
      : secret
        ? await options.transport.webhook(delivery, secret)
        : { ok: false as const, error: 'the webhook endpoint no longer exists' };
  const at = options.deps.clock.now();
  if (result.ok) return { delivery, at, outcome: result };
  const retryAt =
    delivery.attempts < MAX_ATTEMPTS ? new Date(at.getTime() + retryDelayMs(delivery.attempts)) : null;
  options.log?.warn(
    {
      deliveryId: delivery.id,
      channel: delivery.channel,
      attempt: delivery.attempts,
      willRetry: Boolean(retryAt),
    },
    'delivery failed',
  );
  return { delivery, at, outcome: { ok: false, error: result.error, retryAt } };
}

/** Re-reads interviewers' calendar feeds older than an hour, a few per sweep; a failure is kept for them to see. */
export async function refreshCalendarFeeds(options: WorkerOptions, limit = 5) {
  const calendars = calendarSource(options.allowPrivateNetwork);
  const refreshed = await refreshFeeds({ ...options.deps, calendars }, { limit });
  for (const { userId } of refreshed.ok ? refreshed.value.failed : []) {
    options.log?.warn({ userId }, 'calendar feed refresh failed');
  }
}

/** One pass of everything time-driven: events into deliveries, deliveries out, sweeps. */
export async function runOnce(options: WorkerOptions, sweeps: boolean) {
  const dispatched = await dispatchEvents(options.deps, {
    batch: DISPATCH_BATCH,
    renderer: options.renderer,
    publicUrl: options.publicUrl,
    videoRoomBaseUrl: options.videoRoomBaseUrl,
    replyDomain: options.replyDomain,
  });
  const delivered = await deliverDue(options);
  const screening = await annotatePending(options.deps, {
    matcher: options.matcher ?? localMatcher,
    leaseMs: options.leaseMs,
  });
  if (screening.failed > 0)
    options.log?.warn({ failed: screening.failed }, 'screening annotations failed; each is retried later');
  if (
    sweeps &&
    (!options.holder ||
      (await sharedState(options.db).lease(
        'sweeps',
        options.holder,
        options.deps.clock.now(),
        SWEEP_LEASE_MS,
      )))
  ) {
    await sharedState(options.db).forgetWindows(new Date(options.deps.clock.now().getTime() - 3_600_000));
    await sendFeedbackReminders(options.deps);
    await keepCandidatesInformed(options.deps);
    await chaseUnansweredReplies(options.deps);
    await forgetExpired(options.deps);
    await remindPractice(options.deps);
    await sendConsentRenewals(options.deps);
    await purgeOnSchedule(options.deps, { videoRoomBaseUrl: options.videoRoomBaseUrl });
    if (options.grader) {
      const graded = await gradeAtDeadline({ ...options.deps, grader: options.grader });
      for (const assessmentId of graded.ok ? graded.value.failed : [])
        options.log?.warn({ assessmentId }, 'grading at the deadline failed; retried next sweep');
    }
    await refreshCalendarFeeds(options);
  }
  return { dispatched: dispatched.ok ? dispatched.value : null, delivered, annotated: screening.claimed };
}

/** After failed passes the worker waits this long, doubling per failure up to a minute. */
export const backoffMs = (failures: number, intervalMs: number) =>
  failures === 0 ? 0 : Math.min(60_000, intervalMs * 2 ** Math.min(failures, 16));

/**
 * The worker loop: a pass every interval, the sweeps once a minute. While passes fail (the
 * database is away) it backs off, and it picks up by itself once one succeeds. The function it
 * returns stops the loop and resolves once the pass going (its claimed deliveries) has finished.
 */
export function startWorker(options: WorkerOptions, intervalMs: number): () => Promise<void> {
  let running: Promise<void> | null = null;
  let stopped = false;
  let lastSweep = 0;
  let failures = 0;
  let resumeAt = 0;
  /** Whether the pass found as much as it takes: then the next one starts at once, not a tick later. */
  const pass = async () => {
    try {
      const now = Date.now();
      const sweeps = now - lastSweep >= 60_000;
      if (sweeps) lastSweep = now;
      const done = await runOnce(options, sweeps);
      if (failures > 0) options.log?.info({ failures }, 'worker passes succeed again');
      failures = 0;
      return (done.dispatched?.events ?? 0) >= DISPATCH_BATCH || done.delivered >= DELIVERY_BATCH;
    } catch (error) {
      failures += 1;
      resumeAt = Date.now() + backoffMs(failures, intervalMs);
      if (failures === 1 || Number.isInteger(Math.log2(failures)))
        options.log?.error({ err: error, failures }, 'worker pass failed; backing off');
      return false;
    }
  };
  const tick = () => {
    if (stopped || running || Date.now() < resumeAt) return;
    running = pass().then((more) => {
      running = null;
      if (more) setImmediate(tick);
    });
  };
  const timer = setInterval(tick, intervalMs);
  tick();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
