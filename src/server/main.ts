#!/usr/bin/env node
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { accountsRepository } from '../db/accounts/accounts.repository.js';
import { DataDirLockedError, migrateToLatest, openDatabase } from '../db/database.js';
import { migrationProvider } from '../db/migrations.js';
import { postgresPadRelay } from '../db/pad-relay.js';
import { DEMO_ORG, seedDemo } from '../db/seed-demo.js';
import { createDeps } from '../db/store.js';
import { buildApp, randomIds, systemClock } from './app.js';
import { hashPassword } from './auth.js';
import { resumeReaders } from './boards/resume-readers.js';
import { type Config, loadConfig } from './config.js';
import { startInboundSmtp } from './inbound-smtp.js';
import { startWorker, type WorkerLog, workerLog } from './jobs/worker.js';
import { messageRenderer } from './messages.js';
import { loadPracticeSet } from './practice-set.js';
import { grader, loadProblemSet } from './problems.js';
import { remotePools } from './sandbox/pools.js';
import { sandboxService } from './sandbox/service.js';
import { loadCatalog } from './templates.js';
import { createTransport } from './transport.js';

/** Where `npm run build` (scripts/build.mjs) leaves its PGlite databases: empty, and with the demo. */
const built = fileURLToPath(new URL('../../dist/', import.meta.url));
/** The demo's dates are relative to its seeding; its upcoming interviews are a day or more ahead. */
const DEMO_SNAPSHOT_HOURS = 6;
const SEEDED = 'Seeded the demo organisation "tiktok" (sign in as recruiter@tiktok.example / hireloop-demo)';

type BuiltDatabase = { dir?: unknown; migrations?: unknown; publicUrl?: unknown; seededAt?: unknown };

function readBuilt(stamp: string): BuiltDatabase | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(built, stamp), 'utf8'));
  } catch {
    return null;
  }
}

/** The copy lands by one rename: a process starting at the same moment finds no database or a whole one. */
function copiedInto(target: string, from: string): boolean {
  const partial = `${target}.${process.pid}.partial`;
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.cpSync(from, partial, { recursive: true });
    fs.renameSync(partial, target);
    return true;
  } catch {
    fs.rmSync(partial, { recursive: true, force: true });
    return false;
  }
}

/**
 * A first start on PGlite copies a database the build made rather than creating one (PostgreSQL's
 * initdb takes seconds in WebAssembly, a copy a fraction of one): the demo already seeded, when
 * the demo is wanted, was seeded less than DEMO_SNAPSHOT_HOURS ago and for this public URL (its
 * emails' links); else the empty one. Either is used only when it holds exactly the migrations
 * this code knows; a build never changes one in place (each has a directory of its own), and a
 * copy that fails leaves nothing, so the database is then created and seeded as before.
 */
async function copyBuiltDatabase(config: Config): Promise<{ seededAt: string } | 'empty' | null> {
  const target = path.join(config.DATA_DIR, 'pglite');
  if (fs.existsSync(target)) return null;
  const known = JSON.stringify(Object.keys(await migrationProvider.getMigrations()));
  const usable = (made: BuiltDatabase | null): made is BuiltDatabase & { dir: string } =>
    typeof made?.dir === 'string' && JSON.stringify(made.migrations) === known;
  const demo = config.SEED_DEMO ? readBuilt('pglite-demo.json') : null;
  const age = Date.now() - Date.parse(String(demo?.seededAt));
  if (
    usable(demo) &&
    demo.publicUrl === config.PUBLIC_URL &&
    age >= 0 &&
    age < DEMO_SNAPSHOT_HOURS * 3_600_000 &&
    copiedInto(target, path.join(built, demo.dir))
  )
    return { seededAt: String(demo.seededAt) };
  const empty = readBuilt('pglite-template.json');
  return usable(empty) && copiedInto(target, path.join(built, empty.dir)) ? 'empty' : null;
}

/** Milliseconds each step of the start took; `modules` is from the process's start to main(). */
function stopwatch() {
  let last = performance.now();
  const steps: Record<string, number> = { modules: Math.round(last) };
  return {
    steps,
    lap(step: string) {
      const now = performance.now();
      steps[step] = Math.round(now - last);
      last = now;
    },
  };
}

/** What a process does: `all` (the default, `npm start`) is the three roles in one process. */
const roles = ['all', 'serve', 'worker', 'sandbox'] as const;
type Role = (typeof roles)[number];

const USAGE = `Usage: hireloop [serve|worker|sandbox]
  (none)   HTTP, background jobs and code runners in one process (PGlite or PostgreSQL)
  serve    HTTP only; several serve nodes share one PostgreSQL (DATABASE_URL)
  worker   background jobs only: outbox, deliveries, reminders, calendar sync, grading at deadlines
  sandbox  runners for candidates' code, for serve and worker nodes (SANDBOX_URL, SANDBOX_SECRET);
           holds no database credentials`;

function roleOf(arg: string | undefined): Role {
  if (arg === undefined) return 'all';
  if ((roles as readonly string[]).includes(arg)) return arg as Role;
  if (arg !== '--help' && arg !== 'help') console.error(`Unknown role "${arg}".`);
  console.log(USAGE);
  process.exit(arg === '--help' || arg === 'help' ? 0 : 2);
}

/**
 * Stops on SIGTERM or SIGINT: `steps` in order (stop taking work, finish what is in flight, close),
 * and exits; a stop that takes longer than SHUTDOWN_GRACE_SECONDS exits anyway.
 */
function onStop(config: Config, steps: () => Promise<void>) {
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => {
      console.error(`Stopping took longer than ${config.SHUTDOWN_GRACE_SECONDS} s; exiting anyway.`);
      process.exit(1);
    }, config.SHUTDOWN_GRACE_SECONDS * 1000).unref();
    try {
      await steps();
      process.exit(0);
    } catch (error) {
      console.error(`Stopping failed: ${(error as Error).message}`);
      process.exit(1);
    }
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** The sandbox role: runners behind the signed protocol, with nothing of the database's. */
async function sandboxNode(config: Config) {
  if (config.DATABASE_URL || config.DATABASE_READ_URL || config.DATABASE_DIRECT_URL)
    throw new Error(
      'A sandbox node runs candidates’ code and must not hold database credentials: unset DATABASE_URL (and DATABASE_READ_URL, DATABASE_DIRECT_URL) for it.',
    );
  if (!config.SANDBOX_SECRET)
    throw new Error(
      'A sandbox node needs SANDBOX_SECRET (at least 32 characters), shared with the serve and worker nodes.',
    );
  const service = sandboxService({
    secret: config.SANDBOX_SECRET,
    runners: config.SANDBOX_RUNNERS,
    snapshotDir: path.join(config.DATA_DIR, 'sandbox'),
    datasetFile: loadProblemSet().datasetFile,
    practice: {
      datasetFile: loadPracticeSet().problems.datasetFile,
      snapshotDir: path.join(config.DATA_DIR, 'sandbox-practice'),
    },
  });
  const port = await service.listen(config.PORT, config.HOST);
  onStop(config, () => service.close());
  console.log(`Hireloop sandbox node: http://${config.HOST}:${port} (signed runs only)`);
}

async function main() {
  const role = roleOf(process.argv[2]);
  const started = stopwatch();
  const config = loadConfig();
  if (role === 'sandbox') return sandboxNode(config);
  if (role !== 'all' && !config.DATABASE_URL)
    throw new Error(
      `"hireloop ${role}" shares a PostgreSQL database with other nodes: set DATABASE_URL. On PGlite (one process) run all roles together: npm start.`,
    );
  const node = config.NODE_NAME ?? `${os.hostname()}:${process.pid}`;
  const catalog = loadCatalog();
  const copied = config.DATABASE_URL ? null : await copyBuiltDatabase(config);
  const onConnectionError = (error: Error) =>
    console.warn(`A database connection was lost: ${error.message}`);
  const database = await openDatabase(
    config.DATABASE_URL
      ? { databaseUrl: config.DATABASE_URL, onConnectionError, poolSize: config.DATABASE_POOL_SIZE }
      : { dataDir: config.DATA_DIR, sharedBuffersMb: config.PGLITE_SHARED_BUFFERS_MB },
  );
  started.lap('database');
  await migrateToLatest(database.db);
  started.lap('migrations');
  // Only a first start seeds: a restart asks once whether the demo is there and skips the seed's
  // password hashing and its lock (the seed still checks, under its lock, for concurrent boots).
  if (role !== 'worker' && config.SEED_DEMO && !(await accountsRepository(database.db).orgBySlug(DEMO_ORG))) {
    const seeded = await seedDemo(database.db, {
      now: systemClock.now(),
      ids: randomIds,
      catalog,
      hashPassword,
      publicUrl: config.PUBLIC_URL,
    });
    if (seeded) console.log(`${SEEDED}.`);
    started.lap('demo');
  }
  if (copied && copied !== 'empty')
    console.log(`${SEEDED}, copied from the one npm run build seeded at ${copied.seededAt}.`);
  // One set of sandboxes serves the app and the worker's grading at the deadline: a sandbox node's
  // when SANDBOX_URL is set, else runners in this process.
  const grading = grader(loadProblemSet(), {
    threads: config.SANDBOX_RUNNERS,
    snapshotDir: path.join(config.DATA_DIR, 'sandbox'),
    ...(config.SANDBOX_URL && config.SANDBOX_SECRET
      ? { pools: remotePools({ url: config.SANDBOX_URL, secret: config.SANDBOX_SECRET }) }
      : {}),
  });
  const transport = createTransport({
    smtpUrl: config.SMTP_URL,
    from: config.MAIL_FROM,
    allowPrivateNetwork: config.ALLOW_PRIVATE_NETWORK_URLS,
  });
  const workerOptions = (log: WorkerLog) => ({
    db: database.db,
    deps: createDeps(database.db, systemClock, randomIds, catalog),
    renderer: messageRenderer,
    transport,
    publicUrl: config.PUBLIC_URL,
    videoRoomBaseUrl: config.VIDEO_ROOM_BASE_URL,
    replyDomain: config.INBOUND_DOMAIN,
    allowPrivateNetwork: config.ALLOW_PRIVATE_NETWORK_URLS,
    leaseMs: config.DELIVERY_LEASE_SECONDS * 1000,
    grader: grading,
    log,
    holder: node,
  });

  if (role === 'worker') {
    const log = workerLog(config);
    const stopWorker = startWorker(workerOptions(log), config.WORKER_INTERVAL_MS);
    onStop(config, async () => {
      // The pass going finishes (its claimed deliveries sent and recorded) before the pool closes.
      await stopWorker();
      transport.close();
      await grading.close();
      await database.close();
    });
    console.log(`Hireloop worker ${node} on PostgreSQL: every ${config.WORKER_INTERVAL_MS} ms`);
    return;
  }

  const readDatabase = config.DATABASE_READ_URL
    ? await openDatabase({ databaseUrl: config.DATABASE_READ_URL, onConnectionError })
    : undefined;
  const padRelay =
    database.kind === 'postgres' && config.DATABASE_URL
      ? postgresPadRelay({
          db: database.db,
          directUrl: config.DATABASE_DIRECT_URL ?? config.DATABASE_URL,
          node,
          onError: (error) => console.warn(`The pads' relay lost its connection: ${error.message}`),
        })
      : undefined;
  let accepting = true;
  const app = await buildApp({
    database,
    config,
    catalog,
    grading,
    readDatabase,
    padRelay,
    accepting: () => accepting,
  });
  started.lap('app');
  let stopWorker: () => Promise<void> = async () => {};
  let stopInbound = async () => {};
  onStop(config, async () => {
    // Readiness fails first, so the load balancer stops sending; then requests in flight finish
    // (app.close waits for them), then the worker's pass, then the connections close.
    accepting = false;
    await app.close();
    await stopInbound();
    await stopWorker();
    transport.close();
    await readDatabase?.close();
    await database.close();
  });
  await app.listen({ port: config.PORT, host: config.HOST });
  started.lap('listen');
  if (config.INBOUND_SMTP_PORT !== undefined && config.INBOUND_DOMAIN) {
    // Files that come with replies are read by readers of their own, apart from the API's.
    const readers = resumeReaders();
    const inbound = await startInboundSmtp({
      deps: createDeps(database.db, systemClock, randomIds, catalog),
      readers,
      domain: config.INBOUND_DOMAIN,
      host: config.INBOUND_SMTP_HOST,
      port: config.INBOUND_SMTP_PORT,
      maxBytes: config.INBOUND_MAX_BYTES,
      log: app.log,
    });
    stopInbound = async () => {
      await inbound.close();
      await readers.close();
    };
    console.log(
      `Replies by email: SMTP on ${config.INBOUND_SMTP_HOST}:${inbound.port} for @${config.INBOUND_DOMAIN}`,
    );
  }
  app.log.info({ startupMs: started.steps, role, node }, 'started');
  if (role === 'all') {
    // The worker's first pass waits one interval after the server listens. On PGlite a pass runs on
    // this thread, its queries answered through promises alone, so no request is served while it
    // runs (0.6–0.8 s with the demo's first backlog): at boot it would hold the first page back.
    const firstPass = setTimeout(() => {
      stopWorker = startWorker(workerOptions(app.log), config.WORKER_INTERVAL_MS);
    }, config.WORKER_INTERVAL_MS);
    stopWorker = async () => clearTimeout(firstPass);
  }
  const where = database.kind === 'pglite' ? `PGlite (${config.DATA_DIR})` : 'PostgreSQL';
  const seconds = (performance.now() / 1000).toFixed(1);
  const what = role === 'serve' ? 'Hireloop (serve)' : 'Hireloop';
  console.log(
    `${what} on ${where}: http://${config.HOST}:${config.PORT} — API docs at /docs (started in ${seconds} s)`,
  );
}

main().catch((error) => {
  console.error(error instanceof DataDirLockedError || error instanceof Error ? error.message : error);
  process.exit(1);
});
