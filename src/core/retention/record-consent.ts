import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import { consentExpiry } from './retention.rules.js';

/**
 * A candidate's consent to be considered for future jobs, given with an application (a board's
 * `gdpr_retention_consent_given`, the career site's checkbox). It lasts the longest consent
 * period among the offices of the job (RET-3).
 */
export async function recordApplicationConsent(
  deps: Deps,
  input: { orgId: string; candidateId: string; applicationId: string },
) {
  return deps.transaction(async (store) => {
    const givenAt = deps.clock.now();
    const policies = await store.retention.policiesOfApplication(input.orgId, input.applicationId);
    await store.retention.addConsent({
      id: deps.ids.next(),
      orgId: input.orgId,
      candidateId: input.candidateId,
      applicationId: input.applicationId,
      source: 'application',
      givenAt,
      expiresAt: consentExpiry(givenAt, policies),
    });
    return ok(undefined);
  });
}

/** The candidate renews (or gives) their consent from the portal: a new consent from now (RET-3). */
export async function renewConsent(deps: Deps, input: { actor: Actor & { kind: 'candidate' } }) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    const policies = await store.retention.policiesOfCandidate(actor.orgId, actor.candidateId);
    const hasApplied =
      (await store.applications.lockAllOfCandidate(actor.orgId, actor.candidateId)).length > 0;
    if (!hasApplied)
      return fail('retention.no_application', 'There is no application to keep you in mind from.');
    const givenAt = deps.clock.now();
    const expiresAt = consentExpiry(givenAt, policies);
    await store.retention.addConsent({
      id: deps.ids.next(),
      orgId: actor.orgId,
      candidateId: actor.candidateId,
      applicationId: null,
      source: 'portal_renewal',
      givenAt,
      expiresAt,
    });
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'candidate',
      entityId: actor.candidateId,
      action: 'retention.consent_renewed',
    });
    return ok({ givenAt, expiresAt });
  });
}

/**
 * The candidate withdraws their consent to future jobs, as easily as they gave it (GDPR art. 7(3)):
 * from now on the retention policy's ordinary period applies to them. Withdrawing with no consent
 * in force changes nothing and is not an error.
 */
export async function withdrawConsent(deps: Deps, input: { actor: Actor & { kind: 'candidate' } }) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    const withdrawn = await store.retention.withdrawConsents(
      actor.orgId,
      actor.candidateId,
      deps.clock.now(),
    );
    if (withdrawn > 0)
      await store.audit.record({
        orgId: actor.orgId,
        actor,
        entityType: 'candidate',
        entityId: actor.candidateId,
        action: 'retention.consent_withdrawn',
      });
    return ok({ withdrawn });
  });
}
