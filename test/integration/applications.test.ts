import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addExtraRound } from '../../src/core/applications/add-extra-round.js';
import { decideApplicationRound } from '../../src/core/applications/decide-round.js';
import { decideRoundsInBulk } from '../../src/core/applications/decide-rounds-in-bulk.js';
import { hireApplication } from '../../src/core/applications/hire-application.js';
import { submitApplication } from '../../src/core/applications/submit-application.js';
import { withdrawApplication } from '../../src/core/applications/withdraw-application.js';
import { putPolicy } from '../../src/core/organisation/put-policy.js';
import { reviseProcess } from '../../src/core/processes/revise-process.js';
import type { Actor } from '../../src/core/shared/types.js';
import { applicationQueries } from '../../src/db/applications/applications.queries.js';
import { candidateQueries } from '../../src/db/candidates/candidates.queries.js';
import type { Database } from '../../src/db/database.js';
import { jobQueries } from '../../src/db/jobs/jobs.queries.js';
import { openTestDatabase } from '../support/db.js';
import { buildWorld, ok, smallTemplate, TestClock, type World } from '../support/world.js';

let database: Database;
let world: World;
let clock: TestClock;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());
beforeEach(async () => {
  clock = new TestClock();
  world = await buildWorld(database, clock);
});

const submit = (
  jobId: string,
  candidate: { email: string; firstName: string; lastName: string },
  key?: string,
) =>
  submitApplication(world.deps, {
    actor: world.staff.recruiter,
    jobId,
    candidate,
    idempotencyKey: key,
    source: 'test',
  });

/** Advances through every round with the right deciders. */
async function passAll(applicationId: string) {
  await world.passAllRounds(applicationId, () => clock.advanceDays(1));
}

const statusOf = async (id: string) => (await applicationQueries(world.db).get(world.orgId, id))!.status;

describe('submitting', () => {
  it('R-APP-1: the third open internship application is refused with the open ones named', async () => {
    const person = world.candidate();
    const first = ok(await submit(world.jobs.internA.id, person)).application;
    clock.advanceDays(1);
    const second = ok(await submit(world.jobs.internB.id, person)).application;
    const third = await submit(world.jobs.internB2.id, person);
    expect(third.ok).toBe(false);
    if (third.ok) return;
    expect(third.error.code).toBe('application.limit_reached');
    expect((third.error.details!.active as { applicationId: string }[]).map((a) => a.applicationId)).toEqual([
      first.id,
      second.id,
    ]);
  });

  it('R-APP-2: sequential internships queue in submission order and start when the earlier one ends', async () => {
    const person = world.candidate();
    const first = ok(await submit(world.jobs.internA.id, person)).application;
    clock.advanceDays(1);
    const second = ok(await submit(world.jobs.internB.id, person)).application;
    expect([first.status, second.status]).toEqual(['active', 'queued']);
    const refused = await decideApplicationRound(world.deps, {
      actor: world.staff.hmB,
      applicationId: second.id,
      roundKey: 'resume',
      decision: 'advance',
      rationale: 'jumping the queue',
      overrideReason: 'Decided in the test without its interview.',
    });
    expect(refused.ok || refused.error.code).toBe('application.not_active');
    ok(
      await decideApplicationRound(world.deps, {
        actor: world.staff.recruiter,
        applicationId: first.id,
        roundKey: 'resume',
        decision: 'reject',
        rationale: 'no',
        overrideReason: 'Decided in the test without its interview.',
      }),
    );
    expect(await statusOf(second.id)).toBe('active');
  });

  it('R-APP-2: a hire through the first sequential application closes the queued one', async () => {
    const person = world.candidate();
    const first = ok(await submit(world.jobs.internA.id, person)).application;
    const second = ok(await submit(world.jobs.internB.id, person)).application;
    await passAll(first.id);
    ok(await hireApplication(world.deps, { actor: world.staff.hr, applicationId: first.id }));
    expect(await statusOf(second.id)).toBe('closed');
    const timeline = (await applicationQueries(world.db).timeline(world.orgId, second.id))!;
    expect(timeline.at(-1)).toMatchObject({ action: 'application.closed', actor: { kind: 'system' } });
  });

  it('R-APP-2: full-time applications run in parallel', async () => {
    await putPolicy(world.deps, {
      actor: world.staff.admin,
      policy: {
        jobFamily: 'internship',
        maxActiveApplications: 3,
        order: 'parallel',
        cooldownDays: 0,
      },
    });
    const person = world.candidate();
    const a = ok(await submit(world.jobs.internA.id, person)).application;
    const b = ok(await submit(world.jobs.internB.id, person)).application;
    expect([a.status, b.status]).toEqual(['active', 'active']);
  });

  it('R-APP-3: rounds passed for one team never count for another', async () => {
    await putPolicy(world.deps, {
      actor: world.staff.admin,
      policy: {
        jobFamily: 'internship',
        maxActiveApplications: 2,
        order: 'parallel',
        cooldownDays: 0,
      },
    });
    const person = world.candidate();
    const a = ok(await submit(world.jobs.internA.id, person)).application;
    ok(
      await decideApplicationRound(world.deps, {
        actor: world.staff.recruiter,
        applicationId: a.id,
        roundKey: 'resume',
        decision: 'advance',
        rationale: 'ok',
        overrideReason: 'Decided in the test without its interview.',
      }),
    );
    ok(
      await decideApplicationRound(world.deps, {
        actor: world.staff.hiring_manager,
        applicationId: a.id,
        roundKey: 'tech',
        decision: 'advance',
        rationale: 'ok',
        overrideReason: 'Decided in the test without its interview.',
      }),
    );
    const b = ok(await submit(world.jobs.internB.id, person)).application;
    expect(b.stageIndex).toBe(0);
    expect(b.plan[0]?.key).toBe('resume');
    const skip = await decideApplicationRound(world.deps, {
      actor: world.staff.hmB,
      applicationId: b.id,
      roundKey: 'hr',
      decision: 'advance',
      rationale: 'already passed elsewhere',
      overrideReason: 'Decided in the test without its interview.',
    });
    expect(skip.ok || skip.error.code).toBe('round.not_current');
  });

  it('R-APP-4: the review queue lists applications oldest first, page after page', async () => {
    const submitted: string[] = [];
    for (let i = 0; i < 5; i++) {
      clock.advanceMs(60_000);
      submitted.push(ok(await submit(world.jobs.fullTimeA.id, world.candidate())).application.id);
    }
    const q = applicationQueries(world.db);
    const first = await q.list(world.orgId, { jobId: world.jobs.fullTimeA.id, limit: 2 });
    const second = await q.list(world.orgId, {
      jobId: world.jobs.fullTimeA.id,
      limit: 2,
      cursor: first.nextCursor!,
    });
    const third = await q.list(world.orgId, {
      jobId: world.jobs.fullTimeA.id,
      limit: 2,
      cursor: second.nextCursor!,
    });
    expect([...first.items, ...second.items, ...third.items].map((a) => a.id)).toEqual(submitted);
    expect(third.nextCursor).toBeNull();
  });

  it('R-APP-5: with a cooldown, a rejected candidate may reapply to the same team only after it', async () => {
    await putPolicy(world.deps, {
      actor: world.staff.admin,
      policy: {
        jobFamily: 'full_time',
        maxActiveApplications: null,
        order: 'parallel',
        cooldownDays: 180,
      },
    });
    const person = world.candidate();
    const a = ok(await submit(world.jobs.fullTimeA.id, person)).application;
    ok(
      await decideApplicationRound(world.deps, {
        actor: world.staff.recruiter,
        applicationId: a.id,
        roundKey: 'resume',
        decision: 'reject',
        rationale: 'not yet',
        overrideReason: 'Decided in the test without its interview.',
      }),
    );
    clock.advanceDays(30);
    const early = await submit(world.jobs.fullTimeA.id, person);
    expect(early.ok || early.error.code).toBe('application.cooldown');
    clock.advanceDays(151);
    expect((await submit(world.jobs.fullTimeA.id, person)).ok).toBe(true);
  });

  it('R-APP-5: without a cooldown, reapplying after a rejection is allowed at once', async () => {
    const person = world.candidate();
    const a = ok(await submit(world.jobs.fullTimeA.id, person)).application;
    ok(
      await decideApplicationRound(world.deps, {
        actor: world.staff.recruiter,
        applicationId: a.id,
        roundKey: 'resume',
        decision: 'reject',
        rationale: 'no',
        overrideReason: 'Decided in the test without its interview.',
      }),
    );
    const again = ok(await submit(world.jobs.fullTimeA.id, person));
    expect(again.created).toBe(true);
  });

  it('R-APP-6: the same key, or the same candidate and job, give back one application', async () => {
    const person = world.candidate();
    const first = ok(await submit(world.jobs.fullTimeA.id, person, 'key-123456'));
    const retry = ok(await submit(world.jobs.fullTimeA.id, person, 'key-123456'));
    const doubleClick = ok(
      await submit(world.jobs.fullTimeA.id, { ...person, email: `  ${person.email.toUpperCase()} ` }),
    );
    expect(first.created).toBe(true);
    expect([retry.created, doubleClick.created]).toEqual([false, false]);
    expect(new Set([first.application.id, retry.application.id, doubleClick.application.id]).size).toBe(1);
    const all = await applicationQueries(world.db).list(world.orgId, {
      jobId: world.jobs.fullTimeA.id,
      limit: 50,
    });
    expect(all.items).toHaveLength(1);
    const candidates = await candidateQueries(world.db).list(world.orgId, { q: 'number', limit: 50 });
    expect(candidates.items).toHaveLength(1);
  });

  it('R-APP-6: concurrent double submissions create one application', async () => {
    const person = world.candidate();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => submit(world.jobs.fullTimeA.id, person)),
    );
    const created = results.filter((r) => r.ok && r.value.created);
    expect(created).toHaveLength(1);
    for (const r of results) expect(r.ok || r.error.code).not.toBe('internal');
    const all = await applicationQueries(world.db).list(world.orgId, {
      jobId: world.jobs.fullTimeA.id,
      limit: 50,
    });
    expect(all.items).toHaveLength(1);
  });

  it('R-JOB-3: a draft or closed job refuses applications', async () => {
    const { transitionJob } = await import('../../src/core/jobs/transition-job.js');
    ok(
      await transitionJob(world.deps, {
        actor: world.staff.recruiter,
        jobId: world.jobs.fullTimeA.id,
        to: 'closed',
      }),
    );
    const refused = await submit(world.jobs.fullTimeA.id, world.candidate());
    expect(refused.ok || refused.error.code).toBe('job.not_open');
  });
});

describe('the pipeline', () => {
  it('R-ROUND-2: a reject in the last round ends the application after strong earlier rounds', async () => {
    const a = ok(await submit(world.jobs.fullTimeA.id, world.candidate())).application;
    ok(
      await decideApplicationRound(world.deps, {
        actor: world.staff.recruiter,
        applicationId: a.id,
        roundKey: 'resume',
        decision: 'advance',
        rationale: 'strong',
        overrideReason: 'Decided in the test without its interview.',
      }),
    );
    ok(
      await decideApplicationRound(world.deps, {
        actor: world.staff.hiring_manager,
        applicationId: a.id,
        roundKey: 'tech',
        decision: 'advance',
        rationale: 'strong',
        overrideReason: 'Decided in the test without its interview.',
      }),
    );
    const rejected = ok(
      await decideApplicationRound(world.deps, {
        actor: world.staff.hr,
        applicationId: a.id,
        roundKey: 'hr',
        decision: 'reject',
        rationale: 'motivation',
        overrideReason: 'Decided in the test without its interview.',
      }),
    );
    expect(rejected.status).toBe('rejected');
    const advance = await decideApplicationRound(world.deps, {
      actor: world.staff.hiring_manager,
      applicationId: a.id,
      roundKey: 'hr',
      decision: 'advance',
      rationale: 'override',
      overrideReason: 'Decided in the test without its interview.',
    });
    expect(advance.ok || advance.error.code).toBe('round.already_decided');
    const hire = await hireApplication(world.deps, { actor: world.staff.hr, applicationId: a.id });
    expect(hire.ok || hire.error.code).toBe('application.not_active');
  });

  it("R-ROUND-3: the decision keeps its rationale and decider; another team's HM cannot decide", async () => {
    const a = ok(await submit(world.jobs.fullTimeA.id, world.candidate())).application;
    const other = await decideApplicationRound(world.deps, {
      actor: world.staff.hmB,
      applicationId: a.id,
      roundKey: 'resume',
      decision: 'advance',
      rationale: 'x',
      overrideReason: 'Decided in the test without its interview.',
    });
    expect(other.ok || other.error.code).toBe('round.not_your_decision');
    const hr = await decideApplicationRound(world.deps, {
      actor: world.staff.hr,
      applicationId: a.id,
      roundKey: 'resume',
      decision: 'advance',
      rationale: 'x',
      overrideReason: 'Decided in the test without its interview.',
    });
    expect(hr.ok || hr.error.code).toBe('round.not_your_decision');
    ok(
      await decideApplicationRound(world.deps, {
        actor: world.staff.hiring_manager,
        applicationId: a.id,
        roundKey: 'resume',
        decision: 'advance',
        rationale: 'Solid Go experience.',
        overrideReason: 'Decided in the test without its interview.',
      }),
    );
    const detail = (await applicationQueries(world.db).get(world.orgId, a.id))!;
    expect(detail.decisions).toEqual([
      expect.objectContaining({
        roundKey: 'resume',
        decision: 'advance',
        rationale: 'Solid Go experience.',
        decidedBy: world.staff.hiring_manager.userId,
      }),
    ]);
  });

  it('R-ROUND-4: the HM adds an extra round with a reason; the plan grows for this application only', async () => {
    const a = ok(await submit(world.jobs.fullTimeA.id, world.candidate())).application;
    const b = ok(await submit(world.jobs.fullTimeA.id, world.candidate())).application;
    const round = { ...smallTemplate.rounds[1]!, key: 'tech-extra', name: 'Extra technical' };
    const notHm = await addExtraRound(world.deps, {
      actor: world.staff.recruiter,
      applicationId: a.id,
      round,
      reason: 'split panel',
    });
    expect(notHm.ok || notHm.error.code).toBe('round.not_your_decision');
    const extended = ok(
      await addExtraRound(world.deps, {
        actor: world.staff.hiring_manager,
        applicationId: a.id,
        round,
        reason: 'The panel split.',
      }),
    );
    expect(extended.plan.map((r) => r.key)).toEqual(['resume', 'tech-extra', 'tech', 'hr']);
    expect(extended.plan[1]?.addedReason).toBe('The panel split.');
    expect((await applicationQueries(world.db).get(world.orgId, b.id))!.plan).toHaveLength(3);
    const timeline = (await applicationQueries(world.db).timeline(world.orgId, a.id))!;
    expect(timeline.at(-1)).toMatchObject({ action: 'round.added', reason: 'The panel split.' });
  });

  it('R-ROUND-5: revising a process moves its jobs to the new version and leaves running applications alone', async () => {
    const running = ok(await submit(world.jobs.fullTimeA.id, world.candidate())).application;
    const definition = {
      name: 'Longer',
      description: '',
      rounds: [
        ...smallTemplate.rounds.slice(0, 2),
        { ...smallTemplate.rounds[1]!, key: 'tech-2' },
        smallTemplate.rounds[2]!,
      ],
    };
    const revised = ok(
      await reviseProcess(world.deps, {
        actor: world.staff.admin,
        processId: world.processes.A.id,
        expectedVersion: 1,
        definition,
      }),
    );
    expect(revised.version).toBe(2);
    const stale = await reviseProcess(world.deps, {
      actor: world.staff.admin,
      processId: world.processes.A.id,
      expectedVersion: 1,
      definition,
    });
    expect(stale.ok || stale.error.code).toBe('conflict.stale_version');
    const fresh = ok(await submit(world.jobs.fullTimeA.id, world.candidate())).application;
    expect(fresh.plan.map((r) => r.key)).toEqual(['resume', 'tech', 'tech-2', 'hr']);
    expect((await applicationQueries(world.db).get(world.orgId, running.id))!.plan.map((r) => r.key)).toEqual(
      ['resume', 'tech', 'hr'],
    );
  });

  it('R-JOB-4: filling the headcount closes the job', async () => {
    const [a, b, c] = [
      ok(await submit(world.jobs.fullTimeA.id, world.candidate())).application,
      ok(await submit(world.jobs.fullTimeA.id, world.candidate())).application,
      ok(await submit(world.jobs.fullTimeA.id, world.candidate())).application,
    ];
    for (const app of [a, b, c]) await passAll(app.id);
    const early = await hireApplication(world.deps, {
      actor: world.staff.hr,
      applicationId: ok(await submit(world.jobs.internA.id, world.candidate())).application.id,
    });
    expect(early.ok || early.error.code).toBe('application.not_at_offer');
    ok(await hireApplication(world.deps, { actor: world.staff.hr, applicationId: a.id }));
    ok(await hireApplication(world.deps, { actor: world.staff.hr, applicationId: b.id }));
    const job = (await jobQueries(world.db).get(world.orgId, world.jobs.fullTimeA.id))!;
    expect(job).toMatchObject({ status: 'closed', hiredCount: 2 });
    const full = await hireApplication(world.deps, { actor: world.staff.hr, applicationId: c.id });
    expect(full.ok || full.error.code).toBe('job.headcount_filled');
  });

  it("R-CAND-3: the candidate withdraws their own application; someone else's is not found", async () => {
    const a = ok(await submit(world.jobs.fullTimeA.id, world.candidate())).application;
    const stranger: Actor & { kind: 'candidate' } = {
      kind: 'candidate',
      orgId: world.orgId,
      candidateId: world.jobs.fullTimeA.id,
    };
    const refused = await withdrawApplication(world.deps, { actor: stranger, applicationId: a.id });
    expect(refused.ok || refused.error.code).toBe('application.not_found');
    const me: Actor & { kind: 'candidate' } = {
      kind: 'candidate',
      orgId: world.orgId,
      candidateId: a.candidateId,
    };
    expect(
      ok(
        await withdrawApplication(world.deps, {
          actor: me,
          applicationId: a.id,
          reason: 'took another offer',
        }),
      ).status,
    ).toBe('withdrawn');
    const again = await withdrawApplication(world.deps, { actor: me, applicationId: a.id });
    expect(again.ok || again.error.code).toBe('application.not_active');
  });

  it('every change writes its audit event and outbox message in the same transaction; a refusal writes nothing', async () => {
    const a = ok(await submit(world.jobs.fullTimeA.id, world.candidate())).application;
    const count = async () => {
      const audit = await world.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('entity_id', '=', a.id)
        .executeTakeFirstOrThrow();
      const outbox = await world.db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('org_id', '=', world.orgId)
        .executeTakeFirstOrThrow();
      return [Number(audit.n), Number(outbox.n)];
    };
    // The submission's message, and the one asking the worker to annotate it (ADR 0025).
    expect(await count()).toEqual([1, 2]);
    ok(
      await decideApplicationRound(world.deps, {
        actor: world.staff.recruiter,
        applicationId: a.id,
        roundKey: 'resume',
        decision: 'advance',
        rationale: 'ok',
        overrideReason: 'Decided in the test without its interview.',
      }),
    );
    expect(await count()).toEqual([2, 3]);
    await decideApplicationRound(world.deps, {
      actor: world.staff.recruiter,
      applicationId: a.id,
      roundKey: 'resume',
      decision: 'advance',
      rationale: 'again',
      overrideReason: 'Decided in the test without its interview.',
    });
    expect(await count()).toEqual([2, 3]);
    const timeline = (await applicationQueries(world.db).timeline(world.orgId, a.id))!;
    expect(timeline.map((e) => [e.action, e.actor.name, e.reason])).toEqual([
      ['application.submitted', 'recruiter', null],
      ['round.advanced', 'recruiter', 'ok'],
    ]);
  });

  it('bulk decisions report each item, and a refused item does not undo the others', async () => {
    const a = ok(await submit(world.jobs.fullTimeA.id, world.candidate())).application;
    const b = ok(await submit(world.jobs.fullTimeA.id, world.candidate())).application;
    const outcomes = await decideRoundsInBulk(world.deps, {
      actor: world.staff.recruiter,
      items: [
        { applicationId: a.id, roundKey: 'resume' },
        { applicationId: b.id, roundKey: 'tech' },
        { applicationId: world.jobs.fullTimeA.id, roundKey: 'resume' },
      ],
      decision: 'reject',
      rationale: 'Does not meet the minimum qualifications.',
    });
    expect(outcomes.map((o) => (o.ok ? o.status : o.error?.code))).toEqual([
      'rejected',
      'round.not_current',
      'application.not_found',
    ]);
    expect(await statusOf(a.id)).toBe('rejected');
  });

  it('a bulk decision writes for each item what one decision writes: state, decision, audit and held message', async () => {
    await world.db
      .updateTable('orgs')
      .set({ decision_undo_minutes: 5 })
      .where('id', '=', world.orgId)
      .execute();
    const [single, inBulk, interviewed] = [
      ok(await submit(world.jobs.fullTimeA.id, world.candidate())).application,
      ok(await submit(world.jobs.fullTimeA.id, world.candidate())).application,
      await world.atTechnicalRound(),
    ];
    const decision = { decision: 'reject' as const, rationale: 'Does not meet the minimum qualifications.' };
    ok(
      await decideApplicationRound(world.deps, {
        ...decision,
        actor: world.staff.recruiter,
        applicationId: single.id,
        roundKey: 'resume',
      }),
    );
    // A round the hiring manager decides only by override goes the one-decision path and is refused,
    // with the interviewed one; then the recruiter's bulk decision takes the set-based path.
    const outcomes = await decideRoundsInBulk(world.deps, {
      ...decision,
      actor: world.staff.hiring_manager,
      items: [
        { applicationId: inBulk.id, roundKey: 'resume' },
        { applicationId: interviewed.id, roundKey: 'tech' },
      ],
    });
    expect(outcomes.map((o) => o.error?.code ?? o.status)).toEqual([
      'round.override_required',
      'round.override_required',
    ]);
    const recruiterOutcomes = await decideRoundsInBulk(world.deps, {
      ...decision,
      actor: world.staff.recruiter,
      items: [{ applicationId: inBulk.id, roundKey: 'resume' }],
    });
    expect(recruiterOutcomes[0]).toMatchObject({
      ok: true,
      status: 'rejected',
      undoUntil: '2026-03-02T09:05:00.000Z',
    });

    const written = async (applicationId: string) => {
      const app = await world.db
        .selectFrom('applications')
        .select(['status', 'stage_index', 'ended_at', 'version'])
        .where('id', '=', applicationId)
        .executeTakeFirstOrThrow();
      const d = await world.db
        .selectFrom('round_decisions')
        .selectAll()
        .where('application_id', '=', applicationId)
        .executeTakeFirstOrThrow();
      const audit = await world.db
        .selectFrom('audit_events')
        .select(['action', 'actor_id', 'reason', 'data'])
        .where('entity_id', '=', applicationId)
        .where('action', '=', 'round.rejected')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      const messages = await world.db
        .selectFrom('outbox')
        .select(['kind', 'dedupe_key', 'held_by', 'available_at'])
        .where(sql`payload ->> 'applicationId'`, '=', applicationId)
        .where('kind', 'like', 'candidate.application_%')
        .where('kind', '<>', 'candidate.application_received')
        .execute();
      return {
        app: { status: app.status, stage: app.stage_index, ended: app.ended_at?.toISOString() },
        decision: {
          ...d,
          id: undefined,
          application_id: undefined,
          seq: undefined,
          undo: { ...d.undo, before: undefined },
        },
        audit: { ...audit, data: { ...audit.data, decisionId: audit.data.decisionId === d.id } },
        messages: messages.map((m) => ({
          ...m,
          dedupe_key: m.dedupe_key.replace(applicationId, 'ID'),
          held_by: m.held_by === d.id,
        })),
      };
    };
    expect(await written(inBulk.id)).toEqual(await written(single.id));
  });
});
