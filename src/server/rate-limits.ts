import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { sharedState } from '../db/shared-state.repository.js';
import { errorPayload } from './errors.js';

type Counted = { current: number; ttl: number };
type Callback = (error: Error | null, counted?: Counted) => void;

/**
 * Keys are stored hashed: the table holds counts, not addresses or board keys. A budget is named
 * with its size, so nodes configured alike count together, and a node with another limit (a
 * change rolling out) counts its own budget rather than refusing on another's count.
 */
const hashed = (namespace: string, key: string) =>
  createHash('sha256').update(`${namespace}\u0000${key}`).digest('base64url');

/**
 * A limiter's key: its name and the client's address, so each limiter (`app.rateLimit({ max,
 * timeWindow, keyGenerator: perAddress('pads') })`) counts apart in the one shared table.
 */
export const perAddress = (name: string) => (request: FastifyRequest) => `${name}:${request.ip}`;

/**
 * A store for @fastify/rate-limit that counts in PostgreSQL, so a budget per address holds across
 * every node behind the load balancer, not per process. Limiters tell their budgets apart by
 * their keys (perAddress).
 */
export function databaseRateLimitStore(db: Kysely<DB>) {
  const state = sharedState(db);
  return class DatabaseStore {
    incr(key: string, callback: Callback, timeWindow = 60_000, max = 0) {
      const now = new Date();
      state.spend(hashed(`requests:${max}/${timeWindow}`, key), now, timeWindow).then(
        ({ count, windowStart }) =>
          callback(null, {
            current: count,
            ttl: Math.max(0, windowStart.getTime() + timeWindow - now.getTime()),
          }),
        (error: Error) => callback(error),
      );
    }
    child() {
      return new DatabaseStore();
    }
  };
}

/** A budget counted per key the request names (a board's API key), in the database when one is given. */
export function keyBudget(options: {
  db: Kysely<DB> | null;
  name: string;
  perMinute: number;
  keyOf: (request: FastifyRequest) => string;
  message: (seconds: number) => string;
}) {
  const windows = new Map<string, { start: number; count: number }>();
  const inMemory = (key: string, now: number) => {
    const window = windows.get(key);
    if (!window || now - window.start >= 60_000) {
      windows.set(key, { start: now, count: 1 });
      if (windows.size > 10_000) windows.clear();
      return { count: 1, start: now };
    }
    window.count++;
    return window;
  };
  const state = options.db ? sharedState(options.db) : null;
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const key = hashed(`${options.name}:${options.perMinute}`, options.keyOf(request));
    const now = Date.now();
    const counted = state
      ? await state
          .spend(key, new Date(now), 60_000)
          .then(({ count, windowStart }) => ({ count, start: windowStart.getTime() }))
      : inMemory(key, now);
    if (counted.count > options.perMinute) {
      const seconds = Math.max(1, Math.ceil((counted.start + 60_000 - now) / 1000));
      reply.header('retry-after', String(seconds));
      return reply.code(429).send(errorPayload({ code: 'rate.limited', message: options.message(seconds) }));
    }
  };
}
