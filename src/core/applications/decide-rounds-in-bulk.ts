import type { DomainError } from '../../contracts/errors.js';
import type { Deps, Store } from '../shared/ports.js';
import { ok, type Result } from '../shared/result.js';
import type { Actor, Application, FamilyPolicy } from '../shared/types.js';
import { type Decision, decideRound, decidingAuthority, expectsInterview } from './application.rules.js';
import type { RoundDecisionRecord } from './applications.port.js';
import { endedMessage } from './conclude-application.js';
import { advancedMessage, type DecidedRound, decideInStore, decisionAudit } from './decide-round.js';

export interface BulkItemOutcome {
  applicationId: string;
  ok: boolean;
  status?: string;
  /** The decision taken, to undo it by. */
  decisionId?: string;
  /** ISO time until which it can be undone, null when the organisation sends decisions at once. */
  undoUntil?: string | null;
  error?: DomainError;
}

type Item = { applicationId: string; roundKey: string };
type Input = { actor: Actor; items: Item[]; decision: Decision; rationale: string };
const CHUNK = 500;

const outcomeOf = (item: Item, result: Result<DecidedRound, DomainError>): BulkItemOutcome =>
  result.ok
    ? {
        applicationId: item.applicationId,
        ok: true,
        status: result.value.application.status,
        decisionId: result.value.decisionId,
        undoUntil: result.value.undoUntil?.toISOString() ?? null,
      }
    : { applicationId: item.applicationId, ok: false, error: result.error };

/**
 * Decides many rounds, reporting each item's outcome. Items share a transaction per chunk of 500;
 * rows are locked in id order, so two bulk actions never deadlock. Most items of a bulk decision
 * are plain (a round without interviews, decided by its own decider, with nothing to cancel or
 * let in after it): those are decided together, a few statements for the whole chunk. Any other
 * item goes through the one-decision path. Should a chunk fail on a concurrent change, it is
 * redone item by item, so one item's conflict never undoes the others.
 */
export async function decideRoundsInBulk(deps: Deps, input: Input): Promise<BulkItemOutcome[]> {
  const outcomes = new Map<Item, BulkItemOutcome>();
  for (let start = 0; start < input.items.length; start += CHUNK) {
    const chunk = input.items
      .slice(start, start + CHUNK)
      .sort((a, b) => a.applicationId.localeCompare(b.applicationId));
    const together = await deps.transaction(async (store) =>
      ok(await decideChunk(deps, store, input, chunk)),
    );
    if (together.ok) {
      for (const [item, outcome] of together.value) outcomes.set(item, outcome);
      continue;
    }
    for (const item of chunk) {
      const one = await deps.transaction((store) => decideInStore(deps, store, { ...input, ...item }));
      outcomes.set(item, outcomeOf(item, one));
    }
  }
  return input.items.map((item) => outcomes.get(item)!);
}

type ChunkStore = Pick<Store, 'applications' | 'feedback' | 'policies' | 'scheduling' | 'audit' | 'outbox'>;

async function decideChunk(deps: Deps, store: ChunkStore, input: Input, chunk: Item[]) {
  const { actor } = input;
  const orgId = actor.orgId;
  const apps = new Map(
    (
      await store.applications.lockMany(
        orgId,
        chunk.map((i) => i.applicationId),
      )
    ).map((a) => [a.id, a]),
  );
  const interviewed = await store.scheduling.withInterviews(orgId, [...apps.keys()]);
  const policies = new Map<string, FamilyPolicy>();
  const policyOf = async (family: string) => {
    if (!policies.has(family)) policies.set(family, await store.policies.forFamily(orgId, family));
    return policies.get(family)!;
  };
  const plain: { item: Item; app: Application }[] = [];
  const results: [Item, BulkItemOutcome][] = [];
  for (const item of chunk) {
    const app = apps.get(item.applicationId);
    const outcome = app && decideRound(app, item.roundKey, input.decision);
    const simple =
      app &&
      outcome?.ok &&
      !outcome.value.round.committee &&
      !expectsInterview(outcome.value.round) &&
      !interviewed.has(app.id) &&
      decidingAuthority(actor, outcome.value.round, app.teamId) === 'own' &&
      (!outcome.value.ended || (await policyOf(app.jobFamily)).order !== 'sequential');
    if (simple) plain.push({ item, app });
    else results.push([item, outcomeOf(item, await decideInStore(deps, store, { ...input, ...item }))]);
  }
  for (const [item, outcome] of await decidePlain(deps, store, input, plain)) results.push([item, outcome]);
  return results;
}

/** Plain items in a handful of statements: what `decideInStore` writes, for all of them at once. */
async function decidePlain(
  deps: Deps,
  store: ChunkStore,
  input: Input,
  plain: { item: Item; app: Application }[],
): Promise<[Item, BulkItemOutcome][]> {
  if (plain.length === 0) return [];
  const { actor } = input;
  const orgId = actor.orgId;
  const now = deps.clock.now();
  const undoMinutes = await store.applications.undoWindowMinutes(orgId);
  const until = undoMinutes > 0 ? new Date(now.getTime() + undoMinutes * 60_000) : null;
  const decided = plain.map(({ item, app }) => {
    const outcome = decideRound(app, item.roundKey, input.decision);
    if (!outcome.ok) throw new Error('a plain item was checked before');
    const { status, stageIndex, ended } = outcome.value;
    const updated: Application = { ...app, status, stageIndex, endedAt: ended ? now : app.endedAt };
    const decisionId = deps.ids.next();
    return { item, app, updated, ended, decisionId, hold: until && { decisionId, until } };
  });
  await store.applications.updateMany(
    orgId,
    decided.map(({ updated, ended }) => ({
      id: updated.id,
      status: updated.status,
      stageIndex: updated.stageIndex,
      endedAt: ended ? now : null,
    })),
  );
  await store.audit.recordMany(
    decided.map((d) =>
      decisionAudit(actor, d.updated, input, {
        decisionId: d.decisionId,
        roundKey: d.item.roundKey,
        override: null,
      }),
    ),
  );
  await store.outbox.enqueueMany(
    decided.map((d) => ({
      ...(d.ended ? endedMessage(d.updated, 'rejected', actor) : advancedMessage(d.updated, d.item.roundKey)),
      hold: d.hold,
    })),
  );
  await store.applications.recordDecisions(
    decided.map(
      (d): RoundDecisionRecord => ({
        id: d.decisionId,
        orgId,
        applicationId: d.app.id,
        roundKey: d.item.roundKey,
        decision: input.decision,
        rationale: input.rationale,
        decidedBy: actor.kind === 'staff' ? actor.userId : '',
        decidedAt: now,
        againstMajority: false,
        missingFeedback: [],
        override: null,
        undo: until && {
          until: until.toISOString(),
          before: {
            status: d.app.status,
            stageIndex: d.app.stageIndex,
            endedAt: d.app.endedAt?.toISOString() ?? null,
          },
          after: { status: d.updated.status, stageIndex: d.updated.stageIndex },
          cancelledInterviewIds: [],
          activatedApplicationIds: [],
        },
      }),
    ),
  );
  return decided.map((d) => [
    d.item,
    {
      applicationId: d.app.id,
      ok: true,
      status: d.updated.status,
      decisionId: d.decisionId,
      undoUntil: until?.toISOString() ?? null,
    },
  ]);
}
