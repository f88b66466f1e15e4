import { afterAll, expect, it } from 'vitest';
import { DELIVERY_LANES } from '../../src/server/jobs/worker.js';
import { freePort, serverProcesses } from '../support/processes.js';
import { startSmtp } from '../support/smtp.js';
import { messagesWaiting } from '../support/waiting-messages.js';

const processes = serverProcesses();
afterAll(() => processes.stopAll());

it('a worker killed mid-delivery and restarted delivers every message exactly once, by Message-ID', async () => {
  const smtp = await startSmtp({ delayMs: 40 });
  processes.cleanups.push(() => smtp.close());
  const shared = await processes.sharedDatabase('crash');

  // Before any server runs: an organisation and 40 messages waiting in the outbox.
  await messagesWaiting(shared, 20);

  const start = async () =>
    processes.start({
      PORT: String(await freePort()),
      SMTP_URL: smtp.url,
      WORKER_INTERVAL_MS: '50',
      DELIVERY_LEASE_SECONDS: '1',
      ...shared.env,
    });
  const waitFor = async (condition: () => boolean, ms: number) => {
    const until = Date.now() + ms;
    while (!condition()) {
      if (Date.now() > until) throw new Error(`timed out with ${smtp.received.length} messages received`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  // Two crashes in the middle of sending, by SIGKILL: no chance to clean up.
  let kills = 0;
  for (const after of [8, 22]) {
    const run = await start();
    await waitFor(() => smtp.received.length >= after, 60_000);
    run.child.kill('SIGKILL');
    await run.exited;
    kills++;
  }
  const last = await start();
  const uniqueIds = () => new Set(smtp.received.map((m) => m.mail.messageId)).size;
  await waitFor(() => uniqueIds() >= 40, 90_000);
  // Let the last worker settle, then stop it properly.
  await new Promise((r) => setTimeout(r, 1500));
  last.child.kill('SIGTERM');
  await last.exited;

  const database = await shared.open();
  const rows = await database.db
    .selectFrom('deliveries')
    .select(['id', 'status'])
    .where('channel', '=', 'email')
    .execute();
  await database.close();
  expect(rows).toHaveLength(40);
  expect(rows.every((r) => r.status === 'delivered')).toBe(true);
  const received = smtp.received.map((m) => m.mail.messageId);
  expect(new Set(received)).toEqual(new Set(rows.map((r) => `<${r.id}@hireloop>`)));
  // At-least-once: a crash can repeat only the wave it was sending (sent, not yet recorded), each
  // message with its Message-ID (ADR 0017).
  expect(received.length - new Set(received).size).toBeLessThanOrEqual(kills * DELIVERY_LANES);
  console.log(
    `crash test: ${received.length} SMTP receipts for ${rows.length} messages after ${kills} kills`,
  );
}, 240_000);
