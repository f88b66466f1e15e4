import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { ensureDebianPackages } from '../../scripts/debian-packages.mjs';
import { migrateToLatest } from '../../src/db/database.js';
import { DELIVERY_LANES } from '../../src/server/jobs/worker.js';
import { addBoard } from '../support/boards.js';
import { freePort, serverProcesses, waitForHealth } from '../support/processes.js';
import { startSmtp } from '../support/smtp.js';
import { buildWorld, PASSWORD, TestClock } from '../support/world.js';

// Hireloop as several nodes on one PostgreSQL: HAProxy (Debian's) in front of three serve nodes,
// two workers and one sandbox node. Sixteen clients apply with Idempotency-Keys while one serve
// node and one worker are killed (SIGKILL) and brought back. Then: every acknowledged application
// is there once, nobody's twice; every email reached the SMTP server, by Message-ID; a budget per
// address holds across the nodes; a pad with its two people on different nodes converges.
const postgres = Boolean(process.env.DATABASE_URL);
const missing = postgres ? ensureDebianPackages(['haproxy']) : null;
if (!postgres) console.warn('many-nodes: skipped, it needs PostgreSQL (DATABASE_URL)');
else if (missing) console.warn(`many-nodes: skipped, ${missing}`);
const SECONDS = Number(process.env.MANY_NODES_SECONDS ?? 60);
/**
 * Applications each client sends, spread evenly over the run: the load is the same on a fast
 * machine and a slow one, so the emails it causes are a known number to deliver.
 */
const PER_CLIENT = 30;
const CLIENTS = 16;
const SCHEDULING_BUDGET = 30;

const processes = serverProcesses();
afterAll(() => processes.stopAll());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(what: string, condition: () => Promise<boolean> | boolean, ms: number) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

function haproxyConfig(port: number, servers: number[]) {
  return [
    'global',
    '  maxconn 4096',
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 60s',
    '  timeout server 60s',
    '  option forwardfor',
    // Only a request that never reached a node is retried elsewhere; the rest is the client's.
    '  retries 2',
    '  option redispatch',
    '  retry-on conn-failure',
    'frontend web',
    `  bind 127.0.0.1:${port}`,
    '  default_backend serve',
    'backend serve',
    '  balance roundrobin',
    '  option httpchk GET /readyz',
    '  http-check expect status 200',
    '  default-server inter 300ms fall 2 rise 1',
    ...servers.map((p, i) => `  server s${i + 1} 127.0.0.1:${p} check`),
    '',
  ].join('\n');
}

/** A Yjs client on a pad's socket, as the web app runs one. */
function padClient(url: string, cookie?: string) {
  const doc = new Y.Doc();
  const messages: unknown[] = [];
  const socket = new WebSocket(url.replace(/^http/, 'ws'), cookie ? { headers: { cookie } } : {});
  socket.binaryType = 'arraybuffer';
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_q, response) =>
      reject(new Error(`refused with ${response.statusCode}`)),
    );
    socket.once('error', reject);
  });
  socket.on('message', (data, isBinary) => {
    if (isBinary) Y.applyUpdate(doc, new Uint8Array(data as ArrayBuffer), 'server');
    else messages.push(JSON.parse(String(data)));
  });
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'server') socket.send(update);
  });
  let closed = '';
  socket.on('close', (code, reason) => {
    closed = `${code} ${reason}`;
  });
  return {
    doc,
    text: () => doc.getText('code').toString(),
    messages,
    opened,
    closed: () => closed,
    close: () => socket.close(),
  };
}

describe.skipIf(!postgres || missing)('many nodes on one PostgreSQL', () => {
  it('loses and repeats nothing while a serve node and a worker are killed, shares budgets, relays pads', async () => {
    const smtp = await startSmtp({ delayMs: 5 });
    processes.cleanups.push(() => smtp.close());
    const shared = await processes.sharedDatabase('nodes');

    // The organisation, a board with its key, and an application at its technical round for the pad.
    const database = await shared.open();
    await migrateToLatest(database.db);
    const world = await buildWorld(database, new TestClock(new Date()));
    await addBoard(
      world,
      { token: `ft-${world.slug}`, name: 'Careers', employmentTypes: ['full_time'] },
      'many-nodes-key',
    );
    const padApplication = await world.atTechnicalRound();

    const [front, sandboxPort, ...servePorts] = await Promise.all([0, 1, 2, 3, 4].map(() => freePort()));
    const secret = randomUUID() + randomUUID();
    const base = `http://127.0.0.1:${front}`;
    const env: Record<string, string> = {
      ...shared.env,
      SMTP_URL: smtp.url,
      PUBLIC_URL: base,
      COOKIE_SECURE: 'false',
      TRUST_PROXY: '127.0.0.1',
      WORKER_INTERVAL_MS: '100',
      DELIVERY_LEASE_SECONDS: '2',
      SUBMISSIONS_PER_MINUTE_PER_IP: '100000',
      SUBMISSIONS_PER_MINUTE_PER_KEY: '1000000',
      LOGIN_ATTEMPTS_PER_MINUTE_PER_IP: '100000',
      SCHEDULING_REQUESTS_PER_MINUTE_PER_IP: String(SCHEDULING_BUDGET),
      SANDBOX_URL: `http://127.0.0.1:${sandboxPort}`,
      SANDBOX_SECRET: secret,
      DATABASE_POOL_SIZE: '5',
      SHUTDOWN_GRACE_SECONDS: '10',
    };
    const { DATABASE_URL: _, ...sandboxEnv } = env;
    const sandboxDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hl-sbx-'));
    processes.cleanups.push(() => fs.rmSync(sandboxDir, { recursive: true, force: true }));
    const sandbox = processes.start(
      {
        ...sandboxEnv,
        SANDBOX_URL: '',
        PORT: String(sandboxPort),
        DATA_DIR: sandboxDir,
      },
      ['sandbox'],
    );
    const serve = (i: number) =>
      processes.start(
        { ...env, PORT: String(servePorts[i]), NODE_NAME: `serve-${i + 1}`, LOG_LEVEL: 'warn' },
        ['serve'],
      );
    const worker = (i: number) => processes.start({ ...env, NODE_NAME: `worker-${i + 1}` }, ['worker']);
    const serves = [0, 1, 2].map(serve);
    const workers = [0, 1].map(worker);
    await waitForHealth(sandboxPort!, 60_000);
    for (const port of servePorts) await waitForHealth(port, 90_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hl-haproxy-'));
    processes.cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    fs.writeFileSync(path.join(dir, 'haproxy.cfg'), haproxyConfig(front!, servePorts));
    const haproxy = processes.spawnOther('/usr/sbin/haproxy', ['-db', '-f', path.join(dir, 'haproxy.cfg')]);
    await waitForHealth(front!, 20_000).catch((error) => {
      throw new Error(`${error.message}: ${haproxy.output()}`);
    });

    // The job the clients apply to, read through the board's public API.
    const jobs = (await (await fetch(`${base}/v1/boards/ft-${world.slug}/jobs`)).json()) as {
      jobs: { id: number }[];
    };
    const jobUrl = `${base}/v1/boards/ft-${world.slug}/jobs/${jobs.jobs[0]!.id}`;
    const authorization = `Basic ${Buffer.from('many-nodes-key:').toString('base64')}`;

    // 16 clients, each from an address of its own, for SECONDS: one application after another,
    // each retried with its Idempotency-Key until it is acknowledged.
    const acknowledged = new Map<string, string>();
    const attempted = new Set<string>();
    let failures = 0;
    let gaveUp = 0;
    const stopAt = Date.now() + SECONDS * 1000;
    const client = async (n: number) => {
      const pace = (SECONDS * 1000) / PER_CLIENT;
      for (let k = 0; Date.now() < stopAt && k < PER_CLIENT; k++) {
        const began = Date.now();
        const email = `c${n}-${k}@example.com`;
        const key = randomUUID();
        attempted.add(email);
        const body = JSON.stringify({
          first_name: 'Load',
          last_name: `Client ${n}`,
          email,
          resume_text: 'A résumé.',
          data_compliance: { gdpr_processing_consent_given: true },
        });
        let done = false;
        for (let attempt = 0; attempt < 40 && !done; attempt++) {
          try {
            const response = await fetch(jobUrl, {
              method: 'POST',
              headers: {
                authorization,
                'content-type': 'application/json',
                'idempotency-key': key,
                'x-forwarded-for': `10.1.0.${n + 1}`,
              },
              body,
              signal: AbortSignal.timeout(30_000),
            });
            if (response.status === 200) {
              acknowledged.set(email, ((await response.json()) as { application_id: string }).application_id);
              done = true;
            } else if (response.status < 500) {
              throw new Error(`refused with ${response.status}: ${await response.text()}`);
            } else {
              failures++;
              await response.body?.cancel();
            }
          } catch (error) {
            if ((error as Error).message.startsWith('refused')) throw error;
            failures++;
          }
          if (!done) await sleep(250);
        }
        if (!done) gaveUp++;
        await sleep(Math.max(0, pace - (Date.now() - began)));
      }
    };
    const chaos = async () => {
      await sleep((SECONDS * 1000) / 3);
      serves[0]!.child.kill('SIGKILL');
      workers[0]!.child.kill('SIGKILL');
      await Promise.all([serves[0]!.exited, workers[0]!.exited]);
      await sleep(3_000);
      serves[0] = serve(0);
      workers[0] = worker(0);
      await waitForHealth(servePorts[0]!, 90_000);
    };
    await Promise.all([...Array.from({ length: CLIENTS }, (_, n) => client(n)), chaos()]);

    // 0 acknowledged applications lost, 0 duplicated: one application per person, at most.
    const rows = await database.db
      .selectFrom('applications as a')
      .innerJoin('candidates as c', 'c.id', 'a.candidate_id')
      .select(['a.id', 'c.email'])
      .where('a.org_id', '=', world.orgId)
      .where('c.email', 'like', 'c%@example.com')
      .execute();
    const byEmail = new Map<string, string[]>();
    for (const row of rows) byEmail.set(row.email, [...(byEmail.get(row.email) ?? []), row.id]);
    const lost = [...acknowledged].filter(([email, id]) => !byEmail.get(email)?.includes(id));
    const duplicated = [...byEmail].filter(([, list]) => list.length > 1);
    expect(lost).toEqual([]);
    expect(duplicated).toEqual([]);
    expect(acknowledged.size).toBeGreaterThan(CLIENTS);

    // Every email the applications caused is delivered, each by its own Message-ID, once (a
    // repeat only for what the worker killed mid-wave had sent and not yet recorded, at most one
    // wave, with the same Message-ID: at-least-once).
    const emails = async () =>
      database.db
        .selectFrom('deliveries')
        .select(['id', 'status'])
        .where('channel', '=', 'email')
        .where('org_id', '=', world.orgId)
        .execute();
    await until(
      'every email to be delivered',
      async () => {
        const all = await emails();
        return all.length > 0 && all.every((d) => d.status !== 'pending');
      },
      // A safety net, not a measure: how many there are depends on how fast the clients went.
      360_000,
    );
    const deliveries = await emails();
    expect(deliveries.filter((d) => d.status !== 'delivered')).toEqual([]);
    const received = smtp.received.map((m) => m.mail.messageId);
    expect(new Set(received)).toEqual(new Set(deliveries.map((d) => `<${d.id}@hireloop>`)));
    const repeats = received.length - new Set(received).size;
    expect(repeats).toBeLessThanOrEqual(DELIVERY_LANES);

    // A budget per address holds across the nodes: requests from one address, spread over the
    // three nodes, are refused after SCHEDULING_BUDGET in all (in memory, each node would allow it).
    const statuses: number[] = [];
    for (let i = 0; i < SCHEDULING_BUDGET + 9; i++) {
      const port = servePorts[i % 3];
      const response = await fetch(`http://127.0.0.1:${port}/api/scheduling/${'x'.repeat(43)}`, {
        headers: { 'x-forwarded-for': '10.9.9.9' },
      });
      statuses.push(response.status);
      await response.body?.cancel();
    }
    expect(statuses.filter((s) => s === 429)).toHaveLength(9);
    expect(statuses.slice(0, SCHEDULING_BUDGET).every((s) => s !== 429)).toBe(true);

    // A pad with the interviewer on one node and the candidate on another: one document, and the
    // run (on the sandbox node) reaches both.
    const login = async (email: string) => {
      const response = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ org: world.slug, email, password: PASSWORD }),
      });
      expect(response.status).toBe(204);
      return (response.headers.get('set-cookie') ?? '').split(';')[0]!;
    };
    const recruiter = await login(world.staff.recruiter.email);
    const interviewer = await login(world.staff.interviewer.email);
    const booked = await fetch(`${base}/api/applications/${padApplication.id}/interviews`, {
      method: 'POST',
      headers: { cookie: recruiter, 'content-type': 'application/json' },
      body: JSON.stringify({
        roundKey: 'tech',
        startsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
        interviewerIds: [world.staff.interviewer.userId],
      }),
    });
    expect(booked.status, await booked.text()).toBe(201);
    const created = await fetch(`${base}/api/applications/${padApplication.id}/pads`, {
      method: 'POST',
      headers: { cookie: interviewer, 'content-type': 'application/json' },
      body: JSON.stringify({ problem: 'two-sum', language: 'javascript' }),
    });
    expect(created.status).toBe(201);
    const pad = (await created.json()) as { id: string; candidateUrl: string; text: string };
    const token = pad.candidateUrl.split('/candidate/pad/')[1]!;
    const onTwo = padClient(`http://127.0.0.1:${servePorts[1]}/api/pads/${pad.id}/live`, interviewer);
    const onThree = padClient(`http://127.0.0.1:${servePorts[2]}/api/pad-links/${token}/live`);
    await Promise.all([onTwo.opened, onThree.opened]);
    // Both have the document before typing: an edit made before would land wherever Yjs orders
    // concurrent inserts, which is right but not what the checks below look for.
    await until(
      'both to have the document',
      () => onThree.text() === pad.text && onTwo.text() === pad.text,
      20_000,
    );
    const at = onThree.text().indexOf('  // Your solution here');
    onThree.doc.getText('code').insert(at, '  // candidate was here\n');
    onTwo.doc.getText('code').insert(0, '// interviewer was here\n');
    const both = (text: string) =>
      text.startsWith('// interviewer was here\n') && text.includes('  // candidate was here\n');
    await until('both edits on both nodes', () => both(onTwo.text()) && both(onThree.text()), 20_000).catch(
      (error) => {
        const outputs = serves.map((node, i) => `serve ${i + 1}: ${node.output().slice(-1500)}`).join('\n');
        throw new Error(
          `${error.message}\ninterviewer on node 2 (${onTwo.closed()}): ${JSON.stringify(onTwo.text())}\n` +
            `candidate on node 3 (${onThree.closed()}): ${JSON.stringify(onThree.text())}\n${outputs}`,
        );
      },
    );
    expect(onTwo.text()).toBe(onThree.text());
    const run = await fetch(`http://127.0.0.1:${servePorts[0]}/api/pads/${pad.id}/run`, {
      method: 'POST',
      headers: { cookie: interviewer },
    });
    expect(run.status).toBe(200);
    expect(await run.json()).toMatchObject({ outcome: 'completed', total: 2 });
    await until('the run on both nodes', () => onTwo.messages.length + onThree.messages.length >= 2, 20_000);
    onTwo.close();
    onThree.close();

    console.log(
      `many-nodes: ${acknowledged.size} applications acknowledged of ${attempted.size} attempted in ${SECONDS} s ` +
        `(${failures} failed attempts retried, ${gaveUp} given up); ${deliveries.length} emails, ` +
        `${received.length} SMTP receipts (${repeats} repeated)`,
    );
    await database.close();
    for (const node of [...serves, ...workers, sandbox]) node.child.kill('SIGTERM');
    await Promise.all([...serves, ...workers, sandbox].map((node) => node.exited));
    haproxy.child.kill('SIGTERM');
  }, 600_000);
});
