import { afterAll, expect, it } from 'vitest';
import { freePort, serverProcesses, waitForHealth } from '../support/processes.js';
import { startSmtp } from '../support/smtp.js';
import { messagesWaiting } from '../support/waiting-messages.js';

const processes = serverProcesses();
afterAll(() => processes.stopAll());

it('a stopping process is no longer ready, finishes the deliveries it is sending, and exits 0', async () => {
  // A slow SMTP server: the stop comes while a batch of messages is being sent.
  const smtp = await startSmtp({ delayMs: 700 });
  processes.cleanups.push(() => smtp.close());
  const shared = await processes.sharedDatabase('stop');
  await messagesWaiting(shared, 4);

  const port = await freePort();
  const node = processes.start({
    PORT: String(port),
    SMTP_URL: smtp.url,
    WORKER_INTERVAL_MS: '100',
    DELIVERY_LEASE_SECONDS: '120',
    ...shared.env,
  });
  await waitForHealth(port, 90_000);
  expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
  while (smtp.received.length === 0) await new Promise((r) => setTimeout(r, 20));
  node.child.kill('SIGTERM');
  expect(await node.exited, node.output()).toBe(0);
  // Stopped: nothing answers on its port any more.
  await expect(fetch(`http://127.0.0.1:${port}/readyz`)).rejects.toThrow();

  const after = await shared.open();
  const rows = await after.db
    .selectFrom('deliveries')
    .select(['id', 'status', 'locked_until'])
    .where('channel', '=', 'email')
    .execute();
  await after.close();
  const received = new Set(smtp.received.map((m) => m.mail.messageId));
  // Each message sent is recorded as delivered (none left leased, to be sent again by another
  // worker), and the pass that was going when the stop came was finished, not cut.
  expect(rows.filter((r) => received.has(`<${r.id}@hireloop>`)).every((r) => r.status === 'delivered')).toBe(
    true,
  );
  expect(rows.filter((r) => r.status === 'pending' && r.locked_until !== null)).toEqual([]);
  expect(received.size).toBeGreaterThan(1);
}, 180_000);
