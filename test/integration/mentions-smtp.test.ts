import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { saveInboxSettings } from '../../src/core/inbox/save-inbox-settings.js';
import { writeNote } from '../../src/core/notes/write-note.js';
import type { Database } from '../../src/db/database.js';
import { openTestDatabase } from '../support/db.js';
import { startSmtp } from '../support/smtp.js';
import { testWorker } from '../support/worker.js';
import { buildWorld, ok, TestClock, type World } from '../support/world.js';

let database: Database;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let world: World;
let worker: ReturnType<typeof testWorker>;

beforeAll(async () => {
  database = await openTestDatabase();
  smtp = await startSmtp();
});
afterAll(async () => {
  worker?.close();
  await smtp.close();
  await database.close();
});
beforeEach(async () => {
  world = await buildWorld(database, new TestClock());
  worker?.close();
  worker = testWorker(world, smtp.url);
  await worker.drain();
  smtp.received.length = 0;
});

const to = (address: string) =>
  smtp.received.filter((m) => m.envelopeTo.some((r) => r.toLowerCase() === address.toLowerCase()));

describe('mentions by email over SMTP', () => {
  it('the person mentioned gets one email with the note’s words and a link to the application', async () => {
    const application = await world.apply();
    const note = ok(
      await writeNote(world.deps, {
        actor: world.staff.recruiter,
        target: { applicationId: application.id },
        body: '@hiring_manager please check the **system design** answers',
        mentions: [world.staff.hiring_manager.userId],
      }),
    );
    await worker.drain();
    const [mail, ...more] = to(world.staff.hiring_manager.email);
    expect(more).toEqual([]);
    expect(mail?.mail.subject).toBe('recruiter mentioned you in a note');
    expect(mail?.mail.text).toContain('@hiring_manager please check the system design answers');
    expect(mail?.mail.text).toContain(
      `https://hireloop.test/app/applications/${application.id}#note-${note.id}`,
    );
    // No other staff member hears of it (the candidate's own confirmation aside).
    const toStaff = () =>
      smtp.received.filter((m) => m.envelopeTo.some((r) => r.endsWith(`@${world.slug}.example`)));
    expect(toStaff()).toHaveLength(1);
    // A replayed dispatch sends nothing more.
    await worker.drain();
    expect(toStaff()).toHaveLength(1);
  });

  it('someone who keeps mentions in the app only gets no email, and still finds it in the inbox', async () => {
    ok(await saveInboxSettings(world.deps, { actor: world.staff.hiring_manager, emailKinds: ['reply'] }));
    const application = await world.apply();
    ok(
      await writeNote(world.deps, {
        actor: world.staff.recruiter,
        target: { applicationId: application.id },
        body: 'FYI @hiring_manager @hr',
        mentions: [world.staff.hiring_manager.userId, world.staff.hr.userId],
      }),
    );
    await worker.drain();
    expect(to(world.staff.hiring_manager.email)).toEqual([]);
    expect(to(world.staff.hr.email)).toHaveLength(1);
    const inbox = await world.db
      .selectFrom('staff_notifications')
      .select('user_id')
      .where('org_id', '=', world.orgId)
      .orderBy('user_id')
      .execute();
    expect(inbox.map((r) => r.user_id).sort()).toEqual(
      [world.staff.hiring_manager.userId, world.staff.hr.userId].sort(),
    );
  });
});
