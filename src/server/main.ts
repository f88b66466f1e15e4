import { DataDirLockedError, migrateToLatest, openDatabase } from '../db/database.js';
import { seedDemo } from '../db/seed-demo.js';
import { createDeps } from '../db/store.js';
import { buildApp, randomIds, systemClock } from './app.js';
import { hashPassword } from './auth.js';
import { loadConfig } from './config.js';
import { startFeedbackReminders } from './jobs/feedback-reminders.js';
import { loadCatalog } from './templates.js';

async function main() {
  const config = loadConfig();
  const catalog = loadCatalog();
  const database = await openDatabase(
    config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : { dataDir: config.DATA_DIR },
  );
  await migrateToLatest(database.db);
  if (config.SEED_DEMO) {
    const seeded = await seedDemo(database.db, {
      now: systemClock.now(),
      ids: randomIds,
      catalog,
      hashPassword,
    });
    if (seeded)
      console.log(
        'Seeded the demo organisation "tiktok" (sign in as recruiter@tiktok.example / hireloop-demo).',
      );
  }
  const app = await buildApp({ database, config, catalog });
  const stopReminders = startFeedbackReminders(
    createDeps(database.db, systemClock, randomIds, catalog),
    app.log,
  );
  const stop = async () => {
    stopReminders();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await app.listen({ port: config.PORT, host: config.HOST });
  console.log(
    `Hireloop on ${database.kind === 'pglite' ? `PGlite (${config.DATA_DIR})` : 'PostgreSQL'}: http://${config.HOST}:${config.PORT} — API docs at /docs`,
  );
}

main().catch((error) => {
  console.error(error instanceof DataDirLockedError || error instanceof Error ? error.message : error);
  process.exit(1);
});
