import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OfferTerms } from '../../src/contracts/offer-terms.js';
import type { Database } from '../../src/db/database.js';
import { offersRepository, vestingSchedulesRepository } from '../../src/db/offers/offers.repository.js';
import { openTestDatabase } from '../support/db.js';
import { buildWorld, ids, TestClock, type World } from '../support/world.js';

let database: Database;
let world: World;
const clock = new TestClock();

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildWorld(database, clock);
});
afterAll(() => database?.close());

const offers = () => offersRepository(world.db, clock);

const terms: OfferTerms = {
  currency: 'USD',
  baseSalaryCents: 200_000_00,
  signOn: { amountCents: 50_000_00, instalments: 2, clawbackMonths: 12 },
  targetBonusBps: 1500,
  equity: { kind: 'units', units: 4000, referencePriceCents: 100_00 },
  vestingScheduleKey: 'back-weighted-15-25-25-35',
  startDate: '2026-06-01',
  expiresAt: '2026-03-20T00:00:00Z',
  level: '2-1',
  location: 'Los Angeles',
};

async function draft(applicationId?: string) {
  const app = applicationId ?? (await world.apply()).id;
  return offers().insert({
    id: ids.next(),
    orgId: world.orgId,
    applicationId: app,
    status: 'draft',
    revision: 1,
    terms,
    approvalChain: [],
    approvalsDone: 0,
    sentAt: null,
    respondedAt: null,
    signatureRequired: false,
    version: 1,
  });
}

describe('offers repository', () => {
  it('inserts an offer and locks it again only within its organisation', async () => {
    const offer = await draft();
    expect(offer).toMatchObject({ status: 'draft', revision: 1, terms, approvalChain: [], version: 1 });
    expect(await offers().lock(world.orgId, offer.id)).toEqual(offer);
    expect(await offers().lock(ids.next(), offer.id)).toBeNull();
  });

  it('updates only the fields given and moves the version on', async () => {
    const offer = await draft();
    const submitted = await offers().update(world.orgId, offer.id, {
      status: 'pending_approval',
      approvalChain: ['hiring_manager', 'admin'],
    });
    expect(submitted).toMatchObject({
      status: 'pending_approval',
      approvalChain: ['hiring_manager', 'admin'],
      approvalsDone: 0,
      terms,
      sentAt: null,
      version: 2,
    });
    const revised = { ...terms, baseSalaryCents: 210_000_00 };
    const sentAt = clock.now();
    const sent = await offers().update(world.orgId, offer.id, { terms: revised, revision: 2, sentAt });
    expect(sent).toMatchObject({
      status: 'pending_approval',
      terms: revised,
      revision: 2,
      sentAt,
      version: 3,
    });
  });

  it("finds the application's offer while it is in play, and none once it is over", async () => {
    const app = await world.apply();
    expect(await offers().openForApplication(world.orgId, app.id)).toBeNull();
    const offer = await draft(app.id);
    for (const status of ['draft', 'pending_approval', 'approved', 'sent'] as const) {
      await offers().update(world.orgId, offer.id, { status });
      expect((await offers().openForApplication(world.orgId, app.id))?.status).toBe(status);
    }
    await offers().update(world.orgId, offer.id, { status: 'declined', respondedAt: clock.now() });
    expect(await offers().openForApplication(world.orgId, app.id)).toBeNull();
    expect(await offers().openForApplication(ids.next(), app.id)).toBeNull();
  });

  it('keeps revisions, approvals, counters and competing offers with who made them', async () => {
    const offer = await draft();
    const { recruiter, hiring_manager: hm } = world.staff;
    const at = clock.now();
    await offers().addRevision({
      offerId: offer.id,
      revision: 1,
      terms,
      changes: [{ field: 'baseSalaryCents', from: null, to: terms.baseSalaryCents }],
      reason: 'First draft.',
      author: recruiter,
      at,
    });
    await offers().addApproval({
      id: ids.next(),
      offerId: offer.id,
      revision: 1,
      role: 'hiring_manager',
      decision: 'approve',
      note: 'Fine.',
      actor: hm,
      at,
    });
    const app = await offers().lock(world.orgId, offer.id);
    const candidate = await world.db
      .selectFrom('applications')
      .select('candidate_id')
      .where('id', '=', app!.applicationId)
      .executeTakeFirstOrThrow();
    await offers().addCounter({
      id: ids.next(),
      offerId: offer.id,
      revision: 1,
      component: 'base',
      proposal: '220000 USD',
      note: 'Market rate.',
      candidateId: candidate.candidate_id,
      at,
    });
    const competing = {
      company: 'Elsewhere',
      currency: 'USD',
      baseSalaryCents: 215_000_00,
      signOn: { amountCents: 0, instalments: 1, clawbackMonths: 0 },
      targetBonusBps: 0,
      equity: { kind: 'value' as const, valueCents: 0 },
      vestingScheduleKey: 'standard-4y-1y-cliff',
    };
    await offers().addCompeting({
      id: ids.next(),
      orgId: world.orgId,
      applicationId: offer.applicationId,
      terms: competing,
      enteredBy: { kind: 'candidate', orgId: world.orgId, candidateId: candidate.candidate_id },
      at,
    });

    const revision = await world.db
      .selectFrom('offer_revisions')
      .selectAll()
      .where('offer_id', '=', offer.id)
      .executeTakeFirstOrThrow();
    expect(revision).toMatchObject({ revision: 1, terms, reason: 'First draft.', author_kind: 'staff' });
    expect(revision.author_id).toBe(recruiter.userId);
    const approval = await world.db
      .selectFrom('offer_approvals')
      .selectAll()
      .where('offer_id', '=', offer.id)
      .executeTakeFirstOrThrow();
    expect(approval).toMatchObject({ role: 'hiring_manager', decision: 'approve', decided_by: hm.userId });
    const counter = await world.db
      .selectFrom('offer_counters')
      .selectAll()
      .where('offer_id', '=', offer.id)
      .executeTakeFirstOrThrow();
    expect(counter).toMatchObject({ component: 'base', candidate_id: candidate.candidate_id });
    const shared = await world.db
      .selectFrom('competing_offers')
      .selectAll()
      .where('application_id', '=', offer.applicationId)
      .executeTakeFirstOrThrow();
    expect(shared).toMatchObject({
      terms: competing,
      entered_by_kind: 'candidate',
      entered_by_id: candidate.candidate_id,
    });
  });
});

describe('vesting schedules repository', () => {
  it("finds an organisation's own schedule, and not another organisation's", async () => {
    const schedule = {
      key: 'monthly-3y',
      name: 'Monthly over three years',
      yearlyBps: [3334, 3333, 3333],
      cliffMonths: 0 as const,
      frequency: 'monthly' as const,
    };
    await world.db
      .insertInto('vesting_schedules')
      .values({
        org_id: world.orgId,
        key: schedule.key,
        definition: JSON.stringify(schedule),
        created_at: clock.now(),
      })
      .execute();
    expect(await vestingSchedulesRepository(world.db).get(world.orgId, 'monthly-3y')).toEqual(schedule);
    expect(await vestingSchedulesRepository(world.db).get(world.orgId, 'nope')).toBeNull();
    const other = await buildWorld(database, clock);
    expect(await vestingSchedulesRepository(world.db).get(other.orgId, 'monthly-3y')).toBeNull();
  });
});
