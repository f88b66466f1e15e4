import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideApplicationRound } from '../../src/core/applications/decide-round.js';
import { createJob } from '../../src/core/jobs/create-job.js';
import { transitionJob } from '../../src/core/jobs/transition-job.js';
import { updateJob } from '../../src/core/jobs/update-job.js';
import type { StaffRole } from '../../src/core/shared/types.js';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { addBoard } from '../support/boards.js';
import { openTestDatabase } from '../support/db.js';
import { multipart } from '../support/files.js';
import { buildTestApp, candidateLogin, errorCode, loginAs } from '../support/http.js';
import { addStaffMember, buildWorld, ids, ok, TestClock, type World } from '../support/world.js';

let database: Database;
let app: App;
let world: World;
let clock: TestClock;
const offices = { nyc: '', sg: '' };
let seasonJobId: string;
const cookies: Record<string, string> = {};
const board = () => `/v1/boards/ft-${world.slug}`;
const basic = `Basic ${Buffer.from('ft-key:').toString('base64')}`;

async function addUser(name: string, roles: StaffRole[]) {
  const { email } = await addStaffMember(world, clock, name, roles);
  cookies[name] = await loginAs(app, world.slug, email);
}

async function addOffice(name: string) {
  const id = ids.next();
  await world.db
    .insertInto('offices')
    .values({ id, org_id: world.orgId, name, location: name, timezone: 'UTC', created_at: clock.now() })
    .execute();
  return id;
}

async function postIdOf(jobId: string) {
  const jobs = (await app.inject({ url: `${board()}/jobs` })).json().jobs as {
    id: number;
    internal_job_id: number;
  }[];
  const publicId = (
    await world.db.selectFrom('jobs').select('public_id').where('id', '=', jobId).executeTakeFirstOrThrow()
  ).public_id;
  return jobs.find((j) => j.internal_job_id === publicId)!.id;
}

const apply = async (jobId: string, extra: Record<string, unknown>, n = ids.next().slice(0, 8)) =>
  app.inject({
    method: 'POST',
    url: `${board()}/jobs/${await postIdOf(jobId)}`,
    payload: {
      first_name: 'Ada',
      last_name: `Applicant ${n}`,
      email: `ada.${n}@example.com`,
      resume_text: 'Go, Kafka and PostgreSQL for six years.',
      ...extra,
    },
    headers: { authorization: basic },
  });

const get = (url: string, who: string) => app.inject({ url, headers: { cookie: cookies[who]! } });

beforeAll(async () => {
  database = await openTestDatabase();
  clock = new TestClock();
  world = await buildWorld(database, clock);
  app = await buildTestApp(database, clock);
  offices.nyc = await addOffice('New York');
  offices.sg = await addOffice('Singapore');
  const version = (
    await world.db
      .selectFrom('jobs')
      .select('version')
      .where('id', '=', world.jobs.fullTimeA.id)
      .executeTakeFirstOrThrow()
  ).version;
  ok(
    await updateJob(world.deps, {
      actor: world.staff.recruiter,
      jobId: world.jobs.fullTimeA.id,
      expectedVersion: version,
      change: { officeIds: [offices.sg] },
    }),
  );
  const job = ok(
    await createJob(world.deps, {
      actor: world.staff.recruiter,
      fields: {
        title: 'Season job',
        teamId: world.teams.A,
        processId: world.processes.A.id,
        employmentType: 'full_time',
        jobFamily: 'season',
        headcount: 50,
        level: 'mid',
        locations: ['New York'],
        officeIds: [offices.nyc],
        posting: {},
      },
    }),
  );
  seasonJobId = ok(
    await transitionJob(world.deps, { actor: world.staff.recruiter, jobId: job.id, to: 'open' }),
  ).id;
  await addBoard(
    world,
    { token: `ft-${world.slug}`, name: 'Careers', employmentTypes: ['full_time'] },
    'ft-key',
  );
  for (const role of ['admin', 'recruiter', 'hr'] as const)
    cookies[role] = await loginAs(app, world.slug, world.staff[role].email);
  await addUser('compliance', ['compliance']);
  await addUser('complianceRecruiter', ['compliance', 'recruiter']);
  await addUser('complianceAdmin', ['compliance', 'admin']);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('office policy', () => {
  it('admins allow collection per office under an optimistic version; others may not', async () => {
    const url = `/api/compliance/office-policies/${offices.nyc}`;
    const put = (who: string, payload: unknown) =>
      app.inject({ method: 'PUT', url, payload: payload as object, headers: { cookie: cookies[who]! } });
    expect(errorCode(await put('recruiter', { collectSelfIdentification: true, expectedVersion: 0 }))).toBe(
      'permission.denied',
    );
    expect(errorCode(await put('admin', { collectSelfIdentification: true, expectedVersion: 3 }))).toBe(
      'conflict.stale_version',
    );
    const done = await put('admin', { collectSelfIdentification: true, expectedVersion: 0 });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ officeId: offices.nyc, collectSelfIdentification: true, version: 1 });
    const list = (await get('/api/compliance/office-policies', 'recruiter')).json().items;
    expect(
      list.map((p: { officeName: string; collectSelfIdentification: boolean }) => [
        p.officeName,
        p.collectSelfIdentification,
      ]),
    ).toEqual([
      ['New York', true],
      ['Singapore', false],
    ]);
    const missing = await app.inject({
      method: 'PUT',
      url: `/api/compliance/office-policies/${ids.next()}`,
      payload: { collectSelfIdentification: true, expectedVersion: 0 },
      headers: { cookie: cookies.admin! },
    });
    expect(errorCode(missing)).toBe('compliance.office_not_found');
  });
});

describe('collection on the board API', () => {
  it("an allowing office's posting carries Greenhouse's compliance and demographic questions, and every posting the notice", async () => {
    const nyc = (
      await app.inject({ url: `${board()}/jobs/${await postIdOf(seasonJobId)}?questions=true` })
    ).json();
    expect(nyc.compliance[0].type).toBe('eeoc');
    expect(nyc.compliance[0].questions.map((q: { fields: { name: string }[] }) => q.fields[0]!.name)).toEqual(
      ['gender', 'race', 'veteran_status', 'disability_status'],
    );
    expect(nyc.compliance[0].questions[1].fields[0].values).toContainEqual({
      value: 4,
      label: 'Hispanic or Latino',
    });
    expect(nyc.demographic_questions.questions[0]).toMatchObject({ id: 1, required: false });
    expect(nyc.demographic_questions.questions[0].answer_options).toContainEqual({
      id: 103,
      label: 'Decline to self-identify',
      free_form: false,
    });
    expect(nyc.screening_notice.opt_out_field).toBe('screening_opt_out');
    expect(nyc.questions.at(-1).fields[0].name).toBe('screening_opt_out');
    const sg = (
      await app.inject({ url: `${board()}/jobs/${await postIdOf(world.jobs.fullTimeA.id)}?questions=true` })
    ).json();
    expect(sg.compliance).toBeUndefined();
    expect(sg.demographic_questions).toBeUndefined();
    expect(sg.screening_notice.text).toContain('never advances or rejects');
    // Without ?questions=true, none of it.
    const plain = (await app.inject({ url: `${board()}/jobs/${await postIdOf(seasonJobId)}` })).json();
    expect(plain.compliance).toBeUndefined();
  });

  it('answers are stored apart from the application, which never carries them', async () => {
    const response = await apply(seasonJobId, {
      gender: 2,
      race: 4,
      veteran_status: 3,
      disability_status: 2,
    });
    expect(response.statusCode, response.body).toBe(200);
    const id = response.json().application_id;
    const stored = await world.db
      .selectFrom('self_identifications')
      .selectAll()
      .where('application_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      sex: 'female',
      race: 'hispanic_or_latino',
      veteran: 'declined',
      disability: 'no',
    });
    const application = await world.db
      .selectFrom('applications')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(application)).not.toMatch(/hispanic|gender|female|race/);
    const seen = await get(`/api/applications/${id}`, 'recruiter');
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.body).not.toMatch(/hispanic_or_latino|Hispanic or Latino|self_ident/i);
  });

  it('demographic_answers work the same way', async () => {
    const response = await apply(seasonJobId, {
      demographic_answers: [
        { question_id: 1, answer_options: [{ answer_option_id: 101 }] },
        { question_id: 2, answer_options: [{ answer_option_id: 205 }] },
      ],
    });
    expect(response.statusCode, response.body).toBe(200);
    const stored = await world.db
      .selectFrom('self_identifications')
      .selectAll()
      .where('application_id', '=', response.json().application_id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ sex: 'male', race: 'white', veteran: null, disability: null });
  });

  it('refused where the office does not allow it, and bad answers are named', async () => {
    const refused = await apply(world.jobs.fullTimeA.id, { gender: 1, race: 5 });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'compliance.not_collected',
      errors: [
        { field: 'gender', message: 'this posting does not collect self-identification' },
        { field: 'race', message: 'this posting does not collect self-identification' },
      ],
    });
    const bad = await apply(seasonJobId, { race: 99, demographic_answers: [{ question_id: 7 }] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([{ field: 'race', message: 'must be one of the listed values' }]);
    const badQuestion = await apply(seasonJobId, { demographic_answers: [{ question_id: 7 }] });
    expect(badQuestion.json().errors).toEqual([
      { field: 'demographic_answers[0].question_id', message: 'is not one of the listed questions' },
    ]);
    // Without self-identification the application is taken anywhere.
    expect((await apply(world.jobs.fullTimeA.id, {})).statusCode).toBe(200);
  });

  it('the opt-out at application is recorded on the application', async () => {
    const response = await apply(world.jobs.fullTimeA.id, { screening_opt_out: true });
    expect(response.statusCode, response.body).toBe(200);
    const row = await world.db
      .selectFrom('applications')
      .select('screening_opt_out')
      .where('id', '=', response.json().application_id)
      .executeTakeFirstOrThrow();
    expect(row.screening_opt_out).toBe(true);
    const kept = await apply(world.jobs.fullTimeA.id, {});
    const other = await world.db
      .selectFrom('applications')
      .select('screening_opt_out')
      .where('id', '=', kept.json().application_id)
      .executeTakeFirstOrThrow();
    expect(other.screening_opt_out).toBe(false);
  });
});

describe('the career site', () => {
  it('shows the notice everywhere and the voluntary section only where allowed; stores answers apart', async () => {
    const site = `/careers/ft-${world.slug}/jobs`;
    const nycPage = (await app.inject({ url: `${site}/${await postIdOf(seasonJobId)}` })).body;
    expect(nycPage).toContain('<legend>Voluntary self-identification</legend>');
    expect(nycPage).toContain('name="self_id_race"');
    expect(nycPage).toContain('name="screening_opt_out"');
    const sgPage = (await app.inject({ url: `${site}/${await postIdOf(world.jobs.fullTimeA.id)}` })).body;
    expect(sgPage).not.toContain('self_id_');
    expect(sgPage).toContain('name="screening_opt_out"');
    const form = multipart(
      {
        first_name: 'Grace',
        last_name: 'Hopper',
        email: 'grace.site@example.com',
        resume_text: 'COBOL and compilers.',
        self_id_sex: 'female',
        self_id_race: 'declined',
        screening_opt_out: 'true',
        submission_id: 'site-1',
      },
      [],
    );
    const sent = await app.inject({
      method: 'POST',
      url: `${site}/${await postIdOf(seasonJobId)}/apply`,
      payload: form.body,
      headers: { 'content-type': form.contentType },
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const row = await world.db
      .selectFrom('applications')
      .innerJoin('candidates', 'candidates.id', 'applications.candidate_id')
      .leftJoin('self_identifications as s', 's.application_id', 'applications.id')
      .select(['applications.screening_opt_out', 's.sex', 's.race'])
      .where('candidates.email_normalized', '=', 'grace.site@example.com')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ screening_opt_out: true, sex: 'female', race: 'declined' });
  });
});

describe('opting out later in the portal', () => {
  it("the candidate opts their own application out and back in; never someone else's", async () => {
    const mine = world.jobs.internA.id;
    const application = await world.apply(
      { email: 'portal.opt@example.com', firstName: 'P', lastName: 'O' },
      mine,
    );
    const other = await world.apply();
    const cookie = await candidateLogin(app, database, world.slug, 'portal.opt@example.com');
    const post = (id: string, optOut: boolean) =>
      app.inject({
        method: 'POST',
        url: `/api/me/applications/${id}/screening-opt-out`,
        payload: { optOut },
        headers: { cookie },
      });
    const out = await post(application.id, true);
    expect(out.statusCode, out.body).toBe(200);
    expect(out.json()).toEqual({ applicationId: application.id, screeningOptOut: true });
    const flag = () =>
      world.db
        .selectFrom('applications')
        .select('screening_opt_out')
        .where('id', '=', application.id)
        .executeTakeFirstOrThrow();
    expect((await flag()).screening_opt_out).toBe(true);
    // The portal knows, so its page says so after a reload.
    const listed = await app.inject({ url: '/api/me/applications', headers: { cookie } });
    expect(listed.json().items.find((a: { id: string }) => a.id === application.id).screeningOptOut).toBe(
      true,
    );
    expect((await post(application.id, false)).statusCode).toBe(200);
    expect((await flag()).screening_opt_out).toBe(false);
    // Back in: the matcher is asked for the annotation the application went without.
    const asked = await world.db
      .selectFrom('outbox')
      .select('dedupe_key')
      .where('kind', '=', 'screening.annotate')
      .where('dedupe_key', 'like', `screening.annotate:${application.id}:opted-in:%`)
      .execute();
    expect(asked).toHaveLength(1);
    expect(errorCode(await post(other.id, true))).toBe('not_found');
    expect(
      errorCode(
        await app.inject({
          method: 'POST',
          url: `/api/me/applications/${application.id}/screening-opt-out`,
          payload: { optOut: true },
          headers: { cookie: cookies.recruiter! },
        }),
      ),
    ).toBe('permission.denied');
  });
});

describe('reports on a constructed season', () => {
  // Four men advanced at the resume screen, one woman of four; the matcher's tiers: men strong,
  // women possible, weak, weak, possible (the last one rejected: the tier was higher than the decision).
  const season = [
    { gender: 1, tier: 'strong', decision: 'advance' },
    { gender: 1, tier: 'strong', decision: 'advance' },
    { gender: 1, tier: 'strong', decision: 'advance' },
    { gender: 1, tier: 'strong', decision: 'advance' },
    { gender: 2, tier: 'possible', decision: 'advance' },
    { gender: 2, tier: 'weak', decision: 'reject' },
    { gender: 2, tier: 'weak', decision: 'reject' },
    { gender: 2, tier: 'possible', decision: 'reject' },
  ] as const;
  beforeAll(async () => {
    // Only the season's own applications count: the other tests' ones are cleared from this family.
    const others = await world.db
      .selectFrom('applications')
      .select('id')
      .where('job_id', '=', seasonJobId)
      .execute();
    for (const { id } of others) {
      await world.db
        .updateTable('applications')
        .set({ job_family: 'earlier' })
        .where('id', '=', id)
        .execute();
    }
    for (const [i, person] of season.entries()) {
      const response = await apply(seasonJobId, { gender: person.gender, race: 5 }, `season${i}`);
      expect(response.statusCode, response.body).toBe(200);
      const applicationId = response.json().application_id as string;
      await world.db
        .insertInto('screening_annotations')
        .values({
          org_id: world.orgId,
          application_id: applicationId,
          job_id: seasonJobId,
          matcher_name: 'test',
          matcher_version: '1',
          criteria_version: 1,
          tier: person.tier,
          verdicts: '[]',
          computed_at: new Date(clock.now().getTime() - 3_600_000),
        })
        .execute();
      ok(
        await decideApplicationRound(world.deps, {
          actor: world.staff.recruiter,
          applicationId,
          roundKey: 'resume',
          decision: person.decision,
          rationale: 'season',
          overrideReason: 'Decided in the test without its interview.',
        }),
      );
    }
  });
  const url = '/api/compliance/adverse-impact?jobFamily=season';

  it('the compliance role reads selection rates and impact ratios; four-fifths flagged', async () => {
    const response = await get(url, 'compliance');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.smallSampleRule).toContain('fewer than 30 applicants');
    const resume = body.tables.find(
      (t: { kind: string; jobFamily: string | null }) => t.kind === 'round' && t.jobFamily === null,
    );
    expect(resume).toMatchObject({ roundKey: 'resume', applicants: 8, selected: 5 });
    const sex = resume.categories.find((c: { category: string }) => c.category === 'sex');
    expect(sex.referenceGroup).toBe('male');
    expect(sex.groups.find((g: { group: string }) => g.group === 'female')).toMatchObject({
      applicants: 4,
      selected: 1,
      selectionRate: 0.25,
      impactRatio: 0.25,
      flagged: true,
      smallSample: true,
    });
    const intersection = resume.categories.find((c: { category: string }) => c.category === 'sex_race');
    expect(intersection.groups.find((g: { group: string }) => g.group === 'male|white')).toMatchObject({
      applicants: 4,
      selected: 4,
      impactRatio: 1,
    });
    const tiers = body.tables.find(
      (t: { kind: string; jobFamily: string | null }) => t.kind === 'tier' && t.jobFamily === null,
    );
    expect(tiers).toMatchObject({ applicants: 8, selected: 6 });
    const tierSex = tiers.categories.find((c: { category: string }) => c.category === 'sex');
    expect(tierSex.groups.find((g: { group: string }) => g.group === 'female')).toMatchObject({
      selected: 2,
      impactRatio: 0.5,
      flagged: true,
    });
    // No applicant is named, and nothing but counts comes back.
    expect(response.body).not.toMatch(/season0|example\.com|[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('the LL144 CSV', async () => {
    const response = await get(
      `/api/compliance/adverse-impact.csv?jobFamily=season&round=resume`,
      'compliance',
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const lines = response.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'scope,job_family,round,category,group,applicants,selected,selection_rate,impact_ratio,flagged_four_fifths,small_sample',
    );
    expect(lines).toContain('round,all,resume,Sex,Female,4,1,0.2500,0.2500,true,true');
    expect(lines).toContain('round,all,resume,Sex,Unknown (no self-identification),0,0,,,false,true');
    expect(lines).toContain(
      'resume_screen_matcher_tier,season,resume,Sex × race/ethnicity,Female × White,4,2,0.5000,0.5000,true,true',
    );
  });

  it('refused to deciders, to admins, and to a compliance reader who also decides', async () => {
    for (const who of ['recruiter', 'hr', 'admin']) {
      expect(errorCode(await get(url, who)), who).toBe('permission.denied');
      expect(errorCode(await get('/api/compliance/adverse-impact.csv', who)), who).toBe('permission.denied');
    }
    for (const who of ['complianceRecruiter', 'complianceAdmin']) {
      const refused = await get(url, who);
      expect(refused.statusCode, who).toBe(403);
      expect(errorCode(refused), who).toBe('compliance.deciding_role');
      expect(refused.json().error.message).toContain('never shown to anyone who decides');
      expect(errorCode(await get('/api/compliance/adverse-impact.csv', who)), who).toBe(
        'compliance.deciding_role',
      );
    }
  });

  it('filters are validated and a season is a date range', async () => {
    const bad = await get('/api/compliance/adverse-impact?season=spring', 'compliance');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('season');
    const none = (
      await get('/api/compliance/adverse-impact?jobFamily=season&season=2025', 'compliance')
    ).json();
    expect(none.filters).toMatchObject({ from: '2025-01-01', to: '2025-12-31' });
    expect(none.tables).toEqual([]);
    const now = (
      await get('/api/compliance/adverse-impact?jobFamily=season&season=2026-H1', 'compliance')
    ).json();
    expect(now.tables.length).toBeGreaterThan(0);
  });

  it('agreement: admins and the compliance role read how often the tier agreed with the decision; no self-identification', async () => {
    for (const who of ['admin', 'compliance', 'complianceAdmin']) {
      const response = await get('/api/compliance/agreement?jobFamily=season', who);
      expect(response.statusCode, `${who}: ${response.body}`).toBe(200);
      expect(response.json().overall).toEqual({
        compared: 8,
        agreed: 7,
        agreementRate: 0.875,
        tierHigherThanDecision: 1,
        tierLowerThanDecision: 0,
        unclear: 0,
      });
      expect(response.json().byMonth).toEqual([expect.objectContaining({ month: '2026-03', compared: 8 })]);
      expect(response.body).not.toMatch(/female|male|white|sex|race/i);
    }
    expect(errorCode(await get('/api/compliance/agreement', 'recruiter'))).toBe('permission.denied');
  });
});
