import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/core/accounts/create-api-token.js';
import { createScimToken } from '../../src/core/accounts/scim-groups.js';
import { addExtraRound } from '../../src/core/applications/add-extra-round.js';
import { decideApplicationRound } from '../../src/core/applications/decide-round.js';
import { submitApplication } from '../../src/core/applications/submit-application.js';
import { submitScorecard } from '../../src/core/feedback/write-scorecard.js';
import { notifyStaff } from '../../src/core/inbox/notify-staff.js';
import { createJob } from '../../src/core/jobs/create-job.js';
import { transitionJob } from '../../src/core/jobs/transition-job.js';
import { mergeCandidates } from '../../src/core/merges/merge-candidates.js';
import { writeToCandidate } from '../../src/core/messages/write-to-candidate.js';
import { writeNote } from '../../src/core/notes/write-note.js';
import { createOffer } from '../../src/core/offers/create-offer.js';
import { respondToOffer } from '../../src/core/offers/respond-to-offer.js';
import { sendOffer } from '../../src/core/offers/send-offer.js';
import { submitOffer } from '../../src/core/offers/submit-offer.js';
import { placeLegalHold } from '../../src/core/retention/place-legal-hold.js';
import { runPurge } from '../../src/core/retention/run-purge.js';
import { scheduleInterview } from '../../src/core/scheduling/schedule-interview.js';
import { type Scope, scopeNames, scopesFor } from '../../src/core/shared/permissions.js';
import { createTag } from '../../src/core/tags/create-tag.js';
import { saveView } from '../../src/core/tags/save-view.js';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { messageRenderer } from '../../src/server/messages.js';
import { addBoard } from '../support/boards.js';
import { conversationWithReplyFile } from '../support/conversations.js';
import { openTestDatabase } from '../support/db.js';
import { multipart, pdfWith } from '../support/files.js';
import { buildTestApp, candidateLogin, errorCode, loginAs } from '../support/http.js';
import { selfIdentificationLeak, selfIdentifyEveryApplication } from '../support/self-identification.js';

/** A new time for each booking: the database refuses to double-book an interviewer. */
let bookings = 0;
const nextInterviewTime = () => new Date(Date.parse('2026-03-05T10:00:00Z') + bookings++ * 2 * 3_600_000);
/** Interviews that took place before the test clock's 2026-03-02: feedback is submitted only then. */
let held = 0;
const heldInterviewTime = () => new Date(Date.parse('2026-02-23T10:00:00Z') + held++ * 2 * 3_600_000);

import {
  addStaffMember,
  buildWorld,
  catalog,
  ok,
  PASSWORD,
  smallTemplate,
  TestClock,
  type World,
} from '../support/world.js';

/**
 * The role × endpoint table, written out independently of the permission table in the code:
 * 'ok' = allowed and succeeds, 'deny' = 403 permission.denied, anything else = the error code a
 * role allowed by the table still gets from a finer rule.
 */
const roles = [
  'admin',
  'recruiter',
  'coordinator',
  'interviewer',
  'hiring_manager',
  'hr',
  'candidate',
  'compliance',
] as const;
type Role = (typeof roles)[number];
type Cell = 'ok' | 'deny' | string;
/**
 * The compliance role reads the adverse-impact report and nothing of the hiring itself, so its
 * cell is 'deny' unless a row says otherwise.
 */
const row = (cells: Cell[], compliance: Cell = 'deny'): Record<Role, Cell> =>
  Object.fromEntries(roles.map((r, i) => [r, r === 'compliance' ? compliance : cells[i]!])) as Record<
    Role,
    Cell
  >;
//                  admin   recruiter coordinator interviewer hiring_mgr hr      candidate (compliance)
const allStaff = row(['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'deny']);
const adminOnly = row(['ok', 'deny', 'deny', 'deny', 'deny', 'deny', 'deny']);
const readers = row(['ok', 'ok', 'ok', 'deny', 'ok', 'ok', 'deny']);
const processManagers = row(['ok', 'deny', 'deny', 'deny', 'ok', 'deny', 'deny']);
const jobManagers = row(['ok', 'ok', 'deny', 'deny', 'ok', 'deny', 'deny']);
const candidateOnly = row(['deny', 'deny', 'deny', 'deny', 'deny', 'deny', 'ok']);
const offerReaders = row(['ok', 'ok', 'deny', 'deny', 'ok', 'ok', 'deny']);
const offerManagers = row(['deny', 'ok', 'deny', 'deny', 'deny', 'ok', 'deny']);
const deciders = row(['deny', 'ok', 'deny', 'deny', 'ok', 'ok', 'deny']);
const schedulers = row(['deny', 'ok', 'ok', 'deny', 'deny', 'deny', 'deny']);
// Each staff member's own account (sessions, password, second factors, personal tokens), the compliance role's too.
const ownAccount = row(['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'deny'], 'ok');
// The interviewer edits their own availability; recruiters, coordinators and admins anyone's.
const availabilityManagers = row(['ok', 'ok', 'ok', 'ok', 'deny', 'deny', 'deny']);

interface Endpoint {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  name: string;
  expect: Record<Role, Cell>;
  /** Builds a fresh, valid request for one cell, so each cell succeeds or fails on permission alone. */
  prepare: (role: Role) => Promise<{ url: string; payload?: unknown; headers?: Record<string, string> }>;
}

/** Mock sessions of the portal candidate, each at its own time, booked long ago so no limit applies. */
let mockTimes = 0;
async function mockSession(role: Role, when: 'ahead' | 'begun') {
  const coach = role === 'candidate' ? world.staff.interviewer : world.staff[role];
  const candidate = await world.db
    .selectFrom('candidates')
    .select('id')
    .where('org_id', '=', world.orgId)
    .where('email_normalized', '=', candidateEmail)
    .executeTakeFirstOrThrow();
  const base = Date.parse(when === 'ahead' ? '2026-07-01T10:00:00Z' : '2026-01-05T10:00:00Z');
  const startsAt = new Date(base + mockTimes++ * 2 * 3_600_000);
  const id = randomUUID();
  ok(
    await world.deps.transaction(async (store) => {
      await store.mock.insert({
        id,
        orgId: world.orgId,
        candidateId: candidate.id,
        coachId: coach.userId,
        roundType: 'coding',
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3_600_000),
        createdAt: new Date('2025-01-01T00:00:00Z'),
      });
      return { ok: true as const, value: id };
    }),
  );
  return id;
}
const codingCard = () => ({
  ratings: Object.fromEntries(catalog.interviewKit('coding')!.focusAttributes.map((a) => [a.key, 'yes'])),
  advice: `Talk through the plan before writing code (${++n}).`,
});

let database: Database;
let app: App;
let world: World;
const cookies = {} as Record<Role, string>;
const candidateEmail = 'portal.candidate@example.com';
let n = 0;

let bigJob: string;

/** One office for the retention policy cells, made once. */
let retentionOfficeId: string | undefined;
async function retentionOffice() {
  if (!retentionOfficeId) {
    retentionOfficeId = randomUUID();
    await world.db
      .insertInto('offices')
      .values({
        id: retentionOfficeId,
        org_id: world.orgId,
        name: 'Retention office',
        location: 'Berlin',
        timezone: 'Europe/Berlin',
        created_at: new Date('2026-01-01T00:00:00Z'),
      })
      .execute();
  }
  return retentionOfficeId;
}

async function freshApplication(jobId = bigJob) {
  return ok(
    await submitApplication(world.deps, {
      actor: world.staff.recruiter,
      jobId,
      candidate: world.candidate(),
      source: 'test',
    }),
  ).application;
}

/** A resume screen the recruiter decided a moment ago, with the organisation's undo window open. */
async function recentDecision() {
  const orgs = world.db.updateTable('orgs').where('id', '=', world.orgId);
  await orgs.set({ decision_undo_minutes: 5 }).execute();
  const application = await freshApplication();
  ok(
    await decideApplicationRound(world.deps, {
      actor: world.staff.recruiter,
      applicationId: application.id,
      roundKey: 'resume',
      decision: 'reject',
      rationale: 'No backend experience.',
    }),
  );
  await orgs.set({ decision_undo_minutes: 0 }).execute();
  const decision = await world.db
    .selectFrom('round_decisions')
    .select('id')
    .where('application_id', '=', application.id)
    .executeTakeFirstOrThrow();
  return decision.id;
}

async function applicationAtOffer(jobId = bigJob, candidate = world.candidate()) {
  const app = ok(
    await submitApplication(world.deps, { actor: world.staff.recruiter, jobId, candidate, source: 'test' }),
  ).application;
  await world.passAllRounds(app.id);
  return app;
}

const offerTerms = {
  currency: 'USD',
  baseSalaryCents: 100_000_00,
  signOn: { amountCents: 0, instalments: 1, clawbackMonths: 0 },
  targetBonusBps: 0,
  equity: { kind: 'value' as const, valueCents: 0 },
  vestingScheduleKey: 'even-25x4',
  startDate: '2026-06-01',
  expiresAt: '2026-06-01T00:00:00Z',
  level: 'L1',
  location: 'Remote',
};

/** An offer at the given stage; for a candidate's own, on a fresh job of its own. */
async function offerAt(
  stage: 'draft' | 'approved' | 'sent' | 'signed',
  candidate?: { email: string; firstName: string; lastName: string },
) {
  let jobId = bigJob;
  if (candidate) {
    const job = ok(
      await createJob(world.deps, {
        actor: world.staff.recruiter,
        fields: { ...jobBody(), jobFamily: 'full_time', officeIds: [] },
      }),
    );
    jobId = ok(
      await transitionJob(world.deps, { actor: world.staff.recruiter, jobId: job.id, to: 'open' }),
    ).id;
  }
  const application = await applicationAtOffer(jobId, candidate);
  const offer = ok(
    await createOffer(world.deps, {
      actor: world.staff.recruiter,
      applicationId: application.id,
      terms: offerTerms,
    }),
  );
  if (stage !== 'draft')
    ok(await submitOffer(world.deps, { actor: world.staff.recruiter, offerId: offer.id }));
  if (stage === 'sent' || stage === 'signed')
    ok(
      await sendOffer(world.deps, {
        actor: world.staff.recruiter,
        offerId: offer.id,
        requireSignature: stage === 'signed',
      }),
    );
  if (stage === 'signed')
    ok(
      await respondToOffer(world.deps, {
        actor: { kind: 'candidate', orgId: world.orgId, candidateId: application.candidateId },
        offerId: offer.id,
        response: 'accept',
        signature: {
          typedName: `${candidate?.firstName} ${candidate?.lastName}`,
          letterSha256: '0'.repeat(64),
          address: null,
          userAgent: null,
        },
      }),
    );
  return { offerId: offer.id, applicationId: application.id };
}
const portalCandidate = () => ({ email: candidateEmail, firstName: 'Portal', lastName: 'Candidate' });

/** An offer waiting for one approval, by the given role when that role may approve at all. */
async function offerAwaitingApproval(role: Role) {
  const approver: 'hiring_manager' | 'hr' | 'admin' =
    role === 'hiring_manager' || role === 'hr' ? role : 'admin';
  const band = { currency: 'USD', baseMinCents: 0, baseMaxCents: 1, approverRoles: [approver] };
  const job = ok(
    await createJob(world.deps, {
      actor: world.staff.recruiter,
      fields: { ...jobBody(), jobFamily: 'full_time', officeIds: [], compensationBand: band },
    }),
  );
  ok(await transitionJob(world.deps, { actor: world.staff.recruiter, jobId: job.id, to: 'open' }));
  const application = await applicationAtOffer(job.id);
  const offer = ok(
    await createOffer(world.deps, {
      actor: world.staff.recruiter,
      applicationId: application.id,
      terms: offerTerms,
    }),
  );
  ok(await submitOffer(world.deps, { actor: world.staff.recruiter, offerId: offer.id }));
  return offer.id;
}

/** A fresh application whose current round is the technical interview. */
/** A coding pad on two-sum, opened by the recruiter. */
async function padOnTwoSum() {
  const created = await app.inject({
    method: 'POST',
    url: `/api/applications/${await applicationAtTech()}/pads`,
    headers: { cookie: cookies.recruiter },
    payload: { problem: 'two-sum', language: 'javascript' },
  });
  return created.json().id as string;
}

/** A case study sent, started and uploaded to; answers the deliverable's download address. */
async function uploadedCaseStudy() {
  const sent = await app.inject({
    method: 'POST',
    url: `/api/applications/${await applicationAtTech()}/assessments`,
    headers: { cookie: cookies.recruiter },
    payload: { items: [{ kind: 'case_study', slug: 'live-gifts-go-no-go' }] },
  });
  const token = String(sent.json().url).split('/candidate/assessment/')[1];
  await app.inject({ method: 'POST', url: `/api/assessments/${token}/start` });
  const form = multipart({}, [
    { field: 'file', filename: 'deck.pdf', type: 'application/pdf', data: await pdfWith('Go.') },
  ]);
  await app.inject({
    method: 'PUT',
    url: `/api/assessments/${token}/answers/0/file`,
    payload: form.body,
    headers: { 'content-type': form.contentType },
  });
  return `/api/assessments/${sent.json().id}/items/0/file`;
}

async function applicationAtTech() {
  const application = await freshApplication();
  ok(
    await decideApplicationRound(world.deps, {
      actor: world.staff.recruiter,
      applicationId: application.id,
      roundKey: 'resume',
      decision: 'advance',
      rationale: 'ok',
      overrideReason: 'Decided in the test without its interview.',
    }),
  );
  return application.id;
}

const profileVersion = async (userId: string) =>
  (
    await world.db
      .selectFrom('interviewer_profiles')
      .select('version')
      .where('user_id', '=', userId)
      .executeTakeFirst()
  )?.version ?? 0;

/** An interview on the technical round with the given role's user (and the interviewer) on the panel. */
async function interviewWith(role: Role, startsAt = nextInterviewTime()) {
  const applicationId = await applicationAtTech();
  const panel = new Set([world.staff.interviewer.userId]);
  if (role !== 'candidate') panel.add(world.staff[role].userId);
  const interview = ok(
    await scheduleInterview(world.deps, {
      actor: world.staff.coordinator,
      applicationId,
      roundKey: 'tech',
      startsAt,
      interviewerIds: [...panel],
      language: 'en',
    }),
  );
  return { applicationId, interviewId: interview.id };
}
const scorecardContent = {
  ratings: { coding: 'yes' },
  recommendation: 'yes',
  notes: 'ok',
  privateNote: '',
} as const;

/** An application whose current round is decided by a committee. */
async function committeeRound() {
  const application = await freshApplication();
  ok(
    await decideApplicationRound(world.deps, {
      actor: world.staff.recruiter,
      applicationId: application.id,
      roundKey: 'resume',
      decision: 'advance',
      rationale: 'ok',
      overrideReason: 'Decided in the test without its interview.',
    }),
  );
  ok(
    await addExtraRound(world.deps, {
      actor: world.staff.hiring_manager,
      applicationId: application.id,
      round: { ...smallTemplate.rounds[1]!, key: 'committee', name: 'Committee', committee: true },
      beforeRoundKey: 'tech',
      reason: 'Committee.',
    }),
  );
  return application.id;
}

/** A delivery that failed for good, and an event that could not be dispatched. */
async function failedDelivery() {
  const application = await freshApplication();
  const event = await world.db
    .selectFrom('outbox')
    .select('seq')
    .where('org_id', '=', world.orgId)
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
  const id = randomUUID();
  await world.db
    .insertInto('deliveries')
    .values({
      id,
      org_id: world.orgId,
      event_seq: Number(event.seq),
      channel: 'email',
      dedupe_key: `test:${id}`,
      recipient: 'x@example.com',
      subject: 's',
      body: 'b',
      application_id: application.id,
      status: 'failed',
      attempts: 8,
      next_attempt_at: new Date(),
      created_at: new Date(),
    })
    .execute();
  return id;
}
async function failedEvent() {
  await freshApplication();
  const event = await world.db
    .selectFrom('outbox')
    .select('seq')
    .where('org_id', '=', world.orgId)
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
  await world.db
    .updateTable('outbox')
    .set({ status: 'failed', dispatched_at: new Date(), error: 'test' })
    .where('seq', '=', event.seq)
    .execute();
  return Number(event.seq);
}

/** A board of the organisation, and an application sent with a resume. */
async function board() {
  return (
    await addBoard(world, { token: `pb-${++n}-${world.slug}`, name: 'Board', employmentTypes: ['full_time'] })
  ).id;
}
async function withResume() {
  const application = ok(
    await submitApplication(world.deps, {
      actor: world.staff.recruiter,
      jobId: bigJob,
      candidate: world.candidate(),
      source: 'test',
      attachments: [
        {
          kind: 'resume',
          filename: 'cv.txt',
          contentType: 'text/plain',
          data: new TextEncoder().encode('cv'),
          text: 'cv',
        },
      ],
    }),
  ).application;
  const file = await world.db
    .selectFrom('attachments')
    .select('id')
    .where('application_id', '=', application.id)
    .executeTakeFirstOrThrow();
  return { candidateId: application.candidateId, attachmentId: file.id };
}

/** A message to a fresh candidate, answered by email with a text file: the file's id. */
async function withReplyFile() {
  return (await conversationWithReplyFile(world, await freshApplication())).fileId;
}
/** The portal candidate's application, which the recruiter wrote to them about (set up once). */
let portalApplicationId: string;
const messagers = row(['deny', 'ok', 'ok', 'deny', 'ok', 'ok', 'deny']);

const jobBody = () => ({
  title: `Job ${++n}`,
  employmentType: 'full_time' as const,
  teamId: world.teams.A,
  processId: world.processes.A.id,
  headcount: 5,
  level: 'mid',
  locations: ['Remote'],
  posting: {},
});

/** A staff member of the organisation for one cell to open, edit or enable (disabled when asked). */
async function leavingUser(disabled = false) {
  const id = randomUUID();
  const email = `leaving-${++n}@x.example`;
  await database.db
    .insertInto('users')
    .values({
      id,
      org_id: world.orgId,
      email,
      email_normalized: email,
      name: 'Leaving',
      timezone: 'UTC',
      password_hash: null,
      roles: ['interviewer'],
      team_ids: [],
      created_at: new Date('2026-03-01T00:00:00Z'),
      disabled_at: disabled ? new Date('2026-03-01T00:00:00Z') : null,
    })
    .execute();
  return id;
}

const mergers = row(['ok', 'ok', 'deny', 'deny', 'deny', 'deny', 'deny']);
/** A note written by the role (the recruiter's for roles that write none), for its author to edit. */
async function noteBy(role: Role) {
  const author = role === 'candidate' || role === 'interviewer' ? 'recruiter' : role;
  const application = await freshApplication();
  return ok(
    await writeNote(world.deps, {
      actor: world.staff[author],
      target: { applicationId: application.id },
      body: 'A note',
      mentions: [],
    }),
  ).id;
}
/** A notification in the role's own inbox (the recruiter's for the candidate). */
async function noticeFor(role: Role) {
  const user = world.staff[role === 'candidate' ? 'recruiter' : role].userId;
  const key = `test:${++n}`;
  ok(
    await world.deps.transaction(async (store) => {
      await notifyStaff(store, world.deps.ids, {
        orgId: world.orgId,
        userIds: [user],
        kind: 'mention',
        title: 'A mention',
        body: 'Look',
        link: '/app/inbox',
        dedupeKey: key,
        at: new Date('2026-03-02T09:00:00Z'),
      });
      return { ok: true as const, value: undefined };
    }),
  );
  const row = await world.db
    .selectFrom('staff_notifications')
    .select('id')
    .where('user_id', '=', user)
    .where('dedupe_key', '=', key)
    .executeTakeFirstOrThrow();
  return row.id;
}
async function aTag() {
  return ok(await createTag(world.deps, { actor: world.staff.recruiter, name: `Tag ${++n}` })).id;
}
async function viewBy(role: Role) {
  const owner = role === 'candidate' || role === 'interviewer' ? 'recruiter' : role;
  return ok(
    await saveView(world.deps, {
      actor: world.staff[owner],
      list: 'candidates',
      name: `A view ${++n}`,
      filters: {},
      shared: false,
    }),
  ).id;
}
async function twoPeople() {
  return {
    keptId: (await freshApplication()).candidateId,
    // On another job: one person cannot hold two open applications to one job.
    mergedId: (await freshApplication(world.jobs.fullTimeA.id)).candidateId,
  };
}
async function pendingMerge() {
  return ok(await mergeCandidates(world.deps, { actor: world.staff.recruiter, ...(await twoPeople()) })).merge
    .id;
}

const endpoints: Endpoint[] = [
  {
    method: 'GET',
    name: 'who am I',
    expect: row(['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'], 'ok'),
    prepare: async () => ({ url: '/api/auth/me' }),
  },
  {
    method: 'GET',
    name: 'my sessions',
    expect: row(['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'], 'ok'),
    prepare: async () => ({ url: '/api/auth/sessions' }),
  },
  {
    method: 'DELETE',
    name: 'end one of my sessions',
    // Everyone may; an id that is not one of theirs is not found.
    expect: row(Array(7).fill('session.not_found'), 'session.not_found'),
    prepare: async () => ({ url: `/api/auth/sessions/${randomUUID()}` }),
  },
  {
    method: 'POST',
    name: 'end my other sessions',
    expect: row(['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'], 'ok'),
    prepare: async () => ({ url: '/api/auth/sessions/end-others' }),
  },
  {
    method: 'POST',
    name: 'change my password',
    expect: ownAccount,
    // Set to the same password, so the role's later sign-ins still work.
    prepare: async () => ({
      url: '/api/auth/password',
      payload: { currentPassword: PASSWORD, newPassword: PASSWORD },
    }),
  },
  { method: 'GET', name: 'list teams', expect: allStaff, prepare: async () => ({ url: '/api/teams' }) },
  {
    method: 'POST',
    name: 'create team',
    expect: adminOnly,
    prepare: async () => ({
      url: '/api/teams',
      payload: { name: `Team ${++n}`, timezone: 'Asia/Singapore' },
    }),
  },
  { method: 'GET', name: 'list offices', expect: allStaff, prepare: async () => ({ url: '/api/offices' }) },
  {
    method: 'POST',
    name: 'create office',
    expect: adminOnly,
    prepare: async () => ({
      url: '/api/offices',
      payload: { name: `Office ${++n}`, location: 'Beijing', timezone: 'Asia/Shanghai' },
    }),
  },
  { method: 'GET', name: 'list users', expect: adminOnly, prepare: async () => ({ url: '/api/users' }) },
  {
    method: 'POST',
    name: 'create user',
    expect: adminOnly,
    prepare: async () => ({
      url: '/api/users',
      payload: {
        email: `u${++n}@x.example`,
        name: 'New',
        timezone: 'UTC',
        password: 'long enough password',
        roles: ['interviewer'],
      },
    }),
  },
  {
    method: 'POST',
    name: 'disable user',
    expect: adminOnly,
    prepare: async () => {
      const id = randomUUID();
      const email = `disable-me-${++n}@x.example`;
      await database.db
        .insertInto('users')
        .values({
          id,
          org_id: world.orgId,
          email,
          email_normalized: email,
          name: 'Leaving',
          timezone: 'UTC',
          password_hash: null,
          roles: ['interviewer'],
          team_ids: [],
          created_at: new Date('2026-03-01T00:00:00Z'),
        })
        .execute();
      return { url: `/api/users/${id}/disable` };
    },
  },
  {
    method: 'POST',
    name: 'enable user',
    expect: adminOnly,
    prepare: async () => ({ url: `/api/users/${await leavingUser(true)}/enable` }),
  },
  {
    method: 'GET',
    name: 'one user',
    expect: adminOnly,
    prepare: async () => ({ url: `/api/users/${await leavingUser()}` }),
  },
  {
    method: 'PATCH',
    name: 'edit user',
    expect: adminOnly,
    prepare: async () => ({
      url: `/api/users/${await leavingUser()}`,
      payload: { expectedVersion: 1, name: 'Edited', languages: ['en', 'zh'] },
    }),
  },
  {
    method: 'GET',
    name: 'my API tokens',
    expect: ownAccount,
    prepare: async () => ({ url: '/api/auth/tokens' }),
  },
  {
    method: 'POST',
    name: 'make my API token',
    // The compliance role's tokens hold reports:read at most.
    expect: row(['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'deny'], 'token.scope_not_allowed'),
    prepare: async () => ({
      url: '/api/auth/tokens',
      payload: { name: 'script', scopes: ['organisation:read'] },
    }),
  },
  {
    method: 'DELETE',
    name: 'revoke my API token',
    // Everyone may; a token that is not theirs is not found.
    expect: row([...Array(6).fill('token.not_found'), 'deny'], 'token.not_found'),
    prepare: async () => ({ url: `/api/auth/tokens/${randomUUID()}` }),
  },
  {
    method: 'GET',
    name: "the organisation's API tokens",
    expect: adminOnly,
    prepare: async () => ({ url: '/api/tokens' }),
  },
  {
    method: 'POST',
    name: 'make an organisation API token',
    expect: adminOnly,
    prepare: async () => ({ url: '/api/tokens', payload: { name: 'sync', scopes: ['candidates:read'] } }),
  },
  {
    method: 'DELETE',
    name: 'revoke an organisation API token',
    expect: adminOnly,
    prepare: async () => {
      const made = await app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: { cookie: cookies.admin },
        payload: { name: 'to revoke', scopes: ['candidates:read'] },
      });
      return { url: `/api/tokens/${made.json().id}` };
    },
  },
  {
    method: 'GET',
    name: 'the audit log',
    expect: adminOnly,
    prepare: async () => ({ url: '/api/audit-events' }),
  },
  {
    method: 'GET',
    name: 'the audit log as CSV',
    expect: adminOnly,
    prepare: async () => ({ url: '/api/audit-events/export?action=user.' }),
  },
  { method: 'GET', name: 'list policies', expect: allStaff, prepare: async () => ({ url: '/api/policies' }) },
  // Fairness (ADR 0025): self-identification reports are the compliance role's alone
  // (test/http/compliance.test.ts has that role and the deciders who also hold it).
  {
    method: 'GET',
    name: "offices' self-identification policies",
    expect: allStaff,
    prepare: async () => ({ url: '/api/compliance/office-policies' }),
  },
  {
    method: 'PUT',
    name: "set an office's self-identification policy",
    expect: adminOnly,
    prepare: async () => {
      const id = randomUUID();
      await world.db
        .insertInto('offices')
        .values({
          id,
          org_id: world.orgId,
          name: `Office ${++n}`,
          location: 'X',
          timezone: 'UTC',
          created_at: new Date(),
        })
        .execute();
      return {
        url: `/api/compliance/office-policies/${id}`,
        payload: { collectSelfIdentification: true, expectedVersion: 0 },
      };
    },
  },
  {
    method: 'GET',
    name: 'the adverse-impact report',
    expect: row(['deny', 'deny', 'deny', 'deny', 'deny', 'deny', 'deny'], 'ok'),
    prepare: async () => ({ url: '/api/compliance/adverse-impact' }),
  },
  {
    method: 'GET',
    name: 'the adverse-impact report as LL144 CSV',
    expect: row(['deny', 'deny', 'deny', 'deny', 'deny', 'deny', 'deny'], 'ok'),
    prepare: async () => ({ url: '/api/compliance/adverse-impact.csv' }),
  },
  {
    method: 'GET',
    name: "the matcher's agreement with decisions",
    expect: row(['ok', 'deny', 'deny', 'deny', 'deny', 'deny', 'deny'], 'ok'),
    prepare: async () => ({ url: '/api/compliance/agreement' }),
  },
  {
    method: 'POST',
    name: 'opt my application out of annotation',
    expect: candidateOnly,
    prepare: async () => ({
      url: `/api/me/applications/${portalApplicationId}/screening-opt-out`,
      payload: { optOut: true },
    }),
  },
  {
    method: 'PUT',
    name: 'set policy',
    expect: adminOnly,
    prepare: async () => ({
      url: '/api/policies/contract',
      payload: { maxActiveApplications: 3, order: 'parallel', cooldownDays: 0 },
    }),
  },
  {
    method: 'GET',
    name: 'list templates',
    expect: readers,
    prepare: async () => ({ url: '/api/templates' }),
  },
  {
    method: 'GET',
    name: 'list processes',
    expect: readers,
    prepare: async () => ({ url: '/api/processes' }),
  },
  {
    method: 'GET',
    name: 'get process',
    expect: readers,
    prepare: async () => ({ url: `/api/processes/${world.processes.A.id}` }),
  },
  {
    method: 'POST',
    name: 'adopt template',
    expect: processManagers,
    prepare: async () => ({
      url: '/api/processes',
      payload: { templateKey: 'operations', teamId: world.teams.A },
    }),
  },
  {
    method: 'PUT',
    name: 'revise process',
    expect: processManagers,
    prepare: async () => {
      const latest = await world.db
        .selectFrom('processes')
        .select((eb) => eb.fn.max('version').as('v'))
        .where('lineage_id', '=', world.processes.B.lineageId)
        .executeTakeFirstOrThrow();
      return {
        url: `/api/processes/${world.processes.B.id}`,
        payload: { expectedVersion: latest.v, definition: { name: 'Edited', rounds: smallTemplate.rounds } },
      };
    },
  },
  { method: 'GET', name: 'list jobs', expect: allStaff, prepare: async () => ({ url: '/api/jobs' }) },
  {
    method: 'GET',
    name: 'get job',
    expect: allStaff,
    prepare: async () => ({ url: `/api/jobs/${world.jobs.fullTimeA.id}` }),
  },
  {
    method: 'POST',
    name: 'create job',
    expect: jobManagers,
    prepare: async () => ({ url: '/api/jobs', payload: jobBody() }),
  },
  {
    method: 'PATCH',
    name: 'edit job',
    expect: jobManagers,
    prepare: async () => {
      const job = await world.db
        .selectFrom('jobs')
        .select('version')
        .where('id', '=', world.jobs.internB2.id)
        .executeTakeFirstOrThrow();
      return {
        url: `/api/jobs/${world.jobs.internB2.id}`,
        payload: { expectedVersion: job.version, title: `Renamed ${++n}` },
      };
    },
  },
  {
    method: 'POST',
    name: 'open job',
    expect: jobManagers,
    prepare: async () => {
      const created = await app.inject({
        method: 'POST',
        url: '/api/jobs',
        headers: { cookie: cookies.recruiter },
        payload: jobBody(),
      });
      return { url: `/api/jobs/${created.json().id}/transitions`, payload: { to: 'open' } };
    },
  },
  {
    method: 'GET',
    name: 'review queue',
    expect: readers,
    prepare: async () => ({ url: `/api/applications?jobId=${world.jobs.fullTimeA.id}` }),
  },
  {
    method: 'POST',
    name: 'submit application',
    expect: row(['deny', 'ok', 'ok', 'deny', 'deny', 'deny', 'deny']),
    prepare: async () => ({
      url: '/api/applications',
      payload: { jobId: bigJob, candidate: world.candidate() },
    }),
  },
  {
    method: 'GET',
    name: 'get application',
    expect: readers,
    prepare: async () => ({ url: `/api/applications/${(await freshApplication()).id}` }),
  },
  {
    method: 'GET',
    name: 'application timeline',
    expect: readers,
    prepare: async () => ({ url: `/api/applications/${(await freshApplication()).id}/timeline` }),
  },
  // Screening (ADR 0025): criteria are the job's, evidence the application's, blind review the org's or a job's.
  {
    method: 'GET',
    name: 'screening criteria',
    expect: allStaff,
    prepare: async () => ({ url: `/api/jobs/${world.jobs.fullTimeA.id}/screening/criteria` }),
  },
  {
    method: 'PUT',
    name: 'replace screening criteria',
    expect: jobManagers,
    prepare: async () => {
      const current = await world.db
        .selectFrom('screening_criteria_versions')
        .select('version')
        .where('job_id', '=', world.jobs.internA.id)
        .executeTakeFirst();
      return {
        url: `/api/jobs/${world.jobs.internA.id}/screening/criteria`,
        payload: {
          expectedVersion: current?.version ?? 0,
          items: [{ text: 'Writes Go', kind: 'must', weight: 3, check: { type: 'skills', anyOf: ['Go'] } }],
        },
      };
    },
  },
  {
    method: 'GET',
    name: 'screening evidence',
    expect: readers,
    prepare: async () => ({ url: `/api/applications/${(await freshApplication()).id}/screening` }),
  },
  {
    method: 'GET',
    name: 'blind review (org)',
    expect: allStaff,
    prepare: async () => ({ url: '/api/screening/settings' }),
  },
  {
    method: 'PUT',
    name: 'set blind review (org)',
    expect: adminOnly,
    prepare: async () => ({ url: '/api/screening/settings', payload: { blindReview: false } }),
  },
  {
    method: 'GET',
    name: 'blind review (job)',
    expect: allStaff,
    prepare: async () => ({ url: `/api/jobs/${world.jobs.fullTimeA.id}/screening/settings` }),
  },
  {
    method: 'PUT',
    name: 'set blind review (job)',
    expect: jobManagers,
    prepare: async () => ({
      url: `/api/jobs/${world.jobs.fullTimeA.id}/screening/settings`,
      payload: { blindReview: null },
    }),
  },
  {
    method: 'POST',
    name: 'decide round',
    // The resume round is the recruiter's to decide, and the HM's with a written reason; not HR's.
    expect: row(['deny', 'ok', 'deny', 'deny', 'ok', 'round.not_your_decision', 'deny']),
    prepare: async () => ({
      url: `/api/applications/${(await freshApplication()).id}/decisions`,
      payload: {
        roundKey: 'resume',
        decision: 'advance',
        rationale: 'Meets the bar.',
        overrideReason: 'The recruiter is away this week.',
      },
    }),
  },
  {
    method: 'POST',
    name: 'bulk decide',
    expect: row(['deny', 'ok', 'deny', 'deny', 'ok', 'ok', 'deny']),
    prepare: async () => ({
      url: '/api/applications/bulk-decisions',
      payload: {
        items: [{ applicationId: (await freshApplication()).id, roundKey: 'resume' }],
        decision: 'reject',
        rationale: 'No.',
      },
    }),
  },
  {
    method: 'POST',
    name: 'undo a decision',
    // Only the decider undoes: the others who decide rounds are told it is not theirs.
    expect: row(['deny', 'ok', 'deny', 'deny', 'decision.not_yours', 'decision.not_yours', 'deny']),
    prepare: async () => ({ url: `/api/decisions/${await recentDecision()}/undo` }),
  },
  {
    method: 'POST',
    name: 'undo decisions in bulk',
    expect: row(['deny', 'ok', 'deny', 'deny', 'ok', 'ok', 'deny']),
    prepare: async () => ({ url: '/api/decisions/undo', payload: { decisionIds: [await recentDecision()] } }),
  },
  {
    method: 'POST',
    name: 'add round',
    expect: row(['deny', 'deny', 'deny', 'deny', 'ok', 'deny', 'deny']),
    prepare: async () => ({
      url: `/api/applications/${(await freshApplication()).id}/rounds`,
      payload: { round: { ...smallTemplate.rounds[1]!, key: 'tech-extra' }, reason: 'Split panel.' },
    }),
  },
  {
    method: 'POST',
    name: 'hire',
    expect: row(['deny', 'deny', 'deny', 'deny', 'ok', 'ok', 'deny']),
    prepare: async () => ({ url: `/api/applications/${(await applicationAtOffer()).id}/hire` }),
  },
  {
    method: 'GET',
    name: 'search candidates',
    expect: readers,
    prepare: async () => ({ url: '/api/candidates?q=cand' }),
  },
  {
    method: 'GET',
    name: 'get candidate',
    expect: readers,
    prepare: async () => ({ url: `/api/candidates/${(await freshApplication()).candidateId}` }),
  },
  {
    method: 'POST',
    name: 'schedule interview',
    expect: row(['deny', 'ok', 'ok', 'deny', 'deny', 'deny', 'deny']),
    prepare: async () => {
      const application = await freshApplication();
      ok(
        await decideApplicationRound(world.deps, {
          actor: world.staff.recruiter,
          applicationId: application.id,
          roundKey: 'resume',
          decision: 'advance',
          rationale: 'ok',
          overrideReason: 'Decided in the test without its interview.',
        }),
      );
      return {
        url: `/api/applications/${application.id}/interviews`,
        payload: {
          roundKey: 'tech',
          startsAt: nextInterviewTime().toISOString(),
          interviewerIds: [world.staff.interviewer.userId],
        },
      };
    },
  },
  {
    method: 'GET',
    name: 'interviews of an application',
    expect: readers,
    prepare: async (role) => ({
      url: `/api/applications/${(await interviewWith(role)).applicationId}/interviews`,
    }),
  },
  {
    method: 'GET',
    name: 'my interviews',
    expect: allStaff,
    prepare: async () => ({ url: '/api/my/interviews' }),
  },
  {
    method: 'GET',
    name: 'interview kit',
    expect: allStaff,
    prepare: async (role) => ({ url: `/api/interviews/${(await interviewWith(role)).interviewId}/kit` }),
  },
  {
    method: 'GET',
    name: 'my scorecard',
    expect: allStaff,
    prepare: async (role) => ({
      url: `/api/interviews/${(await interviewWith(role)).interviewId}/scorecard`,
    }),
  },
  {
    method: 'PUT',
    name: 'save scorecard draft',
    expect: allStaff,
    prepare: async (role) => ({
      url: `/api/interviews/${(await interviewWith(role)).interviewId}/scorecard`,
      payload: { content: { notes: 'draft' }, expectedVersion: 1 },
    }),
  },
  {
    method: 'POST',
    name: 'submit scorecard',
    expect: allStaff,
    prepare: async (role) => ({
      url: `/api/interviews/${(await interviewWith(role, heldInterviewTime())).interviewId}/scorecard/submit`,
      payload: { content: scorecardContent },
    }),
  },
  {
    method: 'POST',
    name: 'amend scorecard',
    expect: allStaff,
    prepare: async (role) => {
      const { interviewId } = await interviewWith(role, heldInterviewTime());
      if (role !== 'candidate')
        ok(
          await submitScorecard(world.deps, {
            actor: world.staff[role],
            interviewId,
            content: { ...scorecardContent, salaryExpectation: null },
          }),
        );
      return {
        url: `/api/interviews/${interviewId}/scorecard/amendments`,
        payload: { content: { ...scorecardContent, recommendation: 'strong_yes' }, reason: 'Second look.' },
      };
    },
  },
  {
    method: 'GET',
    name: 'application scorecards',
    // R-FB-3: the hiring team and the application's own interviewers; coordinators and admins are neither.
    expect: row(['feedback.not_allowed', 'ok', 'feedback.not_allowed', 'ok', 'ok', 'ok', 'deny']),
    prepare: async () => ({
      url: `/api/applications/${(await interviewWith('candidate')).applicationId}/scorecards`,
    }),
  },
  {
    method: 'GET',
    name: 'round debrief',
    expect: row(['deny', 'ok', 'deny', 'deny', 'ok', 'ok', 'deny']),
    prepare: async (role) => ({
      url: `/api/applications/${(await interviewWith(role)).applicationId}/rounds/tech/debrief`,
    }),
  },
  {
    method: 'POST',
    name: 'committee vote',
    expect: row(['deny', 'ok', 'deny', 'deny', 'ok', 'ok', 'deny']),
    prepare: async () => ({
      url: `/api/applications/${await committeeRound()}/rounds/committee/votes`,
      payload: { vote: 'advance' },
    }),
  },
  { method: 'GET', name: 'holidays', expect: allStaff, prepare: async () => ({ url: '/api/holidays' }) },
  {
    method: 'POST',
    name: 'add holiday',
    expect: adminOnly,
    prepare: async () => ({
      url: '/api/holidays',
      payload: { day: `2027-01-${String((++n % 28) + 1).padStart(2, '0')}`, name: 'Day off' },
    }),
  },
  {
    method: 'GET',
    name: 'interviewer insight',
    expect: row(['ok', 'ok', 'deny', 'deny', 'deny', 'deny', 'deny']),
    prepare: async () => ({ url: '/api/insights/interviewers' }),
  },
  { method: 'GET', name: 'deliveries', expect: adminOnly, prepare: async () => ({ url: '/api/deliveries' }) },
  {
    method: 'GET',
    name: 'delivery',
    expect: adminOnly,
    prepare: async () => ({ url: `/api/deliveries/${await failedDelivery()}` }),
  },
  {
    method: 'POST',
    name: 'retry delivery',
    expect: adminOnly,
    prepare: async () => ({ url: `/api/deliveries/${await failedDelivery()}/retry` }),
  },
  {
    method: 'GET',
    name: 'failed events',
    expect: adminOnly,
    prepare: async () => ({ url: '/api/events/failed' }),
  },
  {
    method: 'POST',
    name: 'retry event',
    expect: adminOnly,
    prepare: async () => ({ url: `/api/events/${await failedEvent()}/retry` }),
  },
  {
    method: 'GET',
    name: 'message templates',
    expect: adminOnly,
    prepare: async () => ({ url: '/api/message-templates' }),
  },
  {
    method: 'PUT',
    name: 'edit message template',
    expect: adminOnly,
    prepare: async () => ({
      url: '/api/message-templates/status_update/en',
      payload: { subject: 'News on {{jobTitle}}', body: 'Hi {{recipientName}}' },
    }),
  },
  {
    method: 'POST',
    name: 'preview message template',
    expect: adminOnly,
    prepare: async () => ({ url: '/api/message-templates/status_update/zh/preview', payload: {} }),
  },
  { method: 'GET', name: 'webhooks', expect: adminOnly, prepare: async () => ({ url: '/api/webhooks' }) },
  {
    method: 'POST',
    name: 'add webhook',
    expect: adminOnly,
    prepare: async () => ({
      url: '/api/webhooks',
      payload: { url: 'https://hooks.example/ats', eventTypes: ['application.created'] },
    }),
  },
  {
    method: 'PATCH',
    name: 'change webhook',
    expect: adminOnly,
    prepare: async () => {
      const created = await app.inject({
        method: 'POST',
        url: '/api/webhooks',
        headers: { cookie: cookies.admin },
        payload: { url: 'https://hooks.example/x', eventTypes: ['offer.sent'] },
      });
      return { url: `/api/webhooks/${created.json().id}`, payload: { active: false } };
    },
  },
  {
    method: 'GET',
    name: 'notification settings',
    expect: allStaff,
    prepare: async () => ({ url: '/api/settings/notifications' }),
  },
  {
    method: 'PUT',
    name: 'change notification settings',
    expect: adminOnly,
    prepare: async () => ({
      url: '/api/settings/notifications',
      payload: {
        updateEveryBusinessDays: 5,
        shareRejectionFeedback: false,
        defaultLanguage: 'en',
        defaultTimezone: 'UTC',
      },
    }),
  },
  { method: 'GET', name: 'updates due', expect: readers, prepare: async () => ({ url: '/api/updates/due' }) },
  {
    method: 'POST',
    name: 'write to candidate',
    expect: row(['deny', 'ok', 'ok', 'deny', 'deny', 'deny', 'deny']),
    prepare: async () => ({
      url: `/api/applications/${(await freshApplication()).id}/messages`,
      payload: { subject: 'Hello', body: 'News soon.' },
    }),
  },
  {
    method: 'GET',
    name: 'my preferences',
    expect: candidateOnly,
    prepare: async () => ({ url: '/api/me/preferences' }),
  },
  {
    method: 'PUT',
    name: 'change my preferences',
    expect: candidateOnly,
    prepare: async () => ({
      url: '/api/me/preferences',
      payload: { language: 'zh', timezone: 'Asia/Shanghai', unsubscribed: false },
    }),
  },
  // Practice: the candidate's own; an unknown item, practice or plan gets its own refusal past the table.
  {
    method: 'GET',
    name: 'my practice space',
    expect: candidateOnly,
    prepare: async () => ({ url: '/api/me/practice' }),
  },
  {
    method: 'POST',
    name: 'run a practice answer',
    expect: { ...candidateOnly, candidate: 'practice.unknown_item' },
    prepare: async () => ({
      url: '/api/me/practice/coding/no-such-practice-item/run',
      payload: { language: 'javascript', code: '' },
    }),
  },
  {
    method: 'POST',
    name: 'start a timed practice',
    expect: { ...candidateOnly, candidate: 'practice.unknown_item' },
    prepare: async () => ({ url: '/api/me/practice/coding/no-such-practice-item/timed' }),
  },
  {
    method: 'POST',
    name: 'submit a timed practice',
    expect: { ...candidateOnly, candidate: 'practice.not_found' },
    prepare: async () => ({
      url: `/api/me/practice/timed/${randomUUID()}/submit`,
      payload: { language: 'javascript', code: '' },
    }),
  },
  {
    method: 'POST',
    name: 'make my preparation plan',
    expect: { ...candidateOnly, candidate: 'practice.no_upcoming_round' },
    prepare: async () => ({ url: '/api/me/practice/plan', payload: {} }),
  },
  {
    method: 'PUT',
    name: 'tick off a plan item',
    expect: { ...candidateOnly, candidate: 'practice.plan_not_found' },
    prepare: async () => ({
      url: '/api/me/practice/plan/ticks',
      payload: { date: '2026-03-02', kind: 'behavioural', slug: 'no-such-prompt', ticked: true },
    }),
  },
  {
    method: 'DELETE',
    name: 'end my preparation plan',
    expect: { ...candidateOnly, candidate: 'practice.plan_not_found' },
    prepare: async () => ({ url: '/api/me/practice/plan' }),
  },
  {
    method: 'GET',
    name: 'the public practice link',
    expect: adminOnly,
    prepare: async () => ({ url: '/api/organisation/practice-link' }),
  },
  {
    method: 'PUT',
    name: 'publish the practice link',
    expect: adminOnly,
    prepare: async () => ({ url: '/api/organisation/practice-link', payload: { published: false } }),
  },
  { method: 'GET', name: 'boards', expect: adminOnly, prepare: async () => ({ url: '/api/boards' }) },
  {
    method: 'POST',
    name: 'add board',
    expect: adminOnly,
    prepare: async () => ({
      url: '/api/boards',
      payload: { token: `b-${++n}-${world.slug}`, name: 'Board', employmentTypes: ['full_time'] },
    }),
  },
  {
    method: 'PATCH',
    name: 'change board',
    expect: adminOnly,
    prepare: async () => ({ url: `/api/boards/${await board()}`, payload: { name: 'Renamed' } }),
  },
  {
    method: 'POST',
    name: 'rotate board key',
    expect: adminOnly,
    prepare: async () => ({ url: `/api/boards/${await board()}/rotate-key` }),
  },
  {
    method: 'GET',
    name: 'candidate profile',
    expect: readers,
    prepare: async () => ({ url: `/api/candidates/${(await withResume()).candidateId}/profile` }),
  },
  {
    method: 'GET',
    name: 'templates for writing to candidates',
    expect: messagers,
    prepare: async () => ({ url: '/api/writing-templates' }),
  },
  {
    method: 'POST',
    name: 'preview a message to a candidate',
    expect: messagers,
    prepare: async () => {
      const application = await freshApplication();
      return {
        url: `/api/candidates/${application.candidateId}/messages/preview`,
        payload: {
          applicationId: application.id,
          subject: 'Hi {{recipientName}}',
          body: 'About {{jobTitle}}',
        },
      };
    },
  },
  {
    method: 'POST',
    name: 'write to a candidate from their profile',
    expect: messagers,
    prepare: async () => {
      const application = await freshApplication();
      return {
        url: `/api/candidates/${application.candidateId}/messages`,
        payload: { applicationId: application.id, subject: 'Hello', body: 'News soon.' },
      };
    },
  },
  {
    method: 'GET',
    name: 'download a file that came with a reply',
    expect: readers,
    prepare: async () => ({ url: `/api/message-attachments/${await withReplyFile()}` }),
  },
  {
    method: 'GET',
    name: 'my messages',
    expect: candidateOnly,
    prepare: async () => ({ url: '/api/me/messages' }),
  },
  {
    method: 'POST',
    name: 'answer in my portal',
    expect: candidateOnly,
    prepare: async () => ({
      url: '/api/me/messages',
      payload: { applicationId: portalApplicationId, body: 'Thank you.' },
    }),
  },
  {
    method: 'GET',
    name: 'candidate files',
    expect: readers,
    prepare: async () => ({ url: `/api/candidates/${(await withResume()).candidateId}/attachments` }),
  },
  {
    method: 'GET',
    name: 'download a file',
    expect: readers,
    prepare: async () => ({ url: `/api/attachments/${(await withResume()).attachmentId}` }),
  },
  {
    method: 'GET',
    name: 'vesting schedules',
    expect: offerReaders,
    prepare: async () => ({ url: '/api/vesting-schedules' }),
  },
  {
    method: 'POST',
    name: 'add vesting schedule',
    expect: adminOnly,
    prepare: async () => ({
      url: '/api/vesting-schedules',
      payload: {
        key: `own-${++n}`,
        name: 'Own',
        yearlyBps: [5000, 5000],
        cliffMonths: 0,
        frequency: 'monthly',
      },
    }),
  },
  { method: 'GET', name: 'list offers', expect: offerReaders, prepare: async () => ({ url: '/api/offers' }) },
  {
    method: 'GET',
    name: 'offers of an application',
    expect: offerReaders,
    prepare: async () => ({ url: `/api/applications/${(await offerAt('draft')).applicationId}/offers` }),
  },
  {
    method: 'POST',
    name: 'draft offer',
    expect: offerManagers,
    prepare: async () => ({
      url: `/api/applications/${(await applicationAtOffer()).id}/offers`,
      payload: { terms: offerTerms },
    }),
  },
  {
    method: 'GET',
    name: 'get offer',
    expect: offerReaders,
    prepare: async () => ({ url: `/api/offers/${(await offerAt('draft')).offerId}` }),
  },
  {
    method: 'POST',
    name: 'revise offer',
    expect: offerManagers,
    prepare: async () => ({
      url: `/api/offers/${(await offerAt('draft')).offerId}/revisions`,
      payload: { expectedRevision: 1, changes: { baseSalaryCents: 1 }, reason: 'Counter.' },
    }),
  },
  {
    method: 'POST',
    name: 'submit offer',
    expect: offerManagers,
    prepare: async () => ({ url: `/api/offers/${(await offerAt('draft')).offerId}/submit` }),
  },
  {
    method: 'POST',
    name: 'approve offer',
    expect: row(['ok', 'deny', 'deny', 'deny', 'ok', 'ok', 'deny']),
    prepare: async (role) => ({
      url: `/api/offers/${await offerAwaitingApproval(role)}/approvals`,
      payload: { decision: 'approve', note: 'Fine.' },
    }),
  },
  {
    method: 'POST',
    name: 'send offer',
    expect: offerManagers,
    prepare: async () => ({ url: `/api/offers/${(await offerAt('approved')).offerId}/send` }),
  },
  {
    method: 'POST',
    name: 'rescind offer',
    expect: offerManagers,
    prepare: async () => ({
      url: `/api/offers/${(await offerAt('sent')).offerId}/rescind`,
      payload: { reason: 'Budget.' },
    }),
  },
  {
    method: 'POST',
    name: 'record competing offer',
    expect: offerManagers,
    prepare: async () => ({
      url: `/api/applications/${(await freshApplication()).id}/competing-offers`,
      payload: {
        terms: { company: 'Other', currency: 'USD', baseSalaryCents: 1, vestingScheduleKey: 'even-25x4' },
      },
    }),
  },
  ...(['compensation', 'compensation.svg', 'letter', 'letter.pdf'] as const).map(
    (doc): Endpoint => ({
      method: 'GET',
      name: `offer ${doc}`,
      expect: offerReaders,
      prepare: async () => ({ url: `/api/offers/${(await offerAt('draft')).offerId}/${doc}` }),
    }),
  ),
  {
    method: 'GET',
    name: 'signed offer letter',
    expect: offerReaders,
    prepare: async () => ({
      url: `/api/offers/${(await offerAt('signed', portalCandidate())).offerId}/signed-letter.pdf`,
    }),
  },
  {
    method: 'GET',
    name: 'my signed offer letter',
    expect: candidateOnly,
    prepare: async () => ({
      url: `/api/me/offers/${(await offerAt('signed', portalCandidate())).offerId}/signed-letter.pdf`,
    }),
  },
  {
    method: 'POST',
    name: 'sign my offer',
    expect: candidateOnly,
    prepare: async () => ({
      url: `/api/me/offers/${(await offerAt('sent', portalCandidate())).offerId}/sign`,
      payload: { typedName: 'Portal Candidate', agree: true },
    }),
  },
  {
    method: 'GET',
    name: 'my offers',
    expect: candidateOnly,
    prepare: async () => ({ url: '/api/me/offers' }),
  },
  {
    method: 'GET',
    name: 'my offer',
    expect: candidateOnly,
    prepare: async () => ({ url: `/api/me/offers/${(await offerAt('sent', portalCandidate())).offerId}` }),
  },
  ...(['accept', 'decline'] as const).map(
    (answer): Endpoint => ({
      method: 'POST',
      name: `${answer} my offer`,
      expect: candidateOnly,
      prepare: async () => ({
        url: `/api/me/offers/${(await offerAt('sent', portalCandidate())).offerId}/${answer}`,
        payload: {},
      }),
    }),
  ),
  {
    method: 'POST',
    name: 'counter my offer',
    expect: candidateOnly,
    prepare: async () => ({
      url: `/api/me/offers/${(await offerAt('sent', portalCandidate())).offerId}/counters`,
      payload: { component: 'base', proposal: '+10%' },
    }),
  },
  {
    method: 'POST',
    name: 'share my competing offer',
    expect: candidateOnly,
    prepare: async () => ({
      url: `/api/me/applications/${(await offerAt('sent', portalCandidate())).applicationId}/competing-offers`,
      payload: {
        terms: { company: 'Other', currency: 'USD', baseSalaryCents: 1, vestingScheduleKey: 'even-25x4' },
      },
    }),
  },
  ...(['compensation', 'compensation.svg', 'letter', 'letter.pdf'] as const).map(
    (doc): Endpoint => ({
      method: 'GET',
      name: `my offer ${doc}`,
      expect: candidateOnly,
      prepare: async () => ({
        url: `/api/me/offers/${(await offerAt('sent', portalCandidate())).offerId}/${doc}`,
      }),
    }),
  ),
  {
    method: 'GET',
    name: 'funnel report',
    expect: readers,
    prepare: async () => ({ url: '/api/reports/funnel' }),
  },
  {
    method: 'GET',
    name: 'timing report',
    expect: readers,
    prepare: async () => ({ url: '/api/reports/timing' }),
  },
  {
    method: 'GET',
    name: 'weekly trends report',
    expect: readers,
    prepare: async () => ({ url: '/api/reports/trends' }),
  },
  {
    method: 'GET',
    name: 'applications behind a report figure',
    expect: readers,
    prepare: async () => ({ url: '/api/reports/applications?measure=applied' }),
  },
  {
    method: 'GET',
    name: 'pipeline of a job',
    expect: readers,
    prepare: async () => ({ url: `/api/jobs/${world.jobs.fullTimeA.id}/pipeline` }),
  },
  {
    method: 'GET',
    name: 'decision queue',
    expect: deciders,
    prepare: async () => ({ url: '/api/decision-queue' }),
  },
  {
    method: 'GET',
    name: 'my applications',
    expect: candidateOnly,
    prepare: async () => ({ url: '/api/me/applications' }),
  },
  {
    // Permitted to candidates; the address that confirms it is wrong here, so nobody is erased.
    method: 'POST',
    name: 'erase my data',
    expect: row(['deny', 'deny', 'deny', 'deny', 'deny', 'deny', 'validation.failed']),
    prepare: async () => ({ url: '/api/me/erasure', payload: { email: 'not.me@example.com' } }),
  },
  {
    method: 'GET',
    name: 'export my data',
    expect: candidateOnly,
    prepare: async () => ({ url: '/api/me/export' }),
  },
  {
    method: 'POST',
    name: 'apply as myself',
    expect: candidateOnly,
    prepare: async () => ({ url: '/api/me/applications', payload: { jobId: bigJob } }),
  },
  {
    method: 'POST',
    name: 'withdraw my application',
    expect: candidateOnly,
    prepare: async () => {
      const mine = ok(
        await submitApplication(world.deps, {
          actor: world.staff.recruiter,
          jobId: world.jobs.internA.id,
          candidate: { email: candidateEmail, firstName: 'Portal', lastName: 'Candidate' },
          source: 'test',
        }),
      ).application;
      return { url: `/api/me/applications/${mine.id}/withdraw`, payload: {} };
    },
  },
  {
    method: 'GET',
    name: 'my interviews as a candidate',
    expect: candidateOnly,
    prepare: async () => ({ url: '/api/me/interviews' }),
  },
  {
    method: 'GET',
    name: 'list interviewers',
    expect: row(['ok', 'ok', 'ok', 'deny', 'deny', 'deny', 'deny']),
    prepare: async () => ({ url: '/api/interviewers?limit=5' }),
  },
  {
    method: 'GET',
    name: 'interviewer availability',
    expect: allStaff,
    prepare: async () => ({ url: `/api/interviewers/${world.staff.interviewer.userId}/availability` }),
  },
  {
    method: 'PUT',
    name: 'save interviewer availability',
    expect: availabilityManagers,
    prepare: async () => ({
      url: `/api/interviewers/${world.staff.interviewer.userId}/availability`,
      payload: {
        weeklyHours: { '1': [['09:00', '17:00']] },
        weeklyCap: 5,
        roundTypes: ['coding'],
        levels: [],
        languages: ['en'],
        calendarUrl: null,
        expectedVersion: await profileVersion(world.staff.interviewer.userId),
      },
    }),
  },
  {
    method: 'PUT',
    name: 'set an availability override',
    expect: availabilityManagers,
    prepare: async () => ({
      url: `/api/interviewers/${world.staff.interviewer.userId}/overrides/2026-04-${String((n++ % 28) + 1).padStart(2, '0')}`,
      payload: { hours: [], reason: 'Leave' },
    }),
  },
  {
    method: 'DELETE',
    name: 'remove an availability override',
    expect: availabilityManagers,
    prepare: async () => {
      const day = `2026-05-${String((n++ % 28) + 1).padStart(2, '0')}`;
      await world.db
        .insertInto('availability_overrides')
        .values({
          user_id: world.staff.interviewer.userId,
          org_id: world.orgId,
          day,
          hours: '[]',
          reason: 'x',
        })
        .onConflict((oc) => oc.columns(['user_id', 'day']).doNothing())
        .execute();
      return { url: `/api/interviewers/${world.staff.interviewer.userId}/overrides/${day}` };
    },
  },
  {
    method: 'POST',
    name: 'import a calendar file',
    expect: availabilityManagers,
    prepare: async () => ({
      url: `/api/interviewers/${world.staff.interviewer.userId}/calendar`,
      payload: { ics: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nEND:VCALENDAR\r\n' },
    }),
  },
  {
    method: 'POST',
    name: 'sync the calendar feed',
    // Allowed callers get past the guard to "no feed URL set".
    expect: row([
      'validation.failed',
      'validation.failed',
      'validation.failed',
      'validation.failed',
      'deny',
      'deny',
      'deny',
    ]),
    prepare: async () => ({ url: `/api/interviewers/${world.staff.interviewer.userId}/calendar/sync` }),
  },
  {
    method: 'GET',
    name: 'interviewer free time',
    expect: allStaff,
    prepare: async () => ({
      url: `/api/interviewers/${world.staff.interviewer.userId}/free?from=2026-03-09T00:00:00Z&to=2026-03-14T00:00:00Z`,
    }),
  },
  {
    method: 'POST',
    name: 'send a scheduling link',
    expect: schedulers,
    prepare: async () => ({
      url: `/api/applications/${await applicationAtTech()}/scheduling-links`,
      payload: { roundKey: 'tech', interviewerIds: [world.staff.interviewer.userId], language: 'en' },
    }),
  },
  {
    method: 'GET',
    name: 'problems for assessments',
    expect: allStaff,
    prepare: async () => ({ url: '/api/problems' }),
  },
  {
    method: 'POST',
    name: 'send an assessment',
    expect: schedulers,
    prepare: async () => ({
      url: `/api/applications/${await applicationAtTech()}/assessments`,
      payload: { items: [{ kind: 'coding', slug: 'two-sum' }], durationMinutes: 45 },
    }),
  },
  {
    method: 'GET',
    name: "a case study's deliverable",
    expect: readers,
    prepare: async () => ({ url: await uploadedCaseStudy() }),
  },
  {
    method: 'POST',
    name: 'open a coding pad',
    expect: readers,
    prepare: async () => ({
      url: `/api/applications/${await applicationAtTech()}/pads`,
      payload: { problem: 'two-sum', language: 'python' },
    }),
  },
  {
    method: 'GET',
    name: "an application's coding pads",
    expect: readers,
    prepare: async () => ({ url: `/api/applications/${await applicationAtTech()}/pads` }),
  },
  {
    method: 'GET',
    name: 'a coding pad',
    expect: readers,
    prepare: async () => ({ url: `/api/pads/${await padOnTwoSum()}` }),
  },
  {
    method: 'POST',
    name: 'run a coding pad',
    expect: readers,
    prepare: async () => ({ url: `/api/pads/${await padOnTwoSum()}/run` }),
  },
  {
    method: 'GET',
    name: 'replay a coding pad',
    expect: readers,
    prepare: async () => ({ url: `/api/pads/${await padOnTwoSum()}/replay` }),
  },
  {
    method: 'GET',
    name: "an application's assessments",
    expect: readers,
    prepare: async () => ({ url: `/api/applications/${await applicationAtTech()}/assessments` }),
  },
  {
    method: 'POST',
    name: 'reschedule an interview',
    expect: schedulers,
    prepare: async () => ({
      url: `/api/interviews/${(await interviewWith('candidate')).interviewId}/reschedule`,
      payload: { startsAt: nextInterviewTime().toISOString(), reason: 'Interviewer ill' },
    }),
  },
  {
    method: 'POST',
    name: 'cancel an interview',
    expect: schedulers,
    prepare: async () => ({
      url: `/api/interviews/${(await interviewWith('candidate')).interviewId}/cancel`,
      payload: { reason: 'Role paused' },
    }),
  },
  {
    method: 'POST',
    name: 'plan interviews',
    expect: schedulers,
    prepare: async () => ({
      url: '/api/scheduling/plans',
      payload: {
        applicationIds: [await applicationAtTech()],
        from: '2026-03-09T00:00:00Z',
        to: '2026-03-14T00:00:00Z',
      },
    }),
  },
  // Second factors: every staff member manages their own (test/http/mfa.test.ts tests them through).
  {
    method: 'GET',
    name: 'my second factors',
    expect: ownAccount,
    prepare: async () => ({ url: '/api/account/mfa' }),
  },
  {
    method: 'POST',
    name: 'start setting up an authenticator app',
    expect: ownAccount,
    prepare: async () => ({ url: '/api/account/mfa/totp' }),
  },
  {
    method: 'POST',
    name: 'confirm an authenticator app',
    // Allowed callers get past the guard to "nothing being set up" (the row is cleared first).
    expect: row(Array(6).fill('mfa.not_enrolled').concat('deny'), 'mfa.not_enrolled'),
    prepare: async (role) => {
      await clearFactors(role);
      return { url: '/api/account/mfa/totp/confirm', payload: { code: '123456' } };
    },
  },
  {
    method: 'DELETE',
    name: 'remove my authenticator app',
    expect: row(Array(6).fill('mfa.not_enrolled').concat('deny'), 'mfa.not_enrolled'),
    prepare: async (role) => {
      await clearFactors(role);
      return { url: '/api/account/mfa/totp' };
    },
  },
  {
    method: 'POST',
    name: 'passkey registration options',
    expect: ownAccount,
    prepare: async () => ({ url: '/api/account/mfa/passkeys/options' }),
  },
  {
    method: 'POST',
    name: 'register a passkey',
    expect: row(Array(6).fill('mfa.passkey_invalid').concat('deny'), 'mfa.passkey_invalid'),
    prepare: async () => ({
      url: '/api/account/mfa/passkeys',
      payload: { response: { id: 'not-a-credential' } },
    }),
  },
  {
    method: 'DELETE',
    name: 'remove a passkey',
    expect: row(Array(6).fill('mfa.not_enrolled').concat('deny'), 'mfa.not_enrolled'),
    prepare: async () => ({ url: '/api/account/mfa/passkeys/not-a-credential' }),
  },
  {
    method: 'POST',
    name: 'new recovery codes',
    expect: row(Array(6).fill('mfa.not_enrolled').concat('deny'), 'mfa.not_enrolled'),
    prepare: async () => ({ url: '/api/account/mfa/recovery-codes' }),
  },
  {
    method: 'POST',
    name: "reset a user's MFA",
    expect: adminOnly,
    prepare: async () => ({ url: `/api/users/${world.staff.interviewer.userId}/mfa/reset` }),
  },
  // Single sign-on, the MFA requirement and SCIM tokens: admins only.
  {
    method: 'GET',
    name: 'the OpenID Connect connection',
    expect: adminOnly,
    prepare: async () => ({ url: '/api/sso/connection' }),
  },
  {
    method: 'PUT',
    name: 'connect an OpenID provider',
    expect: adminOnly,
    prepare: async () => ({
      url: '/api/sso/connection',
      payload: {
        displayName: 'Okta',
        issuer: 'https://idp.example',
        clientId: 'client',
        clientSecret: 'secret',
        defaultRoles: ['interviewer'],
        groupsClaim: 'groups',
        // Off, so password sign-in of the other cells is not affected.
        enabled: false,
      },
    }),
  },
  {
    method: 'GET',
    name: 'group mappings',
    expect: adminOnly,
    prepare: async () => ({ url: '/api/sso/group-mappings' }),
  },
  {
    method: 'PUT',
    name: 'save group mappings',
    expect: adminOnly,
    prepare: async () => ({
      url: '/api/sso/group-mappings',
      payload: { mappings: [{ group: 'Recruiting', roles: ['recruiter'], teamIds: [world.teams.A] }] },
    }),
  },
  {
    method: 'GET',
    name: 'the security policy',
    expect: adminOnly,
    prepare: async () => ({ url: '/api/security/policy' }),
  },
  {
    method: 'PUT',
    name: 'save the security policy',
    expect: adminOnly,
    prepare: async () => ({
      url: '/api/security/policy',
      payload: { mfaRequired: 'none', passwordSignIn: 'everyone' },
    }),
  },
  {
    method: 'GET',
    name: 'SCIM tokens',
    expect: adminOnly,
    prepare: async () => ({ url: '/api/scim-tokens' }),
  },
  {
    method: 'POST',
    name: 'create a SCIM token',
    expect: adminOnly,
    prepare: async () => ({ url: '/api/scim-tokens', payload: { name: 'Okta' } }),
  },
  {
    method: 'DELETE',
    name: 'revoke a SCIM token',
    expect: adminOnly,
    prepare: async () => {
      const created = ok(await createScimToken(world.deps, { actor: world.staff.admin, name: 'x' }));
      return { url: `/api/scim-tokens/${created.id}` };
    },
  },
  // Notes, tags, views, search, the inbox and merges.
  {
    method: 'GET',
    name: 'notes',
    // Interviewers read notes only on candidates whose scorecards they submitted (R-FB-3).
    expect: row(['ok', 'ok', 'ok', 'feedback.not_allowed', 'ok', 'ok', 'deny']),
    prepare: async () => ({ url: `/api/notes?applicationId=${(await freshApplication()).id}` }),
  },
  {
    method: 'POST',
    name: 'write note',
    expect: readers,
    prepare: async () => ({
      url: '/api/notes',
      payload: { applicationId: (await freshApplication()).id, body: 'Strong **Go** background' },
    }),
  },
  {
    method: 'PATCH',
    name: 'edit note',
    expect: readers,
    prepare: async (role) => ({
      url: `/api/notes/${await noteBy(role)}`,
      payload: { body: 'Edited', version: 1 },
    }),
  },
  {
    method: 'GET',
    name: 'note revisions',
    expect: row(['ok', 'ok', 'ok', 'feedback.not_allowed', 'ok', 'ok', 'deny']),
    prepare: async () => ({ url: `/api/notes/${await noteBy('recruiter')}/revisions` }),
  },
  {
    method: 'GET',
    name: 'mentionable staff',
    expect: readers,
    prepare: async () => ({ url: '/api/notes/mentionable?q=h' }),
  },
  { method: 'GET', name: 'my inbox', expect: allStaff, prepare: async () => ({ url: '/api/inbox' }) },
  {
    method: 'GET',
    name: 'my unread count',
    expect: allStaff,
    prepare: async () => ({ url: '/api/inbox/unread' }),
  },
  {
    method: 'PUT',
    name: 'mark a notification read',
    expect: allStaff,
    prepare: async (role) => ({ url: `/api/inbox/${await noticeFor(role)}/read`, payload: { read: true } }),
  },
  {
    method: 'POST',
    name: 'mark all read',
    expect: allStaff,
    prepare: async () => ({ url: '/api/inbox/read-all' }),
  },
  {
    method: 'GET',
    name: 'my inbox settings',
    expect: allStaff,
    prepare: async () => ({ url: '/api/inbox/settings' }),
  },
  {
    method: 'PUT',
    name: 'change my inbox settings',
    expect: allStaff,
    prepare: async () => ({ url: '/api/inbox/settings', payload: { emailKinds: ['mention'] } }),
  },
  { method: 'GET', name: 'tags', expect: readers, prepare: async () => ({ url: '/api/tags' }) },
  {
    method: 'POST',
    name: 'create tag',
    expect: readers,
    prepare: async () => ({ url: '/api/tags', payload: { name: `Tag ${++n}` } }),
  },
  {
    method: 'PATCH',
    name: 'rename tag',
    expect: readers,
    prepare: async () => ({ url: `/api/tags/${await aTag()}`, payload: { name: `Renamed ${++n}` } }),
  },
  {
    method: 'DELETE',
    name: 'delete tag',
    expect: mergers,
    prepare: async () => ({ url: `/api/tags/${await aTag()}` }),
  },
  {
    method: 'POST',
    name: 'tag many candidates',
    expect: readers,
    prepare: async () => ({
      url: `/api/tags/${await aTag()}/candidates`,
      payload: { action: 'add', candidateIds: [(await freshApplication()).candidateId] },
    }),
  },
  {
    method: 'GET',
    name: 'candidate tags',
    expect: readers,
    prepare: async () => ({ url: `/api/candidates/${(await freshApplication()).candidateId}/tags` }),
  },
  {
    method: 'PUT',
    name: 'tag a candidate',
    expect: readers,
    prepare: async () => ({
      url: `/api/candidates/${(await freshApplication()).candidateId}/tags/${await aTag()}`,
    }),
  },
  {
    method: 'DELETE',
    name: 'untag a candidate',
    expect: readers,
    prepare: async () => ({
      url: `/api/candidates/${(await freshApplication()).candidateId}/tags/${await aTag()}`,
    }),
  },
  {
    method: 'PUT',
    name: 'set candidate owner',
    expect: readers,
    prepare: async () => ({
      url: `/api/candidates/${(await freshApplication()).candidateId}/owner`,
      payload: { userId: world.staff.recruiter.userId },
    }),
  },
  {
    method: 'GET',
    name: 'saved views',
    expect: readers,
    prepare: async () => ({ url: '/api/views?list=candidates' }),
  },
  {
    method: 'POST',
    name: 'save view',
    expect: readers,
    prepare: async () => ({
      url: '/api/views',
      payload: { list: 'candidates', name: `Mine ${++n}`, filters: { source: 'test' } },
    }),
  },
  {
    method: 'DELETE',
    name: 'remove view',
    expect: readers,
    prepare: async (role) => ({ url: `/api/views/${await viewBy(role)}` }),
  },
  {
    method: 'GET',
    name: 'global search',
    expect: readers,
    prepare: async () => ({ url: '/api/search?q=cand' }),
  },
  {
    method: 'POST',
    name: 'merge candidates',
    expect: mergers,
    prepare: async () => ({ url: '/api/candidate-merges', payload: await twoPeople() }),
  },
  {
    method: 'POST',
    name: 'confirm merge',
    expect: mergers,
    prepare: async () => ({ url: `/api/candidate-merges/${await pendingMerge()}/confirm` }),
  },
  {
    method: 'POST',
    name: 'undo merge',
    expect: mergers,
    prepare: async () => ({ url: `/api/candidate-merges/${await pendingMerge()}/undo` }),
  },
  {
    method: 'GET',
    name: 'merges of a candidate',
    expect: readers,
    prepare: async () => ({ url: `/api/candidates/${(await freshApplication()).candidateId}/merges` }),
  },
  {
    method: 'GET',
    name: 'mock interviews in my portal',
    expect: candidateOnly,
    prepare: async () => ({ url: '/api/me/mock' }),
  },
  {
    method: 'GET',
    name: 'open mock interview slots',
    expect: candidateOnly,
    prepare: async () => ({ url: '/api/me/mock/slots?roundType=coding' }),
  },
  {
    method: 'POST',
    name: 'book a mock interview',
    expect: candidateOnly,
    prepare: async (role) => {
      if (role !== 'candidate')
        return {
          url: '/api/me/mock/sessions',
          payload: { roundType: 'coding', startsAt: '2026-03-04T10:00:00Z' },
        };
      // A practice interviewer of its own: the others' weeks fill up with the table's interviews.
      const coachId = randomUUID();
      await world.db
        .insertInto('users')
        .values({
          id: coachId,
          org_id: world.orgId,
          email: `practice.${coachId}@example.com`,
          email_normalized: `practice.${coachId}@example.com`,
          name: `Practice coach ${++n}`,
          timezone: 'UTC',
          password_hash: 'unused',
          roles: ['interviewer'],
          team_ids: [],
          created_at: new Date('2026-01-01T00:00:00Z'),
        })
        .execute();
      await world.deps.transaction(async (store) => {
        await store.mock.saveCoach(
          world.orgId,
          coachId,
          { active: true, roundTypes: ['coding'] },
          new Date('2026-01-01T00:00:00Z'),
        );
        return { ok: true as const, value: null };
      });
      const slots = await app.inject({
        method: 'GET',
        url: '/api/me/mock/slots?roundType=coding',
        headers: { cookie: cookies.candidate },
      });
      return {
        url: '/api/me/mock/sessions',
        payload: { roundType: 'coding', startsAt: slots.json().items[0].startsAt },
      };
    },
  },
  {
    method: 'POST',
    name: 'cancel my mock interview',
    expect: candidateOnly,
    prepare: async (role) => ({
      url: `/api/me/mock/sessions/${await mockSession(role, 'ahead')}/cancel`,
      payload: { reason: 'A clash with an exam.' },
    }),
  },
  {
    method: 'POST',
    name: "record my practice interviewer's absence",
    expect: candidateOnly,
    prepare: async (role) => ({ url: `/api/me/mock/sessions/${await mockSession(role, 'begun')}/no-show` }),
  },
  {
    method: 'GET',
    name: 'mock interview settings',
    expect: allStaff,
    prepare: async () => ({ url: '/api/mock/settings' }),
  },
  {
    method: 'PUT',
    name: 'mock interview settings',
    expect: adminOnly,
    prepare: async () => ({
      url: '/api/mock/settings',
      payload: { enabled: true, maxSessions: 2, windowDays: 30 },
    }),
  },
  {
    method: 'GET',
    name: 'my practice interviewing',
    expect: allStaff,
    prepare: async () => ({ url: '/api/mock/coach' }),
  },
  {
    method: 'PUT',
    name: 'volunteer as a practice interviewer',
    expect: allStaff,
    prepare: async () => ({ url: '/api/mock/coach', payload: { active: true, roundTypes: ['coding'] } }),
  },
  {
    method: 'GET',
    name: 'the mock interviews I coach',
    expect: allStaff,
    prepare: async () => ({ url: '/api/mock/sessions' }),
  },
  {
    method: 'GET',
    name: 'a mock interview I coach',
    expect: allStaff,
    prepare: async (role) => ({ url: `/api/mock/sessions/${await mockSession(role, 'ahead')}` }),
  },
  {
    method: 'POST',
    name: 'open a mock interview pad',
    expect: allStaff,
    prepare: async (role) => ({
      url: `/api/mock/sessions/${await mockSession(role, 'ahead')}/pad`,
      payload: {},
    }),
  },
  {
    method: 'POST',
    name: 'cancel a mock interview I coach',
    expect: allStaff,
    prepare: async (role) => ({
      url: `/api/mock/sessions/${await mockSession(role, 'ahead')}/cancel`,
      payload: { reason: 'Travelling that week.' },
    }),
  },
  {
    method: 'POST',
    name: "record a candidate's absence from a mock interview",
    expect: allStaff,
    prepare: async (role) => ({ url: `/api/mock/sessions/${await mockSession(role, 'begun')}/no-show` }),
  },
  {
    method: 'POST',
    name: 'write a coaching card',
    expect: allStaff,
    prepare: async (role) => ({
      url: `/api/mock/sessions/${await mockSession(role, 'begun')}/card`,
      payload: codingCard(),
    }),
  },
  // Retention: admins only, by session (a purge erases candidates in bulk).
  {
    method: 'GET',
    name: 'retention policies',
    expect: adminOnly,
    prepare: async () => ({ url: '/api/retention/policies' }),
  },
  {
    method: 'PUT',
    name: "set an office's retention policy",
    expect: adminOnly,
    prepare: async () => {
      const officeId = await retentionOffice();
      const version = (
        await world.db
          .selectFrom('retention_policies')
          .select('version')
          .where('office_id', '=', officeId)
          .executeTakeFirst()
      )?.version;
      return {
        url: `/api/retention/policies/${officeId}`,
        payload: {
          rejectedMonths: 6,
          withdrawnMonths: 3,
          closedMonths: null,
          consentMonths: 12,
          renewalNoticeDays: 30,
          version: version ?? 0,
        },
      };
    },
  },
  {
    method: 'GET',
    name: 'legal holds',
    expect: adminOnly,
    prepare: async () => ({ url: '/api/retention/holds' }),
  },
  {
    method: 'POST',
    name: 'place a legal hold',
    expect: adminOnly,
    prepare: async () => ({
      url: '/api/retention/holds',
      payload: { candidateId: (await freshApplication()).candidateId, reason: 'A claim was filed.' },
    }),
  },
  {
    method: 'POST',
    name: 'release a legal hold',
    expect: adminOnly,
    prepare: async () => {
      const hold = ok(
        await placeLegalHold(world.deps, {
          actor: world.staff.admin,
          candidateId: (await freshApplication()).candidateId,
          reason: 'A claim was filed.',
        }),
      );
      return { url: `/api/retention/holds/${hold.id}/release` };
    },
  },
  {
    method: 'POST',
    name: 'retention dry run',
    expect: adminOnly,
    prepare: async () => ({ url: '/api/retention/dry-run' }),
  },
  {
    method: 'POST',
    name: 'retention purge',
    expect: adminOnly,
    prepare: async () => ({ url: '/api/retention/purge', payload: {} }),
  },
  {
    method: 'GET',
    name: 'retention runs',
    expect: adminOnly,
    prepare: async () => ({ url: '/api/retention/runs' }),
  },
  {
    method: 'GET',
    name: 'one retention run',
    expect: adminOnly,
    prepare: async () => {
      const run = ok(
        await runPurge(world.deps, {
          orgId: world.orgId,
          actor: world.staff.admin,
          dry: true,
          videoRoomBaseUrl: 'https://meet.example/',
        }),
      );
      return { url: `/api/retention/runs/${run.id}` };
    },
  },
  {
    method: 'GET',
    name: 'my consent to future jobs',
    expect: candidateOnly,
    prepare: async () => ({ url: '/api/me/consent' }),
  },
  {
    method: 'POST',
    name: 'renew my consent to future jobs',
    expect: candidateOnly,
    prepare: async () => ({ url: '/api/me/consent', payload: {} }),
  },
  {
    method: 'DELETE',
    name: 'withdraw my consent to future jobs',
    expect: candidateOnly,
    prepare: async () => ({ url: '/api/me/consent' }),
  },
];

/** A staff member's authenticator app and passkeys removed, so each cell starts from none. */
async function clearFactors(role: Role) {
  if (role === 'candidate') return;
  const userId = world.staff[role].userId;
  await world.db.deleteFrom('mfa_totp').where('user_id', '=', userId).execute();
  await world.db.deleteFrom('webauthn_credentials').where('user_id', '=', userId).execute();
}

beforeAll(async () => {
  database = await openTestDatabase();
  const clock = new TestClock();
  world = await buildWorld(database, clock);
  world.staff.compliance = await addStaffMember(world, clock, 'compliance', ['compliance']);
  // Every application carries self-identification, so every cell can check that none comes back.
  await selfIdentifyEveryApplication(database);
  app = await buildTestApp(database, clock);
  const job = ok(
    await createJob(world.deps, {
      actor: world.staff.recruiter,
      fields: {
        ...jobBody(),
        employmentType: 'full_time',
        jobFamily: 'full_time',
        headcount: 100,
        officeIds: [],
      },
    }),
  );
  bigJob = ok(
    await transitionJob(world.deps, { actor: world.staff.recruiter, jobId: job.id, to: 'open' }),
  ).id;
  for (const role of roles) {
    if (role === 'candidate') continue;
    cookies[role] = await loginAs(app, world.slug, world.staff[role].email);
  }
  const portalApplication = ok(
    await submitApplication(world.deps, {
      actor: world.staff.recruiter,
      jobId: world.jobs.internB.id,
      candidate: { email: candidateEmail, firstName: 'Portal', lastName: 'Candidate' },
      source: 'test',
    }),
  ).application;
  portalApplicationId = portalApplication.id;
  ok(
    await writeToCandidate(
      { ...world.deps, renderer: messageRenderer },
      {
        actor: world.staff.recruiter,
        candidateId: portalApplication.candidateId,
        applicationId: portalApplication.id,
        subject: 'Hello',
        body: 'Any questions?',
      },
    ),
  );
  cookies.candidate = await candidateLogin(app, database, world.slug, candidateEmail);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('role × endpoint', () => {
  it('covers every API route', () => {
    const covered = new Set(endpoints.map((e) => `${e.method} ${e.name}`));
    expect(covered.size).toBe(endpoints.length);
    const documented = Object.entries(app.swagger().paths ?? {}).flatMap(([path, ops]) =>
      Object.keys(ops ?? {}).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const publicRoutes = [
      'POST /api/auth/login',
      'POST /api/auth/logout',
      'POST /api/auth/candidate-links',
      'POST /api/auth/candidate-links/redeem',
      // Password resets for the signed-out (tested in test/http/password-reset.test.ts).
      'POST /api/auth/password-resets',
      'POST /api/auth/password-resets/redeem',
      // The session probe answers everyone: 204 to nobody signed in (tested in test/http/words.test.ts).
      'GET /api/auth/session',
      // Self-scheduling: the link's token is the credential (tested in test/http/scheduling.test.ts).
      'GET /api/scheduling/{token}',
      'POST /api/scheduling/{token}/book',
      'POST /api/scheduling/{token}/reschedule',
      'POST /api/scheduling/{token}/cancel',
      // Assessments: the emailed link's token is the credential (tested in test/http/assessments.test.ts).
      'GET /api/assessments/{token}',
      'POST /api/assessments/{token}/start',
      'PUT /api/assessments/{token}/answers/{item}',
      'POST /api/assessments/{token}/answers/{item}/run',
      'PUT /api/assessments/{token}/answers/{item}/file',
      // The candidate's side of a coding pad: the link's token (tested in test/http/pads.test.ts).
      'GET /api/pad-links/{token}',
      'POST /api/assessments/{token}/events',
      'POST /api/assessments/{token}/submit',
      // The public practice space: the organisation's published link is the credential (test/http/practice.test.ts).
      'GET /api/practice/{token}',
      'POST /api/practice/{token}/{kind}/{slug}/run',
      'POST /api/practice/{token}/{kind}/{slug}/submit',
      // The public job board API: reads are open, applying takes the board's key (test/http/job-board.test.ts).
      'GET /v1/boards/{token}',
      'GET /v1/boards/{token}/jobs',
      'GET /v1/boards/{token}/jobs/{id}',
      'POST /v1/boards/{token}/jobs/{id}',
      'GET /v1/boards/{token}/departments',
      'GET /v1/boards/{token}/departments/{id}',
      'GET /v1/boards/{token}/offices',
      'GET /v1/boards/{token}/offices/{id}',
      // A sign-in waiting for its second factor: the pending cookie is the credential (test/http/mfa.test.ts,
      // test/e2e/passkeys.browser.test.ts).
      'POST /api/auth/mfa/totp',
      'POST /api/auth/mfa/recovery-code',
      'POST /api/auth/mfa/passkey/options',
      'POST /api/auth/mfa/passkey',
      // A passkey alone: the browser's cookie and the passkey are the credential (test/e2e/passkeys.browser.test.ts).
      'POST /api/auth/passkey/options',
      'POST /api/auth/passkey',
      // Single sign-on: the provider's button, and the redirect flow (test/integration/oidc.test.ts).
      'GET /api/sso/provider',
      'GET /api/sso/start',
      'GET /api/sso/callback',
      // SCIM: the organisation's SCIM bearer token is the credential (test/http/scim.test.ts).
      'GET /scim/v2/ServiceProviderConfig',
      'GET /scim/v2/Schemas',
      'GET /scim/v2/ResourceTypes',
      'GET /scim/v2/Users',
      'POST /scim/v2/Users',
      'GET /scim/v2/Users/{id}',
      'PUT /scim/v2/Users/{id}',
      'PATCH /scim/v2/Users/{id}',
      'DELETE /scim/v2/Users/{id}',
      'GET /scim/v2/Groups',
      'POST /scim/v2/Groups',
      'GET /scim/v2/Groups/{id}',
      'PUT /scim/v2/Groups/{id}',
      'PATCH /scim/v2/Groups/{id}',
      'DELETE /scim/v2/Groups/{id}',
    ];
    expect(documented.filter((r) => !publicRoutes.includes(r))).toHaveLength(endpoints.length);
  });

  for (const endpoint of endpoints) {
    describe(`${endpoint.method} ${endpoint.name}`, () => {
      it('refuses an anonymous caller with 401', async () => {
        const { url, payload } = await endpoint.prepare('admin');
        const response = await app.inject({ method: endpoint.method, url, payload: payload as object });
        expect(response.statusCode).toBe(401);
        expect(errorCode(response)).toBe('auth.required');
      });
      for (const role of roles) {
        const expected = endpoint.expect[role];
        it(`${role}: ${expected}`, async () => {
          const { url, payload } = await endpoint.prepare(role);
          const response = await app.inject({
            method: endpoint.method,
            url,
            payload: payload as object,
            headers: { cookie: cookies[role] },
          });
          // Only the compliance role's own report speaks of self-identification, and as counts.
          if (!(role === 'compliance' && endpoint.name.startsWith('the adverse-impact report')))
            expect(response.body, 'self-identification in the response').not.toMatch(selfIdentificationLeak);
          if (expected === 'ok') {
            expect(response.statusCode, response.body).toBeLessThan(300);
          } else if (expected === 'deny') {
            expect(response.statusCode, response.body).toBe(403);
            expect(errorCode(response)).toBe('permission.denied');
          } else {
            expect(errorCode(response), response.body).toBe(expected);
          }
        });
      }
    });
  }

  it('every application made by the cells carries self-identification, which the marker finds', async () => {
    const counts = await sql<{ applications: number; identified: number }>`
      SELECT (SELECT count(*)::int FROM applications) AS applications,
             (SELECT count(*)::int FROM self_identifications) AS identified`.execute(world.db);
    expect(counts.rows[0]!.applications).toBeGreaterThan(100);
    expect(counts.rows[0]!.identified).toBe(counts.rows[0]!.applications);
    const stored = await world.db.selectFrom('self_identifications').selectAll().limit(1).execute();
    expect(JSON.stringify(stored)).toMatch(selfIdentificationLeak);
  });
});

/**
 * The same table with API tokens instead of cookies. For each endpoint, the first staff role the
 * table lets in (the admin when none does) calls it with a personal token holding every scope that
 * role can use, and gets the cookie's answer, except where only a session will do; an
 * organisation token with every scope reaches what the table gives any role; and a token with no
 * scope is refused everywhere but "who am I".
 */
const sessionOnly = new Set([
  'GET my sessions',
  'DELETE end one of my sessions',
  'POST end my other sessions',
  'POST change my password',
  'POST open a coding pad',
  "GET an application's coding pads",
  'GET a coding pad',
  'POST run a coding pad',
  'GET replay a coding pad',
  "GET an application's assessments",
  "GET a case study's deliverable",
  'GET my API tokens',
  'POST make my API token',
  'DELETE revoke my API token',
  "GET the organisation's API tokens",
  'POST make an organisation API token',
  'DELETE revoke an organisation API token',
  'GET my second factors',
  'POST start setting up an authenticator app',
  'POST confirm an authenticator app',
  'DELETE remove my authenticator app',
  'POST passkey registration options',
  'POST register a passkey',
  'DELETE remove a passkey',
  'POST new recovery codes',
  'GET my practice interviewing',
  'PUT volunteer as a practice interviewer',
  'GET the mock interviews I coach',
  'GET a mock interview I coach',
  'POST open a mock interview pad',
  'POST cancel a mock interview I coach',
  "POST record a candidate's absence from a mock interview",
  'POST write a coaching card',
  'GET retention policies',
  "PUT set an office's retention policy",
  'GET legal holds',
  'POST place a legal hold',
  'POST release a legal hold',
  'POST retention dry run',
  'POST retention purge',
  'GET retention runs',
  'GET one retention run',
  'GET the adverse-impact report',
  'GET the adverse-impact report as LL144 CSV',
]);

describe('API token × endpoint', () => {
  const full = {} as Record<Role, string>;
  const empty = {} as Record<Role, string>;
  let organisation: string;
  beforeAll(async () => {
    for (const role of roles) {
      if (role === 'candidate') continue;
      const actor = world.staff[role];
      const make = async (scopes: Scope[]) =>
        ok(
          await createApiToken(world.deps, {
            actor,
            kind: 'personal',
            name: role,
            scopes,
            expiresInDays: null,
          }),
        ).token;
      full[role] = await make(scopesFor(actor.roles));
      empty[role] = await make([]);
    }
    organisation = ok(
      await createApiToken(world.deps, {
        actor: world.staff.admin,
        kind: 'organisation',
        name: 'everything',
        scopes: [...scopeNames],
        expiresInDays: null,
      }),
    ).token;
  });

  const check = (response: Awaited<ReturnType<App['inject']>>, expected: Cell) => {
    if (expected === 'ok') expect(response.statusCode, response.body).toBeLessThan(300);
    else if (expected === 'deny') {
      expect(response.statusCode, response.body).toBe(403);
      expect(errorCode(response)).toBe('permission.denied');
    } else expect(errorCode(response), response.body).toBe(expected);
  };

  for (const endpoint of endpoints) {
    const key = `${endpoint.method} ${endpoint.name}`;
    const role = roles.find((r) => r !== 'candidate' && endpoint.expect[r] !== 'deny') ?? 'admin';
    const staffOnlyRoute = roles.every((r) => r === 'candidate' || endpoint.expect[r] === 'deny');
    describe(key, () => {
      it(`${role}'s token with all their scopes: as their cookie, or a session is required`, async () => {
        const { url, payload } = await endpoint.prepare(role);
        const response = await app.inject({
          method: endpoint.method,
          url,
          payload: payload as object,
          headers: { authorization: `Bearer ${full[role]}` },
        });
        check(response, sessionOnly.has(key) ? 'token.session_required' : endpoint.expect[role]);
      });
      it('a token without scopes is refused', async () => {
        const { url, payload } = await endpoint.prepare(role);
        const response = await app.inject({
          method: endpoint.method,
          url,
          payload: payload as object,
          headers: { authorization: `Bearer ${empty[role]}` },
        });
        if (key === 'GET who am I') check(response, 'ok');
        else expect(response.statusCode, response.body).toBe(403);
      });
      it('an organisation token reaches what some staff role may, never a candidate’s endpoints', async () => {
        const { url, payload } = await endpoint.prepare('admin');
        const response = await app.inject({
          method: endpoint.method,
          url,
          payload: payload as object,
          headers: { authorization: `Bearer ${organisation}` },
        });
        if (sessionOnly.has(key)) check(response, 'token.session_required');
        else if (staffOnlyRoute) check(response, 'deny');
        // Finer rules may still say no (only the decider undoes a decision); the table never does.
        else if (response.statusCode === 403)
          expect(errorCode(response), response.body).not.toBe('permission.denied');
      });
    });
  }
});
