import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../../core/shared/ports.js';

/**
 * The public board's answers, rendered once and served again while nothing they are made of has
 * changed. Greenhouse clients poll the same few lists, and a thousand-job list is 300 KB of JSON.
 *
 * Many serve nodes share one PostgreSQL, so an entry is never trusted on its own: each request
 * reads the board's stamp (`boardQueries.stamped`, one statement that also loads the board) and an
 * entry is used only if it was rendered under that same stamp. A change made on any node is
 * therefore seen by every node on its next request, with nothing to relay. LISTEN/NOTIFY (as the
 * pads use) was not chosen: jobs, teams, offices, organisations and boards are written by many use
 * cases of other modules that would each have to announce it, and a node whose listening
 * connection dropped would serve stale lists until it noticed. The time limit only bounds how long
 * an idle entry holds memory; the size limits bound the memory itself.
 */
export interface AnswerCacheLimits {
  ttlMs: number;
  maxEntries: number;
  maxChars: number;
}

export const answerCacheLimits: AnswerCacheLimits = {
  ttlMs: 10_000,
  maxEntries: 512,
  maxChars: 32 * 2 ** 20,
};

interface Entry {
  stamp: string;
  json: string;
  /** A hash of the JSON itself, so equal answers have equal tags on every node. */
  tag: string;
  storedAt: number;
}

const hashOf = (json: string) => createHash('sha256').update(json).digest('base64url').slice(0, 27);

export function answerCache(clock: Clock, limits: AnswerCacheLimits = answerCacheLimits) {
  // A Map keeps insertion order: re-inserting on use makes its first key the least recently used.
  const entries = new Map<string, Entry>();
  let chars = 0;
  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    chars -= entry.json.length;
    entries.delete(key);
  };

  const store = (key: string, entry: Entry) => {
    drop(key);
    if (entry.json.length > limits.maxChars) return;
    entries.set(key, entry);
    chars += entry.json.length;
    for (const oldest of entries.keys()) {
      if (entries.size <= limits.maxEntries && chars <= limits.maxChars) break;
      drop(oldest);
    }
  };
  // Renders under way: the clients polling a list that just changed wait for one render, not one each.
  const rendering = new Map<string, Promise<Entry | null>>();

  return {
    /**
     * The answer for `key` under `stamp`: the cached one when it was rendered under the same stamp
     * and is young enough, else `render`'s, kept for the next request. `render` returns null for a
     * 404, which is not kept.
     */
    answer(key: string, stamp: string, render: () => Promise<unknown | null>): Promise<Entry | null> {
      const now = clock.now().getTime();
      const hit = entries.get(key);
      if (hit && hit.stamp === stamp && now - hit.storedAt < limits.ttlMs) {
        entries.delete(key);
        entries.set(key, hit);
        return Promise.resolve(hit);
      }
      const flight = `${key}\n${stamp}`;
      const running = rendering.get(flight);
      if (running) return running;
      const rendered = (async () => {
        const body = await render();
        if (body === null) return null;
        const json = JSON.stringify(body);
        const entry = { stamp, json, tag: hashOf(json), storedAt: now };
        store(key, entry);
        return entry;
      })().finally(() => rendering.delete(flight));
      rendering.set(flight, rendered);
      return rendered;
    },
    get size() {
      return entries.size;
    },
  };
}

export type AnswerCache = ReturnType<typeof answerCache>;

/** The representation's tag: a JSONP answer wraps the JSON in its callback, so it is another one. */
export const entityTag = (entry: Pick<Entry, 'tag'>, callback: string | undefined) =>
  `"${entry.tag}${callback ? `.${callback}` : ''}"`;

/** RFC 9110 §13.1.2: weak comparison, a list of tags or `*`. */
export function notModified(request: FastifyRequest, tag: string): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const t = candidate.trim();
    return t === '*' || (t.startsWith('W/') ? t.slice(2) : t) === tag;
  });
}

/**
 * Public board answers may be stored by any cache, which must ask again each time: with the tag,
 * that is a 304 without a body until something changes.
 */
export const revalidate = (reply: FastifyReply, tag: string) =>
  reply.header('etag', tag).header('cache-control', 'public, no-cache');
