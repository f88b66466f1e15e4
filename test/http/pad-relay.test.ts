import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { type PadRelay, postgresPadRelay, type RelayedMessage } from '../../src/db/pad-relay.js';
import { openTestDatabase } from '../support/db.js';

// The pads' relay between nodes: what one node publishes, the others receive, whole and in
// order, however large; a node does not hear itself. (PGlite is one process: no relay.)
const postgres = Boolean(process.env.DATABASE_URL);
let database: Database;
let url: string;
const relays: PadRelay[] = [];

beforeAll(async () => {
  if (!postgres) return;
  database = await openTestDatabase();
  const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(database.db);
  const direct = new URL(process.env.DATABASE_URL!);
  direct.pathname = `/${rows[0]!.name}`;
  url = direct.toString();
});
afterAll(async () => {
  for (const relay of relays) await relay.close();
  await database?.close();
});

describe.skipIf(!postgres)('the pads relay', () => {
  it('delivers updates and messages of any size to the other nodes, in order, and not back to the sender', async () => {
    const heard: Record<'a' | 'b', [string, RelayedMessage][]> = { a: [], b: [] };
    for (const node of ['a', 'b'] as const) {
      const relay = postgresPadRelay({ db: database.db, directUrl: url, node });
      relays.push(relay);
      await relay.subscribe(
        (padId, message) => heard[node].push([padId, message]),
        () => {},
      );
    }
    const [a] = relays;
    const large = `résumé ✓ ${'x'.repeat(30_000)} end`;
    await a!.publish('pad-1', { kind: 'update', update: new Uint8Array([1, 2, 3]) });
    await a!.publish('pad-1', { kind: 'message', text: JSON.stringify({ type: 'run', output: large }) });
    await a!.publish('pad-2', { kind: 'update', update: new Uint8Array(20_000).fill(7) });
    await a!.publish('pad-1', { kind: 'message', text: 'after' });
    await expect.poll(() => heard.b.length, { timeout: 10_000 }).toBe(4);
    expect(heard.b[0]).toEqual(['pad-1', { kind: 'update', update: new Uint8Array([1, 2, 3]) }]);
    expect(heard.b[1]).toEqual([
      'pad-1',
      { kind: 'message', text: JSON.stringify({ type: 'run', output: large }) },
    ]);
    // An update too large for one notification: the others reload the pad's stored history.
    expect(heard.b[2]).toEqual(['pad-2', { kind: 'reload' }]);
    expect(heard.b[3]).toEqual(['pad-1', { kind: 'message', text: 'after' }]);
    expect(heard.a).toEqual([]);
  });
});
