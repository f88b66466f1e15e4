import type { Deps } from '../shared/ports.js';
import { ok } from '../shared/result.js';
import { issueSignInLink } from './send-sign-in-link.js';

/**
 * A candidate asks for a sign-in link by organisation and email. The answer is the same whether
 * or not the email is known, so addresses cannot be probed; only a known candidate gets a link.
 */
export async function requestSignInLink(
  deps: Deps,
  input: { org: string; email: string; publicUrl: string },
) {
  return deps.transaction(async (store) => {
    const org = await store.accounts.orgBySlug(input.org);
    const candidate = org ? await store.accounts.candidateByEmail(org.id, input.email) : null;
    if (org && candidate) {
      await issueSignInLink(deps, store, {
        orgId: org.id,
        candidateId: candidate.id,
        publicUrl: input.publicUrl,
      });
    }
    return ok(undefined);
  });
}
