import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { addBoard } from '../support/boards.js';
import { openTestDatabase } from '../support/db.js';
import { buildTestApp } from '../support/http.js';
import { buildWorld, TestClock, type World } from '../support/world.js';

// Every statement either database mode sends goes through node-postgres' Client#query (PGlite's
// adapter is a Connection under the same Client), BEGIN and COMMIT included.
let statements: string[] | null = null;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const first = args[0];
  statements?.push(typeof first === 'string' ? first : ((first as { text?: string }).text ?? '?'));
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

let database: Database;
let app: App;
let world: World;
let postId: number;
const token = () => `count-${world.slug}`;
const authorization = `Basic ${Buffer.from('count-key:').toString('base64')}`;

beforeAll(async () => {
  database = await openTestDatabase();
  const clock = new TestClock();
  world = await buildWorld(database, clock);
  app = await buildTestApp(database, clock);
  await addBoard(world, { token: token(), name: 'Careers', employmentTypes: ['full_time'] }, 'count-key');
  const list = (await app.inject({ url: `/v1/boards/${token()}/jobs` })).json();
  postId = list.jobs[0].id;
});
afterAll(async () => {
  pg.Client.prototype.query = query;
  await app.close();
  await database.close();
});

/** The statements one board submission sends, in order, besides its request budgets. */
async function counted(n: number, headers: Record<string, string> = {}) {
  statements = [];
  try {
    const response = await app.inject({
      method: 'POST',
      url: `/v1/boards/${token()}/jobs/${postId}`,
      headers: { authorization, ...headers },
      payload: {
        first_name: 'Count',
        last_name: `Applicant ${n}`,
        email: `count.${n}@example.com`,
        resume_text: 'Go and Kafka',
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().created).toBe(true);
    // On PostgreSQL the request budgets per address and per board key are counted in a shared
    // table, one statement each, before the submission itself is looked at.
    const budgets = statements.filter((s) => s.includes('"rate_limit_windows"'));
    expect(budgets).toHaveLength(database.kind === 'postgres' ? 2 : 0);
    return statements.filter((s) => !budgets.includes(s));
  } finally {
    statements = null;
  }
}

describe('one board submission', () => {
  it('sends seven statements, BEGIN and COMMIT included, its sign-in link inside its transaction', async () => {
    const sent = await counted(1);
    // The board with its post; then BEGIN, the job locked with its process, the candidate upserted
    // and locked, what the rules read (open applications, policy, zone, last rejection), every
    // write in one statement, COMMIT. It was 22, with the sign-in link in a second transaction.
    expect(sent.length, sent.join('\n')).toBe(7);
    expect(sent[1]).toBe('begin');
    expect(sent[5]).toMatch(/insert into "sign_in_links"/);
    expect(sent[6]).toBe('commit');

    const candidate = await world.db
      .selectFrom('candidates')
      .select(['id', 'resume_text'])
      .where('email_normalized', '=', 'count.1@example.com')
      .executeTakeFirstOrThrow();
    expect(candidate.resume_text).toBe('Go and Kafka');
    const application = await world.db
      .selectFrom('applications')
      .select('id')
      .where('candidate_id', '=', candidate.id)
      .executeTakeFirstOrThrow();
    const count = async (table: 'attachments' | 'sign_in_links', column: 'candidate_id') =>
      (await world.db.selectFrom(table).select(column).where(column, '=', candidate.id).execute()).length;
    expect(await count('attachments', 'candidate_id')).toBe(1);
    expect(await count('sign_in_links', 'candidate_id')).toBe(1);
    const audit = await world.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', application.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['application.submitted']);
    const messages = await world.db
      .selectFrom('outbox')
      .select('kind')
      .where(sql<boolean>`payload->>'candidateId' = ${candidate.id}`)
      .orderBy('kind')
      .execute();
    expect(messages.map((m) => m.kind)).toEqual(['application.submitted', 'candidate.sign_in_link']);
  });

  it('a returning candidate costs no more', async () => {
    const first = await counted(2);
    await world.db
      .updateTable('applications')
      .set({ status: 'withdrawn', ended_at: new Date('2026-03-02T09:00:00Z') })
      .where('source', '=', `board:${token()}`)
      .execute();
    expect(first.length).toBe(7);
    expect((await counted(2)).length).toBe(7);
  });
});
