import path from 'node:path';
import { DataDirLockedError, migrateToLatest, openDatabase } from '../db/database.js';
import { seedDemo } from '../db/seed-demo.js';
import { createDeps } from '../db/store.js';
import { buildApp, randomIds, systemClock } from './app.js';
import { hashPassword } from './auth.js';
import { loadConfig } from './config.js';
import { startWorker } from './jobs/worker.js';
import { messageRenderer } from './messages.js';
import { grader, loadProblemSet } from './problems.js';
import { loadCatalog } from './templates.js';
import { createTransport } from './transport.js';

async function main() {
  const config = loadConfig();
  const catalog = loadCatalog();
  const database = await openDatabase(
    config.DATABASE_URL
      ? {
          databaseUrl: config.DATABASE_URL,
          onConnectionError: (error) => console.warn(`A database connection was lost: ${error.message}`),
        }
      : { dataDir: config.DATA_DIR },
  );
  await migrateToLatest(database.db);
  if (config.SEED_DEMO) {
    const seeded = await seedDemo(database.db, {
      now: systemClock.now(),
      ids: randomIds,
      catalog,
      hashPassword,
      publicUrl: config.PUBLIC_URL,
    });
    if (seeded)
      console.log(
        'Seeded the demo organisation "tiktok" (sign in as recruiter@tiktok.example / hireloop-demo).',
      );
  }
  // One set of sandboxes serves the app and the worker's grading at the deadline.
  const grading = grader(loadProblemSet(), {
    threads: config.SANDBOX_RUNNERS,
    snapshotDir: path.join(config.DATA_DIR, 'sandbox'),
  });
  const app = await buildApp({ database, config, catalog, grading });
  const transport = createTransport({
    smtpUrl: config.SMTP_URL,
    from: config.MAIL_FROM,
    allowPrivateNetwork: config.ALLOW_PRIVATE_NETWORK_URLS,
  });
  const stopWorker = startWorker(
    {
      db: database.db,
      deps: createDeps(database.db, systemClock, randomIds, catalog),
      renderer: messageRenderer,
      transport,
      publicUrl: config.PUBLIC_URL,
      videoRoomBaseUrl: config.VIDEO_ROOM_BASE_URL,
      allowPrivateNetwork: config.ALLOW_PRIVATE_NETWORK_URLS,
      leaseMs: config.DELIVERY_LEASE_SECONDS * 1000,
      grader: grading,
      log: app.log,
    },
    config.WORKER_INTERVAL_MS,
  );
  const stop = async () => {
    stopWorker();
    transport.close();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await app.listen({ port: config.PORT, host: config.HOST });
  const where = database.kind === 'pglite' ? `PGlite (${config.DATA_DIR})` : 'PostgreSQL';
  console.log(`Hireloop on ${where}: http://${config.HOST}:${config.PORT} — API docs at /docs`);
}

main().catch((error) => {
  console.error(error instanceof DataDirLockedError || error instanceof Error ? error.message : error);
  process.exit(1);
});
