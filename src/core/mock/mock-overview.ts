import type { Deps } from '../shared/ports.js';
import { ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';

/** Where the candidate stands with mock interviews: offered or not, their limit and what they used. */
export function mockOverview(deps: Deps, input: { actor: Extract<Actor, { kind: 'candidate' }> }) {
  const { orgId, candidateId } = input.actor;
  return deps.transaction(async (store) => {
    const settings = await store.mock.settings(orgId);
    const since = new Date(deps.clock.now().getTime() - settings.windowDays * 86_400_000);
    return ok({
      ...settings,
      used: await store.mock.countSince(orgId, candidateId, since),
      eligible: await store.mock.inProcess(orgId, candidateId),
    });
  });
}
