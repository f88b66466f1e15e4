import type { FastifyBaseLogger } from 'fastify';
import { sendFeedbackReminders } from '../../core/feedback/send-feedback-reminders.js';
import type { Deps } from '../../core/ports.js';

/** Sweeps overdue feedback once a minute (R-FB-4); the outbox carries the reminders on. */
export function startFeedbackReminders(deps: Deps, log: FastifyBaseLogger, everyMs = 60_000): () => void {
  let running = false;
  const sweep = async () => {
    if (running) return;
    running = true;
    try {
      const result = await sendFeedbackReminders(deps);
      if (result.ok && result.value.messages > 0) log.info(result.value, 'feedback reminders enqueued');
    } catch (error) {
      log.error({ err: error }, 'feedback reminder sweep failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(sweep, everyMs);
  timer.unref();
  void sweep();
  return () => clearInterval(timer);
}
