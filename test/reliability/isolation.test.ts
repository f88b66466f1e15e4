import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApiToken } from '../../src/core/accounts/create-api-token.js';
import { createGroup, createScimToken } from '../../src/core/accounts/scim-groups.js';
import { decideApplicationRound } from '../../src/core/applications/decide-round.js';
import { submitApplication } from '../../src/core/applications/submit-application.js';
import { mergeCandidates } from '../../src/core/merges/merge-candidates.js';
import { writeNote } from '../../src/core/notes/write-note.js';
import { createOffer } from '../../src/core/offers/create-offer.js';
import { scheduleInterview } from '../../src/core/scheduling/schedule-interview.js';
import { scopeNames, scopesFor } from '../../src/core/shared/permissions.js';
import { createTag } from '../../src/core/tags/create-tag.js';
import { saveView } from '../../src/core/tags/save-view.js';
import { tagCandidates } from '../../src/core/tags/tag-candidates.js';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { conversationWithReplyFile } from '../support/conversations.js';
import { openTestDatabase } from '../support/db.js';
import { buildTestApp, candidateLogin, loginAs } from '../support/http.js';
import { buildWorld, ok, TestClock, type World } from '../support/world.js';

let database: Database;
let app: App;
let victim: World;
let intruder: World;
const victimIds = new Set<string>();
let routes: { method: string; path: string }[] = [];
let victimCandidateId = '';
let victimOtherCandidateId = '';
const victimCandidate = () => victimCandidateId;
const victimOtherCandidate = () => victimOtherCandidateId;

const intruderCookies: Record<string, string> = {};
const intruderTokens: Record<string, string> = {};

/** Org A with one of everything; org B's people then try every endpoint against A's ids. */
beforeAll(async () => {
  database = await openTestDatabase();
  const clock = new TestClock();
  victim = await buildWorld(database, clock);
  intruder = await buildWorld(database, clock);
  app = await buildTestApp(database, clock);
  const person = victim.candidate();
  const application = ok(
    await submitApplication(victim.deps, {
      actor: victim.staff.recruiter,
      jobId: victim.jobs.fullTimeA.id,
      candidate: person,
      source: 'test',
    }),
  ).application;
  ok(
    await decideApplicationRound(victim.deps, {
      actor: victim.staff.recruiter,
      applicationId: application.id,
      roundKey: 'resume',
      decision: 'advance',
      rationale: 'ok',
      overrideReason: 'Decided in the test without its interview.',
    }),
  );
  const interview = ok(
    await scheduleInterview(victim.deps, {
      actor: victim.staff.coordinator,
      applicationId: application.id,
      roundKey: 'tech',
      startsAt: new Date('2026-03-05T10:00:00Z'),
      interviewerIds: [victim.staff.interviewer.userId],
      language: 'en',
    }),
  );
  const atOffer = ok(
    await submitApplication(victim.deps, {
      actor: victim.staff.recruiter,
      jobId: victim.jobs.fullTimeA.id,
      candidate: victim.candidate(),
      source: 'test',
    }),
  ).application;
  for (const [roundKey, actor] of [
    ['resume', victim.staff.recruiter],
    ['tech', victim.staff.hiring_manager],
    ['hr', victim.staff.hr],
  ] as const) {
    ok(
      await decideApplicationRound(victim.deps, {
        actor,
        applicationId: atOffer.id,
        roundKey,
        decision: 'advance',
        rationale: 'ok',
        overrideReason: 'Decided in the test without its interview.',
      }),
    );
  }
  const offer = ok(
    await createOffer(victim.deps, {
      actor: victim.staff.recruiter,
      applicationId: atOffer.id,
      terms: {
        currency: 'USD',
        baseSalaryCents: 1,
        signOn: { amountCents: 0, instalments: 1, clawbackMonths: 0 },
        targetBonusBps: 0,
        equity: { kind: 'value', valueCents: 0 },
        startDate: '2026-06-01',
        expiresAt: '2026-06-01T00:00:00Z',
        level: 'L',
        location: 'x',
      },
    }),
  );
  // A conversation with a reply carrying a file: its ids join the ones the intruder tries.
  const conversation = await conversationWithReplyFile(victim, application);
  // Their directory: a SCIM token, a group and a passkey an intruder might name by id.
  const scimToken = ok(await createScimToken(victim.deps, { actor: victim.staff.admin, name: 'IdP' }));
  const group = ok(
    await createGroup(victim.deps, {
      orgId: victim.orgId,
      displayName: 'Recruiters',
      externalId: null,
      memberIds: [],
    }),
  );
  // Notes, tags, views, merges and an inbox notice of this organisation.
  const noteId = ok(
    await writeNote(victim.deps, {
      actor: victim.staff.recruiter,
      target: { applicationId: application.id },
      body: 'Ours',
      mentions: [victim.staff.hiring_manager.userId],
    }),
  ).id;
  const tagId = ok(await createTag(victim.deps, { actor: victim.staff.recruiter, name: 'Ours' })).id;
  ok(
    await tagCandidates(victim.deps, {
      actor: victim.staff.recruiter,
      tagId,
      candidateIds: [application.candidateId],
      action: 'add',
    }),
  );
  const viewId = ok(
    await saveView(victim.deps, {
      actor: victim.staff.recruiter,
      list: 'candidates',
      name: 'Ours',
      filters: {},
      shared: true,
    }),
  ).id;
  const duplicate = await victim.apply(victim.candidate(), victim.jobs.internA.id);
  const mergeId = ok(
    await mergeCandidates(victim.deps, {
      actor: victim.staff.recruiter,
      keptId: atOffer.candidateId,
      mergedId: duplicate.candidateId,
    }),
  ).merge.id;
  const notice = await victim.db
    .selectFrom('staff_notifications')
    .select('id')
    .where('org_id', '=', victim.orgId)
    .executeTakeFirstOrThrow();
  for (const id of [
    noteId,
    tagId,
    viewId,
    mergeId,
    notice.id,
    atOffer.candidateId,
    application.id,
    application.candidateId,
    atOffer.id,
    interview.id,
    offer.id,
    victim.processes.A.id,
    victim.teams.A,
    victim.staff.recruiter.userId,
    ...Object.values(victim.jobs).map((j) => j.id),
    conversation.fileId,
    conversation.replyId,
    conversation.writtenId,
    conversation.threadId,
    scimToken.id,
    group.id,
  ]) {
    victimIds.add(id);
  }
  victimCandidateId = application.candidateId;
  victimOtherCandidateId = atOffer.candidateId;
  for (const role of ['admin', 'recruiter', 'coordinator', 'interviewer', 'hiring_manager', 'hr'] as const) {
    intruderCookies[role] = await loginAs(app, intruder.slug, intruder.staff[role].email);
  }
  const theirs = ok(
    await submitApplication(intruder.deps, {
      actor: intruder.staff.recruiter,
      jobId: intruder.jobs.fullTimeA.id,
      candidate: intruder.candidate(),
      source: 'test',
    }),
  ).application;
  const candidateEmail = (
    await intruder.db
      .selectFrom('candidates')
      .select('email')
      .where('id', '=', theirs.candidateId)
      .executeTakeFirstOrThrow()
  ).email;
  intruderCookies.candidate = await candidateLogin(app, database, intruder.slug, candidateEmail);
  // API tokens of the other organisation: one with every scope, and the recruiter's own.
  const token = async (actor: typeof intruder.staff.admin, kind: 'personal' | 'organisation') =>
    ok(
      await createApiToken(intruder.deps, {
        actor,
        kind,
        name: 'intruder',
        scopes: kind === 'organisation' ? [...scopeNames] : scopesFor(actor.roles),
        expiresInDays: null,
      }),
    ).token;
  intruderTokens['organisation token'] = await token(intruder.staff.admin, 'organisation');
  intruderTokens["recruiter's token"] = await token(intruder.staff.recruiter, 'personal');
  routes = Object.entries(app.swagger().paths ?? {}).flatMap(([path, ops]) =>
    Object.keys(ops ?? {}).map((method) => ({ method: method.toUpperCase(), path })),
  );
}, 60_000);
afterAll(async () => {
  await app.close();
  await database.close();
});

const victimState = async () => {
  const count = async (
    table:
      | 'audit_events'
      | 'outbox'
      | 'applications'
      | 'offers'
      | 'scorecards'
      | 'jobs'
      | 'interviewer_profiles'
      | 'availability_overrides'
      | 'busy_blocks'
      | 'scheduling_links'
      | 'interview_holds'
      | 'assessments'
      | 'message_threads'
      | 'thread_messages'
      | 'message_attachments'
      | 'scim_tokens'
      | 'scim_groups'
      | 'group_mappings'
      | 'sso_connections'
      | 'notes'
      | 'tags'
      | 'candidate_tags'
      | 'saved_views'
      | 'candidate_merges'
      | 'staff_notifications',
  ) =>
    Number(
      (
        await victim.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('org_id', '=', victim.orgId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const versions = await victim.db
    .selectFrom('applications')
    .select(['id', 'version', 'status'])
    .where('org_id', '=', victim.orgId)
    .orderBy('id')
    .execute();
  return {
    audit: await count('audit_events'),
    outbox: await count('outbox'),
    applications: await count('applications'),
    offers: await count('offers'),
    scorecards: await count('scorecards'),
    jobs: await count('jobs'),
    assessments: await count('assessments'),
    conversations: [
      await count('message_threads'),
      await count('thread_messages'),
      await count('message_attachments'),
    ],
    directory: [
      await count('scim_tokens'),
      await count('scim_groups'),
      await count('group_mappings'),
      await count('sso_connections'),
    ],
    collaboration: [
      await count('notes'),
      await count('tags'),
      await count('candidate_tags'),
      await count('saved_views'),
      await count('candidate_merges'),
      await count('staff_notifications'),
    ],
    notes: await victim.db
      .selectFrom('notes')
      .select(['id', 'version', 'candidate_id'])
      .where('org_id', '=', victim.orgId)
      .execute(),
    readAt: await victim.db
      .selectFrom('staff_notifications')
      .select('read_at')
      .where('org_id', '=', victim.orgId)
      .execute(),
    merges: await victim.db
      .selectFrom('candidate_merges')
      .select('status')
      .where('org_id', '=', victim.orgId)
      .execute(),
    tagNames: await victim.db.selectFrom('tags').select('name').where('org_id', '=', victim.orgId).execute(),
    availability: [
      await count('interviewer_profiles'),
      await count('availability_overrides'),
      await count('busy_blocks'),
      await count('scheduling_links'),
      await count('interview_holds'),
    ],
    versions,
  };
};

it('every endpoint × every role of another organisation × every id of this one: nothing read, nothing written', async () => {
  const before = await victimState();
  const ids = [...victimIds];
  const leaks: string[] = [];
  let calls = 0;
  const body = {
    roundKey: 'tech',
    decision: 'reject',
    rationale: 'x',
    reason: 'x',
    note: 'x',
    jobId: ids[8],
    teamId: victim.teams.A,
    processId: victim.processes.A.id,
    candidate: { email: 'x@example.com', firstName: 'X', lastName: 'Y' },
    expectedVersion: 1,
    expectedRevision: 1,
    to: 'closed',
    changes: { baseSalaryCents: 2 },
    templateKey: 'operations',
    content: { ratings: { coding: 'yes' }, recommendation: 'yes' },
    subject: 'x',
    // Writing to a candidate and answering in the portal: valid bodies about the victim's application.
    applicationId: ids[0],
    body: 'x',
    vote: 'reject',
    items: [{ applicationId: ids[0], roundKey: 'tech' }],
    definition: { name: 'x', rounds: [] },
    title: 'x',
    // Availability and scheduling bodies, valid, so only the organisation check can stop them.
    weeklyHours: { '1': [['09:00', '17:00']] },
    weeklyCap: 5,
    roundTypes: ['coding'],
    levels: [],
    languages: ['en'],
    calendarUrl: null,
    hours: [],
    ics: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nEND:VCALENDAR\r\n',
    interviewerIds: [victim.staff.recruiter.userId],
    startsAt: '2026-03-20T10:00:00Z',
    applicationIds: [ids[0]],
    // Notes, tags, views and merges, aimed at this organisation's records (applicationId and body above).
    mentions: [victim.staff.hiring_manager.userId],
    version: 1,
    action: 'add',
    candidateIds: [victimCandidate()],
    userId: victim.staff.recruiter.userId,
    keptId: victimCandidate(),
    mergedId: victimOtherCandidate(),
    read: true,
    emailKinds: ['mention'],
  };
  const sentBody = JSON.stringify(body);
  // Signing out would turn the intruders' cookies into nobody for every route after it.
  const endsSessions = new Set(['POST /api/auth/logout', 'POST /api/auth/sessions/end-others']);
  for (const route of routes.filter((r) => !endsSessions.has(`${r.method} ${r.path}`))) {
    const params = route.path.match(/\{[^}]+\}/g) ?? [];
    const choices = params.length === 0 ? [[]] : ids.map((id) => params.map(() => id));
    for (const values of choices) {
      let i = 0;
      const url = route.path.replace(/\{[^}]+\}/g, () => values[i++]!);
      const credentials = [
        ...Object.entries(intruderCookies).map(([role, cookie]) => [role, { cookie }] as const),
        ...Object.entries(intruderTokens).map(
          ([role, t]) => [role, { authorization: `Bearer ${t}` }] as const,
        ),
      ];
      for (const [role, credential] of credentials) {
        const response = await app.inject({
          method: route.method as 'GET',
          url,
          headers: {
            ...credential,
            ...(route.method === 'GET' ? {} : { 'content-type': 'application/json' }),
          },
          ...(route.method === 'GET' ? {} : { payload: JSON.stringify(body) }),
        });
        calls++;
        const text = response.body;
        // An empty list for another organisation's id (its offers, its files) tells nothing about it.
        const nothing = /^\{"items":\[\](,"\w+":(null|false|true|\d+))*\}$/.test(text);
        if (params.length > 0 && response.statusCode < 400 && !nothing)
          leaks.push(`${response.statusCode} ${route.method} ${url} as ${role}`);
        // An id the request itself sent may come back in its error ("no such job <id>").
        for (const id of ids)
          if (text.includes(id) && !url.includes(id) && !sentBody.includes(id))
            leaks.push(`${route.method} ${url} as ${role} shows ${id}`);
      }
    }
  }
  expect(calls).toBeGreaterThan(1000);
  expect(leaks.slice(0, 20)).toEqual([]);
  // No write reached the other organisation: its counts and every application's version are unchanged.
  expect(await victimState()).toEqual(before);
  // Thousands of requests, which took over 300 s on a machine shared with other work. The limit only
  // stops a hung run, so it leaves room for a busy machine.
}, 900_000);
