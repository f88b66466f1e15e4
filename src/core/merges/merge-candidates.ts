import type { Deps, Store } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import { checkMergeable, overLimit } from './merge.rules.js';
import type { Merge } from './merges.port.js';

/**
 * Merges a duplicate into the kept person: applications, files, notes and tags move over, the
 * duplicate is marked merged, and the merge stays pending (undoable) until someone confirms it.
 */
export async function mergeCandidates(
  deps: Deps,
  input: { actor: Actor & { kind: 'staff' }; keptId: string; mergedId: string },
) {
  const { actor, keptId, mergedId } = input;
  return deps.transaction(async (store) => {
    const found = await store.merges.lockCandidates(actor.orgId, [keptId, mergedId]);
    const allowed = checkMergeable(keptId, mergedId, found);
    if (!allowed.ok) return allowed;
    const shared = await store.merges.sharedOpenJobs(actor.orgId, keptId, mergedId);
    if (shared.length > 0) {
      return fail(
        'merge.invalid',
        `Both hold an open application to ${shared.map((j) => `“${j.title}”`).join(', ')}; one person holds one per job, so withdraw or close one of them first.`,
        { field: 'mergedId', jobs: shared },
      );
    }
    const moved = await store.merges.moveRecords(actor.orgId, mergedId, keptId);
    const merge: Merge = {
      id: deps.ids.next(),
      orgId: actor.orgId,
      keptId,
      mergedId,
      status: 'pending',
      moved,
      createdBy: actor.userId,
      createdAt: deps.clock.now(),
      decidedBy: null,
      decidedAt: null,
    };
    await store.merges.insert(merge);
    const counts = {
      applications: moved.applications.length,
      attachments: moved.attachments.length,
      notes: moved.notes.length,
      tags: moved.tags.length,
    };
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'candidate',
      entityId: keptId,
      action: 'candidate.merged',
      data: { mergeId: merge.id, mergedId, ...counts },
    });
    return ok({ merge, overLimit: await limitsAfterMerge(store, actor.orgId, keptId) });
  });
}

/** Each family's open applications of the person against the family's limit, where now over it. */
export async function limitsAfterMerge(
  store: Pick<Store, 'merges' | 'policies'>,
  orgId: string,
  candidateId: string,
) {
  const families = await store.merges.openByFamily(orgId, candidateId);
  const limits = await Promise.all(
    families.map(async (f) => ({
      ...f,
      limit: (await store.policies.forFamily(orgId, f.jobFamily)).maxActiveApplications,
    })),
  );
  return overLimit(limits);
}
