import { randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { TemplateFile } from '../../src/contracts/process-template.js';
import { decideApplicationRound } from '../../src/core/applications/decide-round.js';
import { submitApplication } from '../../src/core/applications/submit-application.js';
import { createJob } from '../../src/core/jobs/create-job.js';
import { transitionJob } from '../../src/core/jobs/transition-job.js';
import { adoptTemplate } from '../../src/core/processes/adopt-template.js';
import type { Clock, Deps, Ids } from '../../src/core/shared/ports.js';
import type { Result } from '../../src/core/shared/result.js';
import type { Actor, StaffRole } from '../../src/core/shared/types.js';
import type { Database } from '../../src/db/database.js';
import { createDeps } from '../../src/db/store.js';
import { loadCatalog } from '../../src/server/templates.js';

export const catalog = loadCatalog();

export const PASSWORD = 'correct horse battery staple';
const passwordHash = hash(PASSWORD);

export class TestClock implements Clock {
  constructor(private at = new Date('2026-03-02T09:00:00Z')) {}
  now() {
    return new Date(this.at);
  }
  advanceDays(days: number) {
    this.at = new Date(this.at.getTime() + days * 86_400_000);
  }
  advanceMs(ms: number) {
    this.at = new Date(this.at.getTime() + ms);
  }
}

export const ids: Ids = { next: () => randomUUID() };

export function ok<T>(result: Result<T, { code: string; message: string }>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** A three-round process: resume screen (recruiter), technical round (HM), HR round (HR). */
export const smallTemplate: TemplateFile = {
  key: 'test-small',
  version: 1,
  name: 'Small test process',
  description: '',
  employmentType: 'full_time',
  level: 'mid',
  defaultVestingScheduleKey: 'back-weighted-15-25-25-35',
  rounds: [
    {
      key: 'resume',
      name: 'Resume',
      step: 'resume_screen',
      roundType: 'resume_review',
      durationMinutes: 0,
      format: 'async',
      eliminatory: true,
      decidedBy: 'recruiter',
      feedbackSlaDays: 2,
      committee: false,
    },
    {
      key: 'tech',
      name: 'Technical',
      step: 'technical_screen',
      roundType: 'coding',
      durationMinutes: 60,
      format: 'video',
      eliminatory: true,
      decidedBy: 'hiring_manager',
      feedbackSlaDays: 2,
      committee: false,
    },
    {
      key: 'hr',
      name: 'HR',
      step: 'hr_interview',
      roundType: 'hr',
      durationMinutes: 30,
      format: 'video',
      eliminatory: true,
      decidedBy: 'hr',
      feedbackSlaDays: 2,
      committee: false,
    },
  ],
};

export type Staff = Record<StaffRole | 'hmB', Actor & { kind: 'staff'; email: string }>;

/**
 * One organisation with two teams in different zones, a user per role (the HM of team A, and
 * `hmB` of team B), and open jobs: full-time and internship on team A, internship on team B.
 */
export async function buildWorld(
  database: Database,
  clock: Clock = new TestClock(),
  slug = `org-${randomUUID().slice(0, 8)}`,
) {
  const db = database.db;
  const deps: Deps = createDeps(db, clock, ids, catalog);
  const orgId = ids.next();
  await db
    .insertInto('orgs')
    // Decisions send their messages at once here; the undo window's own tests open it (R-MSG-1).
    .values({ id: orgId, slug, name: `Org ${slug}`, created_at: clock.now(), decision_undo_minutes: 0 })
    .execute();
  const teamA = ids.next();
  const teamB = ids.next();
  await db
    .insertInto('teams')
    .values([
      { id: teamA, org_id: orgId, name: 'Alpha', timezone: 'America/Los_Angeles', created_at: clock.now() },
      { id: teamB, org_id: orgId, name: 'Beta', timezone: 'Asia/Singapore', created_at: clock.now() },
    ])
    .execute();
  const staffSpec: [keyof Staff, StaffRole, string[]][] = [
    ['admin', 'admin', []],
    ['recruiter', 'recruiter', [teamA, teamB]],
    ['coordinator', 'coordinator', [teamA, teamB]],
    ['interviewer', 'interviewer', [teamA]],
    ['hiring_manager', 'hiring_manager', [teamA]],
    ['hmB', 'hiring_manager', [teamB]],
    ['hr', 'hr', [teamA, teamB]],
  ];
  const staff = {} as Staff;
  for (const [name, role, teamIds] of staffSpec)
    staff[name] = await addStaffMember({ db, orgId, slug }, clock, name, [role], teamIds);

  const processA = ok(
    await adoptTemplate(deps, { actor: staff.admin, teamId: teamA, template: smallTemplate }),
  );
  const processB = ok(
    await adoptTemplate(deps, { actor: staff.admin, teamId: teamB, template: smallTemplate }),
  );
  const openJob = async (
    teamId: string,
    processId: string,
    employmentType: 'full_time' | 'internship',
    headcount = 2,
  ) => {
    const job = ok(
      await createJob(deps, {
        actor: staff.recruiter,
        fields: {
          title: `${employmentType} job`,
          teamId,
          processId,
          employmentType,
          jobFamily: employmentType,
          headcount,
          level: 'mid',
          locations: ['Remote'],
          officeIds: [],
          posting: {},
        },
      }),
    );
    return ok(await transitionJob(deps, { actor: staff.recruiter, jobId: job.id, to: 'open' }));
  };
  const jobs = {
    fullTimeA: await openJob(teamA, processA.id, 'full_time'),
    internA: await openJob(teamA, processA.id, 'internship'),
    internB: await openJob(teamB, processB.id, 'internship'),
    internB2: await openJob(teamB, processB.id, 'internship'),
  };
  /** Takes an application through every round of the small process, each round by its decider. */
  const passAllRounds = async (applicationId: string, beforeEachRound: () => void = () => {}) => {
    for (const [roundKey, actor] of [
      ['resume', staff.recruiter],
      ['tech', staff.hiring_manager],
      ['hr', staff.hr],
    ] as const) {
      beforeEachRound();
      ok(
        await decideApplicationRound(deps, {
          actor,
          applicationId,
          roundKey,
          decision: 'advance',
          rationale: 'ok',
          // The test world books no interviews: each round passes on a recorded override (R-ROUND-7).
          overrideReason: 'Moved along by the test world without interviews.',
        }),
      );
    }
  };
  let n = 0;
  const candidate = () => {
    n++;
    return { email: `Candidate.${n}@Example.com`, firstName: 'Cand', lastName: `Number ${n}` };
  };
  /** An application submitted by the recruiter, to job A unless told. */
  const apply = async (
    person: { email: string; firstName: string; lastName: string; resumeText?: string } = candidate(),
    jobId = jobs.fullTimeA.id,
  ) =>
    ok(await submitApplication(deps, { actor: staff.recruiter, jobId, candidate: person, source: 'test' }))
      .application;
  /** An application (to job A unless told) whose resume screen is passed: its current round is the technical interview. */
  const atTechnicalRound = async (person = candidate(), jobId = jobs.fullTimeA.id) => {
    const application = ok(
      await submitApplication(deps, {
        actor: staff.recruiter,
        jobId,
        candidate: person,
        source: 'test',
      }),
    ).application;
    ok(
      await decideApplicationRound(deps, {
        actor: staff.recruiter,
        applicationId: application.id,
        roundKey: 'resume',
        decision: 'advance',
        rationale: 'ok',
        overrideReason: 'Decided in the test without its interview.',
      }),
    );
    return application;
  };
  return {
    db,
    deps,
    orgId,
    slug,
    teams: { A: teamA, B: teamB },
    staff,
    processes: { A: processA, B: processB },
    jobs,
    candidate,
    apply,
    passAllRounds,
    atTechnicalRound,
  };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

/** A staff member of the world's organisation, signing in as `name@slug.example` with PASSWORD. */
export async function addStaffMember(
  world: Pick<World, 'db' | 'orgId' | 'slug'>,
  clock: Clock,
  name: string,
  roles: StaffRole[],
  teamIds: string[] = [],
  displayName = name,
) {
  const id = ids.next();
  const email = `${name}@${world.slug}.example`;
  await world.db
    .insertInto('users')
    .values({
      id,
      org_id: world.orgId,
      email,
      email_normalized: email.toLowerCase(),
      name: displayName,
      timezone: 'UTC',
      password_hash: await passwordHash,
      roles,
      team_ids: teamIds,
      created_at: clock.now(),
    })
    .execute();
  return { kind: 'staff' as const, orgId: world.orgId, userId: id, roles, teamIds, email };
}

/** An open full-time job of team A, mid level, at the offices named. */
export async function openJobAt(
  world: World,
  job: { title: string; officeIds: string[]; locations: string[] },
) {
  const created = ok(
    await createJob(world.deps, {
      actor: world.staff.recruiter,
      fields: {
        ...job,
        teamId: world.teams.A,
        processId: world.processes.A.id,
        employmentType: 'full_time',
        jobFamily: 'full_time',
        headcount: 5,
        level: 'mid',
        posting: {},
      },
    }),
  );
  return ok(await transitionJob(world.deps, { actor: world.staff.recruiter, jobId: created.id, to: 'open' }))
    .id;
}

/** An office and an open job at it (openJobAt), titled `${office} engineer` unless told. */
export async function openJobAtOffice(
  world: World,
  clock: Clock,
  office: string,
  options: { timezone?: string; title?: string } = {},
) {
  const officeId = ids.next();
  await world.db
    .insertInto('offices')
    .values({
      id: officeId,
      org_id: world.orgId,
      name: office,
      location: office,
      timezone: options.timezone ?? 'UTC',
      created_at: clock.now(),
    })
    .execute();
  const jobId = await openJobAt(world, {
    title: options.title ?? `${office} engineer`,
    officeIds: [officeId],
    locations: [office],
  });
  return { officeId, jobId };
}
