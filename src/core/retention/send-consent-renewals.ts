import type { Deps } from '../shared/ports.js';
import { ok } from '../shared/result.js';
import { DEFAULT_RENEWAL_NOTICE_DAYS, renewalDue } from './retention.rules.js';

/** How many consents one sweep looks at; the rest wait for the next minute's sweep. */
const BATCH = 100;

/**
 * RET-4: before a consent to future jobs expires, the candidate is asked once to renew it from
 * their portal. The consent is marked in the same transaction as the message is queued, and the
 * message's dedupe key names the consent, so a sweep run twice sends one mail per expiry.
 */
export async function sendConsentRenewals(deps: Deps) {
  return deps.transaction(async (store) => {
    const now = deps.clock.now();
    let sent = 0;
    for (const consent of await store.retention.lockConsentsToRenew(
      now,
      DEFAULT_RENEWAL_NOTICE_DAYS,
      BATCH,
    )) {
      if (!renewalDue(consent, consent.noticeDays ?? DEFAULT_RENEWAL_NOTICE_DAYS, now)) continue;
      await store.outbox.enqueue({
        orgId: consent.orgId,
        kind: 'candidate.consent_renewal',
        dedupeKey: `consent_renewal:${consent.id}`,
        payload: {
          candidateId: consent.candidateId,
          expiresOn: consent.expiresAt.toISOString().slice(0, 10),
        },
      });
      await store.retention.markRenewalSent(consent.id, now);
      sent++;
    }
    return ok({ sent });
  });
}
