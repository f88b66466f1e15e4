import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitApplication } from '../../src/core/applications/submit-application.js';
import type { Database } from '../../src/db/database.js';
import { type ResumeReaders, resumeReaders } from '../../src/server/boards/resume-readers.js';
import type { App } from '../../src/server/context.js';
import { startInboundSmtp } from '../../src/server/inbound-smtp.js';
import { openTestDatabase } from '../support/db.js';
import { pdfWith } from '../support/files.js';
import { buildTestApp, candidateLogin, loginAs } from '../support/http.js';
import { startSmtp } from '../support/smtp.js';
import { testWorker } from '../support/worker.js';
import { buildWorld, ok, TestClock, type World } from '../support/world.js';

const DOMAIN = 'replies.hireloop.test';
const MAX_BYTES = 400_000;

let database: Database;
let clock: TestClock;
let world: World;
let app: App;
let outgoing: Awaited<ReturnType<typeof startSmtp>>;
let inbound: Awaited<ReturnType<typeof startInboundSmtp>>;
let readers: ResumeReaders;
let worker: ReturnType<typeof testWorker>;
let recruiter: string;

beforeAll(async () => {
  database = await openTestDatabase();
  clock = new TestClock();
  world = await buildWorld(database, clock);
  app = await buildTestApp(database, clock);
  outgoing = await startSmtp();
  readers = resumeReaders();
  inbound = await startInboundSmtp({
    deps: world.deps,
    readers,
    domain: DOMAIN,
    host: '127.0.0.1',
    port: 0,
    maxBytes: MAX_BYTES,
  });
  worker = testWorker(world, outgoing.url, { replyDomain: DOMAIN });
  recruiter = await loginAs(app, world.slug, world.staff.recruiter.email);
}, 60_000);
afterAll(async () => {
  worker.close();
  await inbound.close();
  await readers.close();
  await outgoing.close();
  await app.close();
  await database.close();
});

/** A real SMTP client, as a candidate's mail provider would deliver a reply. */
const client = () =>
  nodemailer.createTransport({ host: '127.0.0.1', port: inbound.port, secure: false, ignoreTLS: true });

async function candidateWithApplication() {
  const person = world.candidate();
  const application = ok(
    await submitApplication(world.deps, {
      actor: world.staff.recruiter,
      jobId: world.jobs.fullTimeA.id,
      candidate: person,
      source: 'referral:Dana Lee',
    }),
  ).application;
  await worker.drain();
  return { person, application };
}

async function write(candidateId: string, applicationId: string, extra: Record<string, unknown> = {}) {
  const response = await app.inject({
    method: 'POST',
    url: `/api/candidates/${candidateId}/messages`,
    headers: { cookie: recruiter },
    payload: {
      applicationId,
      subject: 'Next steps for {{jobTitle}}',
      body: 'Hi {{recipientName}}, could you tell us when you are free?',
      ...extra,
    },
  });
  expect(response.statusCode, response.body).toBe(202);
  return response.json() as { messageId: string; sendAt: string; body: string };
}

const sentTo = (m: { envelopeTo: string[] }, email: string) =>
  m.envelopeTo.some((r) => r.toLowerCase() === email.toLowerCase());

/** The reply address the candidate's copy of the message carries. */
function replyAddressTo(email: string) {
  const mail = outgoing.received.filter((m) => sentTo(m, email)).at(-1);
  const address = mail?.mail.replyTo?.value[0]?.address;
  if (!address)
    throw new Error(
      `no message with a reply address reached ${email}: ${JSON.stringify(outgoing.received.map((m) => [m.envelopeTo, m.mail.subject, m.mail.replyTo?.text]))}`,
    );
  return address;
}

const profile = async (candidateId: string) => {
  const response = await app.inject({
    method: 'GET',
    url: `/api/candidates/${candidateId}/profile`,
    headers: { cookie: recruiter },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

const refusalOf = (error: unknown) => (error as { responseCode?: number }).responseCode;

describe('a reply by email', () => {
  it('R-FB-5: reaches the profile and the portal, threaded, and starts the update clock again', async () => {
    const { person, application } = await candidateWithApplication();
    const written = await write(application.candidateId, application.id);
    expect(written.body).toBe(
      `Hi ${person.firstName} ${person.lastName}, could you tell us when you are free?`,
    );
    await worker.drain();
    const address = replyAddressTo(person.email);
    expect(address).toMatch(new RegExp(`^reply\\+[A-Za-z0-9_-]{43}@${DOMAIN.replaceAll('.', '\\.')}$`));
    const before = await world.db
      .selectFrom('applications')
      .select(['next_update_at', 'last_candidate_message_at'])
      .where('id', '=', application.id)
      .executeTakeFirstOrThrow();

    clock.advanceDays(2);
    await client().sendMail({
      from: person.email,
      to: address,
      subject: 'Re: Next steps',
      text: `Tuesday afternoon works for me.\n\nOn Mon, 2 Mar 2026 at 09:00, Hireloop <${address}> wrote:\n> Hi, could you tell us when you are free?\n`,
      attachments: [{ filename: 'availability.pdf', content: await pdfWith('Free on Tuesday') }],
    });

    const seen = await profile(application.candidateId);
    const reply = seen.messages.find((m: { direction: string }) => m.direction === 'inbound');
    expect(reply).toMatchObject({
      applicationId: application.id,
      channel: 'email',
      body: 'Tuesday afternoon works for me.',
      status: 'received',
    });
    expect(reply.fromAddress.toLowerCase()).toBe(person.email.toLowerCase());
    expect(reply.quoted).toContain('> Hi, could you tell us when you are free?');
    // The quote repeats the reply address; the page shows it without its secret.
    expect(reply.quoted).toContain(`reply+…@${DOMAIN}`);
    expect(JSON.stringify(seen)).not.toContain(address.split('@')[0]!.slice(6));
    expect(reply.attachments).toEqual([
      expect.objectContaining({ filename: 'availability.pdf', refused: null, textUnread: null }),
    ]);
    expect(seen.feed.map((f: { action: string }) => f.action)).toEqual(
      expect.arrayContaining(['application.submitted', 'message.sent', 'message.received']),
    );
    expect(seen.applications[0].source).toEqual({ kind: 'referral', name: 'Dana Lee' });

    const file = await app.inject({
      method: 'GET',
      url: `/api/message-attachments/${reply.attachments[0].id}`,
      headers: { cookie: recruiter },
    });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const portal = await app.inject({
      method: 'GET',
      url: '/api/me/messages',
      headers: { cookie: await candidateLogin(app, database, world.slug, person.email) },
    });
    const [thread] = portal.json().items;
    expect(thread.applicationId).toBe(application.id);
    expect(thread.messages.map((m: { direction: string; body: string }) => [m.direction, m.body])).toEqual([
      ['outbound', written.body],
      ['inbound', 'Tuesday afternoon works for me.'],
    ]);

    const exported = await app.inject({
      method: 'GET',
      url: '/api/me/export',
      headers: { cookie: await candidateLogin(app, database, world.slug, person.email) },
    });
    expect(exported.json().conversations[0].messages.map((m: { body: string }) => m.body)).toEqual([
      written.body,
      'Tuesday afternoon works for me.',
    ]);

    const after = await world.db
      .selectFrom('applications')
      .select(['next_update_at', 'last_candidate_message_at'])
      .where('id', '=', application.id)
      .executeTakeFirstOrThrow();
    expect(after.last_candidate_message_at).toEqual(clock.now());
    expect(after.next_update_at!.getTime()).toBeGreaterThan(before.next_update_at!.getTime());
  });

  it('asks the recruiters to answer within a business day: told at once, reminded when due, then escalated', async () => {
    const { person, application } = await candidateWithApplication();
    await write(application.candidateId, application.id);
    await worker.drain();
    // Wednesday 2026-03-04 09:00 UTC (01:00 in Los Angeles, team A's zone): due end of Thursday there.
    await client().sendMail({
      from: person.email,
      to: replyAddressTo(person.email),
      subject: 'Re',
      text: 'Any news?',
    });
    const thread = await world.db
      .selectFrom('message_threads')
      .select('answer_due_at')
      .where('application_id', '=', application.id)
      .executeTakeFirstOrThrow();
    const recruiterMail = () => outgoing.received.filter((m) => sentTo(m, world.staff.recruiter.email));
    const hmMail = () =>
      outgoing.received.filter(
        (m) =>
          sentTo(m, world.staff.hiring_manager.email) &&
          m.mail.subject?.includes(`${person.firstName} ${person.lastName} `),
      );
    const name = `${person.firstName} ${person.lastName}`;
    const subjects = () =>
      recruiterMail()
        .map((m) => m.mail.subject ?? '')
        .filter((s) => s.includes(`${name} `));
    await worker.drain(true);
    expect(subjects().filter((s) => s.includes('replied about'))).toHaveLength(1);
    expect(recruiterMail().at(-1)?.mail.text).toContain('Any news?');
    expect(recruiterMail().at(-1)?.mail.text).toContain(`/app/candidates/${application.candidateId}`);

    clock.advanceMs(thread.answer_due_at!.getTime() - clock.now().getTime() + 1000);
    await worker.drain(true);
    await worker.drain(true);
    expect(subjects().filter((s) => s.startsWith('Reminder:'))).toHaveLength(1);
    const hmBefore = hmMail().length;
    clock.advanceDays(1);
    await worker.drain(true);
    expect(subjects().filter((s) => s.startsWith('Escalation:') && s.includes('answer'))).toHaveLength(1);
    expect(hmMail().length).toBe(hmBefore + 1);

    // Answering clears what is owed.
    await write(application.candidateId, application.id);
    const answered = await world.db
      .selectFrom('message_threads')
      .select('answer_due_at')
      .where('application_id', '=', application.id)
      .executeTakeFirstOrThrow();
    expect(answered.answer_due_at).toBeNull();
  });
});

describe('hostile inbound mail', () => {
  it('no token, a forged token or another domain: refused at RCPT, nothing stored', async () => {
    const before = await world.db.selectFrom('thread_messages').select('id').execute();
    for (const to of [
      `someone@${DOMAIN}`,
      `reply+${'A'.repeat(43)}@${DOMAIN}`,
      `reply+short@${DOMAIN}`,
      `reply+${'B'.repeat(43)}@elsewhere.test`,
    ]) {
      const error = await client()
        .sendMail({ from: 'x@example.com', to, subject: 'hi', text: 'hello' })
        .catch((e: unknown) => e);
      expect(refusalOf(error), to).toBe(550);
    }
    expect(await world.db.selectFrom('thread_messages').select('id').execute()).toHaveLength(before.length);
  });

  it('a message over the size limit is refused and leaves nothing', async () => {
    const { person, application } = await candidateWithApplication();
    await write(application.candidateId, application.id);
    await worker.drain();
    const error = await client()
      .sendMail({
        from: person.email,
        to: replyAddressTo(person.email),
        subject: 'big',
        text: 'x'.repeat(MAX_BYTES + 10_000),
      })
      .catch((e: unknown) => e);
    expect(refusalOf(error)).toBe(552);
    const seen = await profile(application.candidateId);
    expect(seen.messages.filter((m: { direction: string }) => m.direction === 'inbound')).toEqual([]);
  });

  it('HTML with script becomes plain text; a program sent as a file is kept by name only', async () => {
    const { person, application } = await candidateWithApplication();
    await write(application.candidateId, application.id);
    await worker.drain();
    await client().sendMail({
      from: person.email,
      to: replyAddressTo(person.email),
      subject: 'Re <b>hi</b>',
      html: '<p>Hello <b>team</b></p><script>alert(1)</script><img src="x" onerror="alert(2)"><a href="javascript:alert(3)">me</a>',
      attachments: [{ filename: 'cv.exe', content: Buffer.from('MZ\u0090\u0000\u0003binary') }],
    });
    const seen = await profile(application.candidateId);
    const reply = seen.messages.find((m: { direction: string }) => m.direction === 'inbound');
    expect(reply.body).toContain('Hello');
    expect(reply.body).toContain('team');
    for (const hostile of ['<script', '<img', 'onerror', 'javascript:', '<p>', 'alert(1)'])
      expect(reply.body, hostile).not.toContain(hostile);
    expect(reply.attachments[0]).toMatchObject({
      filename: 'cv.exe',
      refused: 'not a PDF, DOCX or text file',
    });
    const file = await app.inject({
      method: 'GET',
      url: `/api/message-attachments/${reply.attachments[0].id}`,
      headers: { cookie: recruiter },
    });
    expect(file.statusCode).toBe(404);
  });

  it('a reply address stops answering once it expires (180 days)', async () => {
    const { person, application } = await candidateWithApplication();
    await write(application.candidateId, application.id);
    await worker.drain();
    const address = replyAddressTo(person.email);
    clock.advanceDays(181);
    const error = await client()
      .sendMail({ from: person.email, to: address, subject: 'late', text: 'Still interested' })
      .catch((e: unknown) => e);
    expect(refusalOf(error)).toBe(550);
    expect((error as Error).message).toContain('expired');
    // Staff sessions end after 30 idle days: sign in again for the tests that follow.
    recruiter = await loginAs(app, world.slug, world.staff.recruiter.email);
  });
});

describe('scheduled send', () => {
  it('waits in the outbox, is invisible to the candidate until its time, then goes exactly once', async () => {
    const { person, application } = await candidateWithApplication();
    const sendAt = new Date(clock.now().getTime() + 2 * 3_600_000);
    const written = await write(application.candidateId, application.id, {
      subject: 'Later',
      sendAt: sendAt.toISOString(),
    });
    expect(written.sendAt).toBe(sendAt.toISOString());
    const toCandidate = () =>
      outgoing.received.filter((m) => sentTo(m, person.email) && m.mail.subject === 'Later');
    await worker.drain(true);
    expect(toCandidate()).toHaveLength(0);
    expect((await profile(application.candidateId)).messages[0].status).toBe('scheduled');
    const cookie = await candidateLogin(app, database, world.slug, person.email);
    const early = await app.inject({ method: 'GET', url: '/api/me/messages', headers: { cookie } });
    expect(early.json().items[0].messages).toEqual([]);

    clock.advanceMs(2 * 3_600_000 - 1000);
    await worker.drain(true);
    expect(toCandidate()).toHaveLength(0);
    clock.advanceMs(1000);
    await worker.drain(true);
    await worker.drain(true);
    expect(toCandidate()).toHaveLength(1);
    expect((await profile(application.candidateId)).messages[0].status).toBe('sent');
    const late = await app.inject({ method: 'GET', url: '/api/me/messages', headers: { cookie } });
    expect(late.json().items[0].messages).toHaveLength(1);
  });

  it('nothing is lost when the mail server is away at its time: retried, then sent once', async () => {
    const { person, application } = await candidateWithApplication();
    const sendAt = new Date(clock.now().getTime() + 3_600_000);
    await write(application.candidateId, application.id, {
      subject: 'Retried',
      sendAt: sendAt.toISOString(),
    });
    clock.advanceMs(3_600_000);
    // Nothing listens on port 9 of this machine: the attempt fails and is rescheduled.
    const away = testWorker(world, 'smtp://127.0.0.1:9', { replyDomain: DOMAIN });
    await away.drain();
    away.close();
    const toCandidate = () =>
      outgoing.received.filter((m) => sentTo(m, person.email) && m.mail.subject === 'Retried');
    expect(toCandidate()).toHaveLength(0);
    expect((await profile(application.candidateId)).messages[0].status).toBe('sending');
    clock.advanceMs(60_000);
    await worker.drain();
    await worker.drain();
    expect(toCandidate()).toHaveLength(1);
    expect((await profile(application.candidateId)).messages[0].status).toBe('sent');
  });

  it('more than 90 days ahead is refused with a reason', async () => {
    const { application } = await candidateWithApplication();
    const response = await app.inject({
      method: 'POST',
      url: `/api/candidates/${application.candidateId}/messages`,
      headers: { cookie: recruiter },
      payload: {
        applicationId: application.id,
        subject: 'x',
        body: 'y',
        sendAt: new Date(clock.now().getTime() + 91 * 86_400_000).toISOString(),
      },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error).toMatchObject({
      code: 'message.send_time_invalid',
      details: { field: 'sendAt' },
    });
  });
});

describe('the candidate answers in the portal', () => {
  it('joins the same thread, and only on their own application', async () => {
    const { person, application } = await candidateWithApplication();
    await write(application.candidateId, application.id);
    const other = await candidateWithApplication();
    const cookie = await candidateLogin(app, database, world.slug, person.email);
    const own = await app.inject({
      method: 'POST',
      url: '/api/me/messages',
      headers: { cookie },
      payload: { applicationId: application.id, body: 'Thanks, see you then.' },
    });
    expect(own.statusCode, own.body).toBe(201);
    const theirs = await app.inject({
      method: 'POST',
      url: '/api/me/messages',
      headers: { cookie },
      payload: { applicationId: other.application.id, body: 'Hello?' },
    });
    expect(theirs.statusCode).toBe(404);
    const seen = await profile(application.candidateId);
    expect(seen.messages.at(-1)).toMatchObject({
      direction: 'inbound',
      channel: 'portal',
      body: 'Thanks, see you then.',
    });
  });
});

describe('R-CAND-4: erasing the candidate', () => {
  it("blanks the conversation's words, drops its files and closes its reply addresses", async () => {
    const { person, application } = await candidateWithApplication();
    await write(application.candidateId, application.id);
    await worker.drain();
    const address = replyAddressTo(person.email);
    await client().sendMail({
      from: person.email,
      to: address,
      subject: 'Re',
      text: 'My private reply',
      attachments: [{ filename: 'notes.txt', content: Buffer.from('private notes') }],
    });
    const cookie = await candidateLogin(app, database, world.slug, person.email);
    const erased = await app.inject({
      method: 'POST',
      url: '/api/me/erasure',
      headers: { cookie },
      payload: { email: person.email },
    });
    expect(erased.statusCode, erased.body).toBe(200);
    const seen = await profile(application.candidateId);
    expect(JSON.stringify(seen.messages)).not.toContain('private');
    expect(seen.messages.every((m: { body: string }) => m.body === '[erased]')).toBe(true);
    expect(seen.messages.flatMap((m: { attachments: unknown[] }) => m.attachments)).toEqual([]);
    const error = await client()
      .sendMail({ from: person.email, to: address, subject: 'again', text: 'hello' })
      .catch((e: unknown) => e);
    expect(refusalOf(error)).toBe(550);
  });
});
