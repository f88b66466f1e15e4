import { createHash } from 'node:crypto';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { submitApplication } from '../../src/core/applications/submit-application.js';
import { updateJob } from '../../src/core/jobs/update-job.js';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { openTestDatabase } from '../support/db.js';
import { buildTestApp, candidateLogin, errorCode, loginAs } from '../support/http.js';
import { buildWorld, ok, PASSWORD, TestClock, type World } from '../support/world.js';

let database: Database;
let app: App;
let world: World;
let clock: TestClock;
let as: { recruiter: string; hm: string; hr: string; admin: string };

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await app?.close();
  await database.close();
});
beforeEach(async () => {
  clock = new TestClock();
  world = await buildWorld(database, clock);
  await app?.close();
  app = await buildTestApp(database, clock);
  as = {
    recruiter: await loginAs(app, world.slug, world.staff.recruiter.email),
    hm: await loginAs(app, world.slug, world.staff.hiring_manager.email),
    hr: await loginAs(app, world.slug, world.staff.hr.email),
    admin: await loginAs(app, world.slug, world.staff.admin.email),
  };
});

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';
const call = (cookie: string, method: Method, url: string, payload?: unknown) =>
  app.inject({ method, url, payload: payload as object, headers: { cookie } });

const terms = {
  currency: 'USD',
  baseSalaryCents: 200_000_00,
  signOn: { amountCents: 50_000_00, instalments: 2, clawbackMonths: 12 },
  targetBonusBps: 1500,
  equity: { kind: 'units', units: 4000, referencePriceCents: 100_00 },
  startDate: '2026-06-01',
  expiresAt: '2026-03-20T00:00:00Z',
  level: '2-1',
  location: 'Los Angeles',
};

/** An application that has passed every round, its candidate's email and a candidate session. */
async function readyApplication(jobId = world.jobs.fullTimeA.id) {
  const person = world.candidate();
  const app_ = ok(
    await submitApplication(world.deps, {
      actor: world.staff.recruiter,
      jobId,
      candidate: person,
      source: 'test',
    }),
  ).application;
  await world.passAllRounds(app_.id);
  return { id: app_.id, email: person.email };
}

async function setBand(band: object | null) {
  const job = (await call(as.recruiter, 'GET', `/api/jobs/${world.jobs.fullTimeA.id}`)).json();
  ok(
    await updateJob(world.deps, {
      actor: world.staff.recruiter,
      jobId: job.id,
      expectedVersion: job.version,
      change: { compensationBand: band as never },
    }),
  );
}

describe('offers', () => {
  it('R-OFFER-1: an offer needs an application past its HR round; one open offer at a time', async () => {
    const early = ok(
      await submitApplication(world.deps, {
        actor: world.staff.recruiter,
        jobId: world.jobs.fullTimeA.id,
        candidate: world.candidate(),
        source: 'test',
      }),
    ).application;
    const refused = await call(as.recruiter, 'POST', `/api/applications/${early.id}/offers`, { terms });
    expect([refused.statusCode, errorCode(refused)]).toEqual([409, 'application.not_at_offer']);
    const ready = await readyApplication();
    const created = await call(as.recruiter, 'POST', `/api/applications/${ready.id}/offers`, { terms });
    expect(created.statusCode, created.body).toBe(201);
    // The process's default schedule applies when none is named (R-OFFER-2).
    expect(created.json()).toMatchObject({
      status: 'draft',
      revision: 1,
      terms: { vestingScheduleKey: 'back-weighted-15-25-25-35' },
    });
    const second = await call(as.recruiter, 'POST', `/api/applications/${ready.id}/offers`, { terms });
    expect([second.statusCode, errorCode(second)]).toEqual([409, 'offer.already_open']);
    const badSchedule = await call(
      as.recruiter,
      'POST',
      `/api/applications/${(await readyApplication()).id}/offers`,
      { terms: { ...terms, vestingScheduleKey: 'nope' } },
    );
    expect([badSchedule.statusCode, errorCode(badSchedule)]).toEqual([422, 'vesting.unknown_schedule']);
    const invalid = await call(as.recruiter, 'POST', `/api/applications/${ready.id}/offers`, {
      terms: { ...terms, baseSalaryCents: 1.5, currency: 'usd', startDate: '01/06/2026' },
    });
    expect(
      invalid
        .json()
        .error.details.issues.map((i: { field: string }) => i.field)
        .sort(),
    ).toEqual(['body.terms.baseSalaryCents', 'body.terms.currency', 'body.terms.startDate']);
    const past = await call(
      as.recruiter,
      'POST',
      `/api/applications/${(await readyApplication()).id}/offers`,
      { terms: { ...terms, expiresAt: '2026-01-01T00:00:00Z' } },
    );
    expect([past.statusCode, past.json().error.details.field]).toEqual([400, 'terms.expiresAt']);
  });

  it('lifecycle inside the band: submit approves at once, send, the candidate accepts and is hired', async () => {
    await setBand({
      currency: 'USD',
      baseMinCents: 150_000_00,
      baseMaxCents: 250_000_00,
      approverRoles: ['hiring_manager', 'admin'],
    });
    const ready = await readyApplication();
    const offer = (
      await call(as.recruiter, 'POST', `/api/applications/${ready.id}/offers`, { terms })
    ).json();
    const candidate = await candidateLogin(app, database, world.slug, ready.email);
    expect(errorCode(await call(candidate, 'GET', `/api/me/offers/${offer.id}`))).toBe('offer.not_found');
    const early = await call(as.recruiter, 'POST', `/api/offers/${offer.id}/send`);
    expect([early.statusCode, errorCode(early)]).toEqual([409, 'offer.invalid_transition']);
    const submitted = await call(as.recruiter, 'POST', `/api/offers/${offer.id}/submit`);
    expect(submitted.json()).toMatchObject({ status: 'approved', approvalChain: [], outsideBand: [] });
    expect((await call(as.recruiter, 'POST', `/api/offers/${offer.id}/send`)).json().status).toBe('sent');
    const mine = (await call(candidate, 'GET', '/api/me/offers')).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).not.toHaveProperty('approvalChain');
    expect(mine[0]).not.toHaveProperty('band');
    const accepted = await call(candidate, 'POST', `/api/me/offers/${offer.id}/accept`, {});
    expect(accepted.json()).toMatchObject({ status: 'accepted' });
    const application = (await call(as.recruiter, 'GET', `/api/applications/${ready.id}`)).json();
    expect(application.status).toBe('hired');
    expect((await call(as.recruiter, 'GET', `/api/jobs/${world.jobs.fullTimeA.id}`)).json().hiredCount).toBe(
      1,
    );
    const again = await call(candidate, 'POST', `/api/me/offers/${offer.id}/decline`, {});
    expect([again.statusCode, errorCode(again)]).toEqual([409, 'offer.invalid_transition']);
    const timeline = (await call(as.recruiter, 'GET', `/api/applications/${ready.id}/timeline`))
      .json()
      .items.map((e: { action: string }) => e.action);
    expect(timeline.slice(-2)).toEqual(['offer.created', 'application.hired']);
  });

  it('R-OFFER-4: outside the band the chain approves in order; a rejection returns the offer to draft', async () => {
    await setBand({
      currency: 'USD',
      baseMinCents: 150_000_00,
      baseMaxCents: 180_000_00,
      approverRoles: ['hiring_manager', 'admin'],
    });
    const ready = await readyApplication();
    const offer = (
      await call(as.recruiter, 'POST', `/api/applications/${ready.id}/offers`, { terms })
    ).json();
    expect(offer.outsideBand).toEqual(['base salary above the band']);
    const submitted = (await call(as.recruiter, 'POST', `/api/offers/${offer.id}/submit`)).json();
    expect(submitted).toMatchObject({
      status: 'pending_approval',
      approvalChain: ['hiring_manager', 'admin'],
      nextApprover: 'hiring_manager',
    });
    const send = await call(as.recruiter, 'POST', `/api/offers/${offer.id}/send`);
    expect(errorCode(send)).toBe('offer.invalid_transition');
    const adminFirst = await call(as.admin, 'POST', `/api/offers/${offer.id}/approvals`, {
      decision: 'approve',
      note: 'fine',
    });
    expect([adminFirst.statusCode, errorCode(adminFirst)]).toEqual([403, 'offer.not_your_approval']);
    const otherTeam = await loginAs(app, world.slug, world.staff.hmB.email);
    expect(
      errorCode(
        await call(otherTeam, 'POST', `/api/offers/${offer.id}/approvals`, {
          decision: 'approve',
          note: 'x',
        }),
      ),
    ).toBe('offer.not_your_approval');
    const hmOk = (
      await call(as.hm, 'POST', `/api/offers/${offer.id}/approvals`, {
        decision: 'approve',
        note: 'Strong candidate.',
      })
    ).json();
    expect(hmOk).toMatchObject({ status: 'pending_approval', nextApprover: 'admin', approvalsDone: 1 });
    const rejected = (
      await call(as.admin, 'POST', `/api/offers/${offer.id}/approvals`, {
        decision: 'reject',
        note: 'Bring base to the band.',
      })
    ).json();
    expect(rejected).toMatchObject({ status: 'draft', approvalChain: [] });
    expect(
      rejected.approvals.map((a: { role: string; decision: string }) => `${a.role}:${a.decision}`),
    ).toEqual(['hiring_manager:approve', 'admin:reject']);
    const noNote = await call(as.admin, 'POST', `/api/offers/${offer.id}/approvals`, {
      decision: 'approve',
      note: '',
    });
    expect(noNote.statusCode).toBe(400);
    const notPending = await call(as.admin, 'POST', `/api/offers/${offer.id}/approvals`, {
      decision: 'approve',
      note: 'x',
    });
    expect(errorCode(notPending)).toBe('offer.invalid_transition');
    const timeline = (await call(as.recruiter, 'GET', `/api/offers/${offer.id}`)).json();
    expect(timeline.revisions).toHaveLength(1);
  });

  it('separation of duties: one person holding both approver roles cannot approve both steps', async () => {
    await setBand({
      currency: 'USD',
      baseMinCents: 150_000_00,
      baseMaxCents: 180_000_00,
      approverRoles: ['hiring_manager', 'admin'],
    });
    const email = `hm-admin@${world.slug}.example`;
    const created = await call(as.admin, 'POST', '/api/users', {
      email,
      name: 'Two Hats',
      timezone: 'UTC',
      password: PASSWORD,
      roles: ['hiring_manager', 'admin'],
      teamIds: [world.teams.A],
    });
    expect(created.statusCode).toBe(201);
    const twoHats = await loginAs(app, world.slug, email);
    const ready = await readyApplication();
    const offer = (
      await call(as.recruiter, 'POST', `/api/applications/${ready.id}/offers`, { terms })
    ).json();
    await call(as.recruiter, 'POST', `/api/offers/${offer.id}/submit`);
    const approve = (cookie: string) =>
      call(cookie, 'POST', `/api/offers/${offer.id}/approvals`, { decision: 'approve', note: 'fine' });
    expect((await approve(twoHats)).json()).toMatchObject({ approvalsDone: 1, nextApprover: 'admin' });
    const second = await approve(twoHats);
    expect([second.statusCode, errorCode(second)]).toEqual([403, 'offer.approver_already_approved']);
    expect((await call(as.recruiter, 'GET', `/api/offers/${offer.id}`)).json().status).toBe(
      'pending_approval',
    );
    expect((await approve(as.admin)).json()).toMatchObject({ status: 'approved', approvalsDone: 2 });
  });

  it('R-OFFER-4: negotiation keeps every revision with who, why and the difference; stale revisions are refused', async () => {
    const ready = await readyApplication();
    const offer = (
      await call(as.recruiter, 'POST', `/api/applications/${ready.id}/offers`, { terms })
    ).json();
    await call(as.recruiter, 'POST', `/api/offers/${offer.id}/submit`);
    await call(as.recruiter, 'POST', `/api/offers/${offer.id}/send`);
    const candidate = await candidateLogin(app, database, world.slug, ready.email);
    const counter = await call(candidate, 'POST', `/api/me/offers/${offer.id}/counters`, {
      component: 'equity',
      proposal: '5,000 units',
      note: 'A competing offer has more equity.',
    });
    expect(counter.statusCode).toBe(201);
    const badComponent = await call(candidate, 'POST', `/api/me/offers/${offer.id}/counters`, {
      component: 'car',
      proposal: 'x',
    });
    expect(badComponent.statusCode).toBe(400);
    const revised = await call(as.recruiter, 'POST', `/api/offers/${offer.id}/revisions`, {
      expectedRevision: 1,
      changes: { equity: { kind: 'units', units: 4600, referencePriceCents: 100_00 } },
      reason: 'Matching part of the competing equity.',
    });
    expect(revised.json()).toMatchObject({ status: 'draft', revision: 2 });
    expect(revised.json().revisions[1]).toMatchObject({
      revision: 2,
      reason: 'Matching part of the competing equity.',
      author: { kind: 'staff', id: world.staff.recruiter.userId },
      changes: [{ field: 'equity.units', from: 4000, to: 4600 }],
    });
    const stale = await call(as.hr, 'POST', `/api/offers/${offer.id}/revisions`, {
      expectedRevision: 1,
      changes: { baseSalaryCents: 210_000_00 },
      reason: 'late',
    });
    expect([stale.statusCode, errorCode(stale)]).toEqual([409, 'offer.stale_revision']);
    const nothing = await call(as.hr, 'POST', `/api/offers/${offer.id}/revisions`, {
      expectedRevision: 2,
      changes: { baseSalaryCents: 200_000_00 },
      reason: 'same',
    });
    expect(errorCode(nothing)).toBe('validation.failed');
    // The candidate no longer has a live offer to accept until it is sent again.
    expect(errorCode(await call(candidate, 'POST', `/api/me/offers/${offer.id}/accept`, {}))).toBe(
      'offer.invalid_transition',
    );
    const detail = (await call(candidate, 'GET', `/api/me/offers/${offer.id}`)).json();
    expect(detail.counters).toHaveLength(1);
  });

  it('expiry, decline and rescind', async () => {
    const ready = await readyApplication();
    const offer = (
      await call(as.recruiter, 'POST', `/api/applications/${ready.id}/offers`, { terms })
    ).json();
    await call(as.recruiter, 'POST', `/api/offers/${offer.id}/submit`);
    await call(as.recruiter, 'POST', `/api/offers/${offer.id}/send`);
    clock.advanceDays(19);
    // Sessions last 14 days: sign in again after the jump.
    as.recruiter = await loginAs(app, world.slug, world.staff.recruiter.email);
    const candidate = await candidateLogin(app, database, world.slug, ready.email);
    const late = await call(candidate, 'POST', `/api/me/offers/${offer.id}/accept`, {});
    expect([late.statusCode, errorCode(late)]).toEqual([409, 'offer.expired']);
    expect((await call(candidate, 'GET', `/api/me/offers/${offer.id}`)).json().status).toBe('expired');
    const noReason = await call(as.recruiter, 'POST', `/api/offers/${offer.id}/rescind`, {});
    expect(noReason.statusCode).toBe(400);
    expect(
      (
        await call(as.recruiter, 'POST', `/api/offers/${offer.id}/rescind`, { reason: 'Expired unanswered.' })
      ).json().status,
    ).toBe('rescinded');
    const other = await readyApplication();
    const second = (
      await call(as.recruiter, 'POST', `/api/applications/${other.id}/offers`, {
        terms: { ...terms, expiresAt: '2026-05-01T00:00:00Z' },
      })
    ).json();
    await call(as.recruiter, 'POST', `/api/offers/${second.id}/submit`);
    await call(as.recruiter, 'POST', `/api/offers/${second.id}/send`);
    const otherCandidate = await candidateLogin(app, database, world.slug, other.email);
    expect(errorCode(await call(candidate, 'POST', `/api/me/offers/${second.id}/decline`, {}))).toBe(
      'offer.not_found',
    );
    const declined = await call(otherCandidate, 'POST', `/api/me/offers/${second.id}/decline`, {
      reason: 'Staying put.',
    });
    expect(declined.json().status).toBe('declined');
    expect((await call(as.recruiter, 'GET', `/api/applications/${other.id}`)).json().status).toBe('active');
  });

  it('R-OFFER-3: year-by-year view beside a competing offer, as JSON, chart, HTML and PDF letter', async () => {
    const ready = await readyApplication();
    const offer = (
      await call(as.recruiter, 'POST', `/api/applications/${ready.id}/offers`, { terms })
    ).json();
    await call(as.recruiter, 'POST', `/api/offers/${offer.id}/submit`);
    await call(as.recruiter, 'POST', `/api/offers/${offer.id}/send`);
    const candidate = await candidateLogin(app, database, world.slug, ready.email);
    const competing = await call(candidate, 'POST', `/api/me/applications/${ready.id}/competing-offers`, {
      terms: {
        company: 'Evenly Inc',
        currency: 'USD',
        baseSalaryCents: 200_000_00,
        targetBonusBps: 1500,
        signOn: { amountCents: 50_000_00, instalments: 2 },
        equity: { kind: 'value', valueCents: 400_000_00 },
        vestingScheduleKey: 'even-25x4',
      },
    });
    expect(competing.statusCode).toBe(201);
    const view = (await call(candidate, 'GET', `/api/me/offers/${offer.id}/compensation`)).json();
    expect(view.offer.years.map((y: { equityCents: number }) => y.equityCents)).toEqual([
      60_000_00, 100_000_00, 100_000_00, 140_000_00,
    ]);
    expect(view.competing[0].years.map((y: { equityCents: number }) => y.equityCents)).toEqual([
      100_000_00, 100_000_00, 100_000_00, 100_000_00,
    ]);
    expect(view.competing[0].years[0].totalCents - view.offer.years[0].totalCents).toBe(40_000_00);
    expect(view.offer.totals.totalCents).toBe(view.competing[0].totals.totalCents);
    expect(view.currencyMismatch).toBe(false);
    const svg = await call(candidate, 'GET', `/api/me/offers/${offer.id}/compensation.svg`);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.body).toContain('<title id="t">Total compensation by year</title>');
    expect(svg.body).toContain('This offer, year 1: $315,000.00');
    expect(svg.body).toContain('Evenly Inc, year 1: $355,000.00');
    const html = await call(as.hr, 'GET', `/api/offers/${offer.id}/letter`);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('Base salary: <strong>$200,000.00</strong> a year.');
    expect(html.body).toContain('4,000 units');
    const pdf = await call(candidate, 'GET', `/api/me/offers/${offer.id}/letter.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const stranger = await readyApplication();
    const strangerCookie = await candidateLogin(app, database, world.slug, stranger.email);
    expect((await call(strangerCookie, 'GET', `/api/me/offers/${offer.id}/letter.pdf`)).statusCode).toBe(404);
    const wrongApp = await call(strangerCookie, 'POST', `/api/me/applications/${ready.id}/competing-offers`, {
      terms: { company: 'X', currency: 'USD', baseSalaryCents: 1, vestingScheduleKey: 'even-25x4' },
    });
    expect(errorCode(wrongApp)).toBe('application.not_found');
  });

  it('sent for signature, the offer is accepted only by the candidate typing their name over the letter, on the record', async () => {
    const ready = await readyApplication();
    const offer = (
      await call(as.recruiter, 'POST', `/api/applications/${ready.id}/offers`, { terms })
    ).json();
    await call(as.hr, 'POST', `/api/offers/${offer.id}/submit`);
    const sent = await call(as.hr, 'POST', `/api/offers/${offer.id}/send`, { requireSignature: true });
    expect(sent.json()).toMatchObject({ status: 'sent', signatureRequired: true, signature: null });
    const candidate = await candidateLogin(app, database, world.slug, ready.email);
    const plain = await call(candidate, 'POST', `/api/me/offers/${offer.id}/accept`, {});
    expect([plain.statusCode, errorCode(plain)]).toEqual([409, 'offer.signature_required']);
    const notYet = await call(candidate, 'GET', `/api/me/offers/${offer.id}/signed-letter.pdf`);
    expect([notYet.statusCode, errorCode(notYet)]).toEqual([404, 'offer.not_signed']);

    const sign = (body: object) =>
      app.inject({
        method: 'POST',
        url: `/api/me/offers/${offer.id}/sign`,
        payload: body,
        headers: { cookie: candidate, 'user-agent': 'Signing browser' },
      });
    const issues = async (body: object) => (await sign(body)).json().error.details.issues;
    expect(await issues({ typedName: ' ', agree: true })).toContainEqual({
      field: 'body.typedName',
      message: 'type your full name to sign',
    });
    expect(await issues({ typedName: 'Cand Number 1' })).toContainEqual({
      field: 'body.agree',
      message: 'tick the box to say you accept the offer in the letter',
    });
    const someoneElse = await sign({ typedName: 'Grace Hopper', agree: true });
    expect([someoneElse.statusCode, errorCode(someoneElse)]).toEqual([422, 'offer.signature_mismatch']);
    expect(someoneElse.json().error.details.field).toBe('typedName');
    expect((await call(as.recruiter, 'GET', `/api/applications/${ready.id}`)).json().status).toBe('active');

    // Family name first, other case and spacing: still the candidate's own name.
    const person = await database.db
      .selectFrom('candidates')
      .innerJoin('applications', 'applications.candidate_id', 'candidates.id')
      .select(['first_name', 'last_name'])
      .where('applications.id', '=', ready.id)
      .executeTakeFirstOrThrow();
    const typed = `  ${person.last_name.toUpperCase()}   ${person.first_name} `;
    const kept = `${person.last_name.toUpperCase()} ${person.first_name}`;
    const signed = await sign({ typedName: typed, agree: true });
    expect(signed.statusCode, signed.body).toBe(200);
    const letter = await call(candidate, 'GET', `/api/me/offers/${offer.id}/letter`);
    const sha256 = createHash('sha256').update(letter.body).digest('hex');
    expect(letter.headers['x-letter-sha256']).toBe(sha256);
    expect(signed.json()).toMatchObject({
      status: 'accepted',
      signature: { typedName: kept, signedAt: clock.now().toISOString(), letterSha256: sha256 },
    });
    expect((await call(as.recruiter, 'GET', `/api/applications/${ready.id}`)).json().status).toBe('hired');
    // The same letter, read by HR, hashes the same: the signature binds to what both can read.
    expect(
      createHash('sha256')
        .update((await call(as.hr, 'GET', `/api/offers/${offer.id}/letter`)).body)
        .digest('hex'),
    ).toBe(sha256);
    const record = await database.db
      .selectFrom('offer_signatures')
      .selectAll()
      .where('offer_id', '=', offer.id)
      .executeTakeFirstOrThrow();
    expect(record).toMatchObject({ user_agent: 'Signing browser', letter_sha256: sha256, revision: 1 });
    const audit = await database.db
      .selectFrom('audit_events')
      .select(['action', 'data'])
      .where('entity_id', '=', offer.id)
      .where('action', '=', 'offer.signed')
      .execute();
    expect(audit).toEqual([{ action: 'offer.signed', data: { revision: 1, letterSha256: sha256 } }]);

    for (const [who, url] of [
      [candidate, `/api/me/offers/${offer.id}/signed-letter.pdf`],
      [as.hr, `/api/offers/${offer.id}/signed-letter.pdf`],
    ] as const) {
      const pdf = await call(who, 'GET', url);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const text = (await extractText(new Uint8Array(pdf.rawPayload), { mergePages: true })).text;
      expect(text).toContain(`Signed by: ${kept}`);
      expect(text).toContain(sha256);
    }
    const stranger = await candidateLogin(app, database, world.slug, (await readyApplication()).email);
    expect((await call(stranger, 'GET', `/api/me/offers/${offer.id}/signed-letter.pdf`)).statusCode).toBe(
      404,
    );
    const twice = await sign({ typedName: typed, agree: true });
    expect([twice.statusCode, errorCode(twice)]).toEqual([409, 'offer.invalid_transition']);
  });

  it('a letter signed with a name outside Latin-1 still gives a signed PDF', async () => {
    const person = { email: 'wei.zhang@example.com', firstName: '伟', lastName: '张' };
    const application = ok(
      await submitApplication(world.deps, {
        actor: world.staff.recruiter,
        jobId: world.jobs.fullTimeA.id,
        candidate: person,
        source: 'test',
      }),
    ).application;
    await world.passAllRounds(application.id);
    const offer = (
      await call(as.recruiter, 'POST', `/api/applications/${application.id}/offers`, { terms })
    ).json();
    await call(as.hr, 'POST', `/api/offers/${offer.id}/submit`);
    await call(as.hr, 'POST', `/api/offers/${offer.id}/send`, { requireSignature: true });
    const candidate = await candidateLogin(app, database, world.slug, person.email);
    const signed = await call(candidate, 'POST', `/api/me/offers/${offer.id}/sign`, {
      typedName: '张 伟',
      agree: true,
    });
    expect(signed.json().signature.typedName).toBe('张 伟');
    const pdf = await call(as.hr, 'GET', `/api/offers/${offer.id}/signed-letter.pdf`);
    expect([pdf.statusCode, pdf.rawPayload.subarray(0, 5).toString()]).toEqual([200, '%PDF-']);
  });

  it('R-OFFER-2: admins add their own schedule; keys are unique and shares must sum to 100%', async () => {
    const schedule = {
      key: 'annual-cliff-33',
      name: 'Three years, yearly',
      yearlyBps: [3334, 3333, 3333],
      cliffMonths: 12,
      frequency: 'annual',
    };
    expect((await call(as.admin, 'POST', '/api/vesting-schedules', schedule)).statusCode).toBe(201);
    expect(errorCode(await call(as.admin, 'POST', '/api/vesting-schedules', schedule))).toBe(
      'vesting.key_taken',
    );
    expect(
      errorCode(await call(as.admin, 'POST', '/api/vesting-schedules', { ...schedule, key: 'even-25x4' })),
    ).toBe('vesting.key_taken');
    const bad = await call(as.admin, 'POST', '/api/vesting-schedules', {
      ...schedule,
      key: 'bad',
      yearlyBps: [5000, 4000],
    });
    expect(bad.json().error.details.issues[0].field).toBe('body.yearlyBps');
    const list = (await call(as.recruiter, 'GET', '/api/vesting-schedules')).json().items;
    expect(list.map((s: { key: string }) => s.key)).toEqual(
      expect.arrayContaining([
        'back-weighted-15-25-25-35',
        'even-25x4',
        'front-light-5-15-40-40',
        'annual-cliff-33',
      ]),
    );
    const ready = await readyApplication();
    const offer = await call(as.recruiter, 'POST', `/api/applications/${ready.id}/offers`, {
      terms: { ...terms, vestingScheduleKey: 'annual-cliff-33' },
    });
    expect(offer.statusCode).toBe(201);
    const view = (await call(as.recruiter, 'GET', `/api/offers/${offer.json().id}/compensation`)).json();
    expect(view.offer.years.map((y: { equityCents: number }) => y.equityCents / 100_00)).toEqual([
      1333, 1333, 1334, 0,
    ]);
  });

  it('another organisation sees none of an offer, and unknown ids are 404', async () => {
    const ready = await readyApplication();
    const offer = (
      await call(as.recruiter, 'POST', `/api/applications/${ready.id}/offers`, { terms })
    ).json();
    const other = await buildWorld(database, clock);
    const stranger = await loginAs(app, other.slug, other.staff.recruiter.email);
    for (const url of [
      `/api/offers/${offer.id}`,
      `/api/offers/${offer.id}/compensation`,
      `/api/offers/${offer.id}/letter.pdf`,
    ]) {
      const response = await call(stranger, 'GET', url);
      expect([response.statusCode, errorCode(response)], url).toEqual([404, 'offer.not_found']);
    }
    for (const action of ['submit', 'send']) {
      expect(errorCode(await call(stranger, 'POST', `/api/offers/${offer.id}/${action}`))).toBe(
        'offer.not_found',
      );
    }
    const revise = await call(stranger, 'POST', `/api/offers/${offer.id}/revisions`, {
      expectedRevision: 1,
      changes: { baseSalaryCents: 1 },
      reason: 'x',
    });
    expect(errorCode(revise)).toBe('offer.not_found');
    expect((await call(stranger, 'GET', '/api/offers')).json().items).toEqual([]);
    expect(errorCode(await call(stranger, 'POST', `/api/applications/${ready.id}/offers`, { terms }))).toBe(
      'application.not_found',
    );
    expect((await call(as.recruiter, 'GET', `/api/offers/${offer.id}`)).json().status).toBe('draft');
  });
});
