import { describe, expect, it } from 'vitest';
import { checkNotExpired, effectiveStatus } from '../../src/core/offers/offer.rules.js';

describe('offer expiry', () => {
  const terms = { expiresAt: '2026-03-10T12:00:00.000Z' };
  const before = new Date('2026-03-10T11:59:59.000Z');
  const at = new Date('2026-03-10T12:00:00.000Z');

  it('a sent offer reads as expired from its expiry on, and can no longer be answered', () => {
    expect(effectiveStatus({ status: 'sent', terms }, before)).toBe('sent');
    expect(checkNotExpired(terms, before).ok).toBe(true);
    expect(effectiveStatus({ status: 'sent', terms }, at)).toBe('expired');
    const late = checkNotExpired(terms, at);
    expect(late.ok || late.error.code).toBe('offer.expired');
  });

  it('only a sent offer expires: drafts and answered offers keep their status', () => {
    for (const status of [
      'draft',
      'pending_approval',
      'approved',
      'accepted',
      'declined',
      'rescinded',
    ] as const) {
      expect(effectiveStatus({ status, terms }, at)).toBe(status);
    }
  });
});
