import type { RetentionPolicyInput } from '../../contracts/retention.js';
import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';

/** Sets an office's retention policy; a stale version is refused, so two admins never overwrite each other. */
export async function saveRetentionPolicy(
  deps: Deps,
  input: { actor: Actor & { kind: 'staff' }; officeId: string; policy: RetentionPolicyInput },
) {
  const { actor, officeId, policy } = input;
  return deps.transaction(async (store) => {
    const office = await store.retention.office(actor.orgId, officeId);
    if (!office) return fail('retention.office_not_found', 'No such office.', { field: 'officeId' });
    const version = await store.retention.lockPolicyVersion(actor.orgId, officeId);
    if (version !== policy.version)
      return fail('conflict.stale_version', 'The policy changed since you loaded it; reload it.', {
        field: 'version',
        current: version,
      });
    const { version: _read, ...rules } = policy;
    await store.retention.savePolicy(
      actor.orgId,
      officeId,
      rules,
      version + 1,
      actor.userId,
      deps.clock.now(),
    );
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'office',
      entityId: officeId,
      action: 'retention.policy_saved',
    });
    return ok({ officeId, version: version + 1 });
  });
}
