import type { OutboxMessage } from './types.js';

/** Messages a change sends once its transaction commits; dispatch turns them into deliveries. */
export interface OutboxRepository {
  /** A message whose dedupe key is already queued is left alone, so a replayed change sends it once. */
  enqueue(message: OutboxMessage): Promise<void>;
}
