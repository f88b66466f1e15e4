import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { dispatchEvents } from '../src/core/notifications/dispatch-events.js';
import { type Database, migrateToLatest } from '../src/db/database.js';
import { createDeps } from '../src/db/store.js';
import { randomIds, systemClock } from '../src/server/app.js';
import { deliverDue, runOnce, type WorkerOptions } from '../src/server/jobs/worker.js';
import { messageRenderer } from '../src/server/messages.js';
import { loadCatalog } from '../src/server/templates.js';
import { createTransport, SMTP_CONNECTIONS } from '../src/server/transport.js';
import { generate } from './generate.js';
import { describeFigure, type Figure, figure, Samples, writeResults } from './measure.js';
import { onEachDatabase } from './scratch-database.js';

/**
 * Messages per second from the outbox to a real SMTP server on loopback: MESSAGES outbox events
 * (an application received, one email each) turned into deliveries and sent by the worker's own
 * passes, until every one is delivered. The baseline, in the same run against the same server:
 * nodemailer sending the same number of messages of the same size straight to it, on as many
 * pooled connections as the worker uses, with as many in flight; nothing read or written in a
 * database. The worker as it was before its deliveries were pooled and sent side by side (one
 * at a time on a connection each, 20 a pass) is measured too, for comparison. Every message must
 * arrive exactly once, by Message-ID, or the figure fails.
 * BENCH_MESSAGES_DATABASES chooses `postgres`, `pglite` or both (the default).
 */
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 2000);
const DATABASES = (process.env.BENCH_MESSAGES_DATABASES ?? 'pglite,postgres').split(',');
const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A loopback SMTP server that keeps each message's Message-ID and nothing else. */
async function startServer() {
  const ids: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    // No reverse DNS lookup per connection: it would favour the pooled side beyond what pooling saves.
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 4096) head += chunk.toString('utf8');
      });
      stream.on('end', () => {
        ids.push(/^Message-ID:\s*(\S+)/im.exec(head)?.[1] ?? '(none)');
        callback();
      });
    },
  });
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, ids, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Outbox events for `count` applications from `offset` on, as a submission writes them. */
async function enqueue(database: Database, orgId: string, offset: number, count: number, tag: string) {
  await sql`insert into outbox (org_id, kind, dedupe_key, payload, created_at, available_at)
    select a.org_id, 'application.submitted', ${tag} || ':' || a.id,
      jsonb_build_object('applicationId', a.id, 'candidateId', a.candidate_id, 'jobId', a.job_id, 'status', a.status),
      now(), now()
    from (select * from applications where org_id = ${orgId} order by id offset ${offset} limit ${count}) a`.execute(database.db);
}

const pending = async (database: Database) =>
  (
    await sql<{ n: number }>`select (select count(*) from outbox where status = 'pending' and kind <> 'screening.annotate')
      + (select count(*) from deliveries where status = 'pending') as n`.execute(database.db)
  ).rows[0]!.n;

/** Every message once: as many Message-IDs as expected, none twice. */
function exactlyOnce(ids: string[], expected: number) {
  const distinct = new Set(ids).size;
  if (ids.length !== expected) return `${ids.length} messages arrived, not ${expected}`;
  return distinct === expected ? null : `${expected - distinct} messages arrived twice`;
}

async function measure(kind: 'pglite' | 'postgres', database: Database): Promise<Figure[]> {
  await migrateToLatest(database.db);
  const data = await generate(database.db, { applications: Math.max(20_000, 3 * MESSAGES), seed: 1, openJobs: 50 });
  const deps = createDeps(database.db, systemClock, randomIds, loadCatalog());
  const server = await startServer();
  const options = (smtpUrl: string): WorkerOptions => ({
    db: database.db,
    deps,
    renderer: messageRenderer,
    transport: createTransport({ smtpUrl, from: 'Hireloop <no-reply@bench.example>' }),
    publicUrl: 'https://hireloop.bench',
    videoRoomBaseUrl: 'https://meet.hireloop.bench/',
    allowPrivateNetwork: true,
    leaseMs: 60_000,
  });
  /** Drains one set of events with `pass`, timed from the first pass to the last delivery. */
  const drain = async (offset: number, tag: string, worker: WorkerOptions, pass: () => Promise<unknown>) => {
    await enqueue(database, data.orgId, offset, MESSAGES, tag);
    server.ids.length = 0;
    const samples = new Samples();
    let sent = 0;
    await samples.time(
      async () => {
        while ((await pending(database)) > 0) await pass();
      },
      () => {
        sent = server.ids.length;
        return sent === 0 ? 'nothing was sent' : exactlyOnce(server.ids, sent);
      },
    );
    worker.transport.close();
    const delivered = await sql<{ n: number }>`select count(*)::int as n from deliveries d join outbox o on o.seq = d.event_seq
      where o.dedupe_key like ${`${tag}:%`} and d.status = 'delivered' and d.channel = 'email'`.execute(database.db);
    if (delivered.rows[0]!.n !== sent) samples.fail(`${delivered.rows[0]!.n} deliveries recorded, ${sent} messages arrived`);
    return { samples, sent };
  };

  try {
    const pooled = options(server.url);
    const ours = await drain(0, 'bench-pooled', pooled, () => runOnce(pooled, false));
    const count = ours.sent;
    // The same passes as before pooling: one delivery at a time, 20 a pass, a connection each.
    const single = options(`${server.url}/?pool=false`);
    const before = await drain(MESSAGES, 'bench-single', single, async () => {
      await dispatchEvents(deps, { renderer: messageRenderer, publicUrl: single.publicUrl, videoRoomBaseUrl: single.videoRoomBaseUrl });
      await deliverDue(single, 20, 1);
    });

    // The baseline: the same number of messages, of the size the worker sent, straight to the server.
    const sample = await sql<{ recipient: string; subject: string; body: string }>`select recipient, subject, body
      from deliveries where status = 'delivered' order by id limit ${count}`.execute(database.db);
    const direct = nodemailer.createTransport({ url: server.url, pool: true, maxConnections: SMTP_CONNECTIONS });
    server.ids.length = 0;
    const baseline = new Samples();
    await baseline.time(
      async () => {
        let next = 0;
        await Promise.all(
          Array.from({ length: SMTP_CONNECTIONS }, async () => {
            for (let i = next++; i < count; i = next++) {
              const m = sample.rows[i % sample.rows.length]!;
              await direct.sendMail({ from: 'Hireloop <no-reply@bench.example>', to: m.recipient, subject: m.subject, text: m.body, messageId: `<direct-${i}@bench>` });
            }
          }),
        );
      },
      () => exactlyOnce(server.ids, count),
    );
    direct.close();
    const rate = (n: number) => (s: Samples) => n / (s.times[0]! / 1000);

    const against = {
      database: kind,
      unit: 'messages/s',
      baselineName: `nodemailer straight to the server, ${SMTP_CONNECTIONS} pooled connections`,
      baselineSamples: baseline,
      baseline: rate(count),
    };
    const figures = [
      figure({ name: `outbox to SMTP, ${count} messages (worker passes)`, samples: ours.samples, value: rate(count), ...against, target: '≥ 100 messages/s', meets: (v) => v >= 100 }),
      figure({ name: `outbox to SMTP, ${before.sent} messages, one at a time on a connection each (before pooling)`, samples: before.samples, value: rate(before.sent), ...against, target: 'for comparison', meets: () => true }),
    ];
    for (const f of figures) console.log(describeFigure(f));
    return figures;
  } finally {
    await server.close();
  }
}

const started = performance.now();
writeResults(
  new URL('./messages-results.json', import.meta.url),
  { messages: MESSAGES },
  started,
  await onEachDatabase(DATABASES, POSTGRES_URL, 'hireloop_bench_messages', measure),
);
