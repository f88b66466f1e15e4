import net from 'node:net';
import { afterAll, expect, it } from 'vitest';
import { freePort, serverProcesses, waitForHealth } from '../support/processes.js';

const processes = serverProcesses();
afterAll(() => processes.stopAll());

/** A TCP proxy in front of PostgreSQL that the test can cut and restore, as a network fault would. */
async function cuttableProxy(target: URL) {
  const port = await freePort();
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  const open = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => socket.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', resolve);
    });
  const cut = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server?.close(() => resolve());
    });
  await open();
  processes.cleanups.push(cut);
  return { port, open, cut };
}

const health = async (port: number) => (await fetch(`http://127.0.0.1:${port}/healthz`)).status;
const poll = async (port: number, status: number) => {
  for (let i = 0; i < 300; i++) {
    if ((await health(port)) === status) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
};

it.runIf(process.env.DATABASE_URL)(
  'PostgreSQL going away answers 503 database.unavailable, keeps the server up, and every acknowledged application survives',
  async () => {
    const shared = await processes.sharedDatabase('outage');
    const real = new URL(shared.env.DATABASE_URL!);
    const proxy = await cuttableProxy(real);
    const viaProxy = new URL(real);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    const port = await freePort();
    const server = processes.start({
      PORT: String(port),
      DATABASE_URL: viaProxy.toString(),
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
    });
    await waitForHealth(port, 90_000);
    const base = `http://127.0.0.1:${port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ org: 'tiktok', email: 'recruiter@tiktok.example', password: 'hireloop-demo' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const jobs = await (await fetch(`${base}/api/jobs?status=open`, { headers: { cookie } })).json();
    const jobId = jobs.items[0].id as string;
    const acknowledged: string[] = [];
    const apply = async (n: number) => {
      const response = await fetch(`${base}/api/applications`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({
          jobId,
          candidate: { email: `outage-${n}@example.com`, firstName: 'Out', lastName: `Age ${n}` },
        }),
      });
      const body = await response.json();
      if (response.status === 201) acknowledged.push(body.id);
      return { status: response.status, body };
    };

    for (let n = 0; n < 5; n++) expect((await apply(n)).status).toBe(201);
    // Cut while requests are in flight, as an outage would.
    const during = Promise.all([5, 6, 7, 8, 9].map(apply));
    await proxy.cut();
    await during;
    expect(await poll(port, 503)).toBe(true);
    const refused = await apply(10);
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe('database.unavailable');
    expect(server.child.exitCode).toBeNull();

    await proxy.open();
    expect(await poll(port, 200)).toBe(true);
    for (let n = 11; n < 14; n++) expect((await apply(n)).status).toBe(201);
    expect(server.child.exitCode).toBeNull();

    const database = await shared.open();
    const stored = await database.db
      .selectFrom('applications')
      .select('id')
      .where('id', 'in', acknowledged)
      .execute();
    await database.close();
    expect(stored.map((r) => r.id).sort()).toEqual([...acknowledged].sort());
    expect(acknowledged.length).toBeGreaterThanOrEqual(8);
  },
  180_000,
);
