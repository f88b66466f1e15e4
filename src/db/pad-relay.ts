import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';

/** What one node tells the others about a pad: an update to apply, a message for its sockets, or "reload". */
export type RelayedMessage =
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'message'; text: string }
  | { kind: 'reload' };

export interface PadRelay {
  /** Tells the other nodes; resolves once the database has taken the notification. */
  publish(padId: string, message: RelayedMessage): Promise<void>;
  /**
   * Listens to the other nodes. `resync` is called after the listening connection came back: what
   * was said while it was away is lost, so open pads must reload their stored history.
   */
  subscribe(listener: (padId: string, message: RelayedMessage) => void, resync: () => void): Promise<void>;
  close(): Promise<void>;
}

const CHANNEL = 'hireloop_pads';
/** PostgreSQL refuses a notification of 8000 bytes or more: a larger update is read from the table instead. */
const MAX_PAYLOAD = 7_000;

/** A message larger than one notification goes in parts of this many bytes (base64 adds a third). */
const PART_BYTES = 4_500;

type Wire = {
  n: string;
  p: string;
  u?: string;
  t?: string;
  r?: 1;
  /** One part of a large message: its index, the number of parts, base64 of its UTF-8 bytes. */
  c?: [number, number, string];
};

/**
 * Pads relayed between nodes with PostgreSQL's LISTEN/NOTIFY: each node holds the documents of the
 * pads its sockets edit; an update a node stores is announced (after it is stored), and every node
 * with that pad open applies it and passes it to its own sockets. Yjs merges updates in any order
 * and ignores one it has, so a repeat or a reload does no harm. NOTIFY goes through the pool (it
 * works through PgBouncer in transaction mode); LISTEN holds a session, so it uses a connection
 * of its own, straight to PostgreSQL (`directUrl`).
 */
export function postgresPadRelay(options: {
  db: Kysely<DB>;
  directUrl: string;
  node: string;
  onError?: (error: Error) => void;
}): PadRelay {
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;
  let listener: ((padId: string, message: RelayedMessage) => void) | null = null;
  let resync: () => void = () => {};

  // Parts of large messages, by sender and pad. A transaction's notifications arrive together and
  // in order, so parts never interleave with another message's from the same sender.
  const parts = new Map<string, string[]>();
  const received = (payload: string | undefined) => {
    let wire: Wire;
    try {
      wire = JSON.parse(payload ?? '') as Wire;
    } catch {
      return;
    }
    if (wire.n === options.node || typeof wire.p !== 'string') return;
    if (Array.isArray(wire.c)) {
      const [index, total, data] = wire.c;
      const key = `${wire.n}\u0000${wire.p}`;
      const list = index === 0 ? [] : (parts.get(key) ?? []);
      list.push(String(data));
      if (list.length < total) {
        parts.set(key, list);
        return;
      }
      parts.delete(key);
      const text = Buffer.concat(list.map((part) => Buffer.from(part, 'base64'))).toString('utf8');
      listener?.(wire.p, { kind: 'message', text });
      return;
    }
    const message: RelayedMessage =
      typeof wire.u === 'string'
        ? { kind: 'update', update: new Uint8Array(Buffer.from(wire.u, 'base64')) }
        : typeof wire.t === 'string'
          ? { kind: 'message', text: wire.t }
          : { kind: 'reload' };
    listener?.(wire.p, message);
  };

  async function connect(again: boolean) {
    if (closed) return;
    const next = new pg.Client({ connectionString: options.directUrl, connectionTimeoutMillis: 5_000 });
    const lost = (error?: Error) => {
      if (client !== next) return;
      client = null;
      if (error) options.onError?.(error);
      void next.end().catch(() => undefined);
      if (!closed) retry = setTimeout(() => void connect(true), 1_000);
    };
    next.on('error', lost);
    next.on('end', () => lost());
    next.on('notification', (notification) => {
      if (notification.channel === CHANNEL) received(notification.payload);
    });
    client = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANNEL}`);
      if (again) resync();
    } catch (error) {
      lost(error as Error);
    }
  }

  return {
    async publish(padId, message) {
      const wire: Wire = { n: options.node, p: padId };
      if (message.kind === 'update') wire.u = Buffer.from(message.update).toString('base64');
      else if (message.kind === 'message') wire.t = message.text;
      const payload = JSON.stringify(wire);
      if (payload.length <= MAX_PAYLOAD) {
        await sql`SELECT pg_notify(${CHANNEL}, ${payload})`.execute(options.db);
      } else if (message.kind === 'message') {
        // In parts, all in one statement (one transaction), so they arrive together and in order.
        const bytes = Buffer.from(message.text, 'utf8');
        const count = Math.ceil(bytes.length / PART_BYTES);
        const payloads = Array.from({ length: count }, (_, i) =>
          JSON.stringify({
            n: options.node,
            p: padId,
            c: [i, count, bytes.subarray(i * PART_BYTES, (i + 1) * PART_BYTES).toString('base64')],
          }),
        );
        const calls = sql.join(payloads.map((part) => sql`pg_notify(${CHANNEL}, ${part})`));
        await sql`SELECT ${calls}`.execute(options.db);
      } else {
        // An update too large to announce is read from the table by the others.
        await sql`SELECT pg_notify(${CHANNEL}, ${JSON.stringify({ n: options.node, p: padId, r: 1 })})`.execute(
          options.db,
        );
      }
    },
    async subscribe(next, onResync) {
      listener = next;
      resync = onResync;
      await connect(false);
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const open = client;
      client = null;
      await open?.end().catch(() => undefined);
    },
  };
}
