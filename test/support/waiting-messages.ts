import { submitApplication } from '../../src/core/applications/submit-application.js';
import { messageCandidate } from '../../src/core/notifications/message-candidate.js';
import { type Database, migrateToLatest } from '../../src/db/database.js';
import { buildWorld, ok, TestClock } from './world.js';

/**
 * Before any server runs: a migrated shared database with an organisation and `count` candidates,
 * each with an application and a message to them waiting in the outbox. The database is closed
 * again, for the server processes to open.
 */
export async function messagesWaiting(shared: { open: () => Promise<Database> }, count: number) {
  const database = await shared.open();
  await migrateToLatest(database.db);
  const world = await buildWorld(database, new TestClock(new Date()));
  for (let i = 0; i < count; i++) {
    const application = ok(
      await submitApplication(world.deps, {
        actor: world.staff.recruiter,
        jobId: world.jobs.fullTimeA.id,
        candidate: world.candidate(),
        source: 'test',
      }),
    ).application;
    ok(
      await messageCandidate(world.deps, {
        actor: world.staff.recruiter,
        applicationId: application.id,
        subject: `Hello ${i}`,
        body: 'News.',
      }),
    );
  }
  await database.close();
}
