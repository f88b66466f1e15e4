import type { Deps } from '../shared/ports.js';
import { ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import type { MockSettings } from './mock.port.js';

/** The organisation turns mock interviews on or off and sets each candidate's limit. */
export function saveMockSettings(
  deps: Deps,
  input: { actor: Extract<Actor, { kind: 'staff' }>; settings: MockSettings },
) {
  return deps.transaction(async (store) => {
    await store.mock.saveSettings(input.actor.orgId, input.settings, deps.clock.now());
    return ok(input.settings);
  });
}
