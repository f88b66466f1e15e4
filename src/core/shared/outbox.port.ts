import type { OutboxMessage } from './types.js';

/** A decision's messages wait out its undo window, marked with the decision that can still take them back. */
export interface MessageHold {
  decisionId: string;
  until: Date;
}

/** Messages a change sends once its transaction commits; dispatch turns them into deliveries. */
export interface OutboxRepository {
  /** A message whose dedupe key is already queued is left alone, so a replayed change sends it once. */
  enqueue(message: OutboxMessage): Promise<void>;
  /** Many messages in one statement, each with its own hold (or none). */
  enqueueMany(messages: (OutboxMessage & { hold: MessageHold | null })[]): Promise<void>;
  /** Every message `work` enqueues waits until `hold.until` and can be withdrawn with the decision. */
  holding<T>(hold: MessageHold | null, work: () => Promise<T>): Promise<T>;
  /**
   * Withdraws a decision's held messages, locking them first: false when dispatch already took one
   * (then nothing is withdrawn). A withdrawn message's dedupe key is freed for a later decision.
   */
  withdrawHeld(decisionId: string, at: Date): Promise<boolean>;
}
