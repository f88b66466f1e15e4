import type { QueueScreening, Tier, Verdict } from '../../../contracts/screening';

/** A tier in words; the queue shows these, never a number (ADR 0025). */
export const tierWords: Record<Tier, string> = {
  strong: 'Strong match',
  possible: 'Possible',
  weak: 'Weak',
  unclear: 'Unclear',
};

/** Why an application has no tier, in words. */
const statusWords = {
  annotated: 'Annotated',
  pending: 'Waiting for annotation',
  opted_out: 'Not annotated — opted out',
  no_resume: 'Not annotated — no resume text',
  no_criteria: 'Not annotated — the job has no criteria',
} as const;

export const verdictWords: Record<Verdict, { word: string; icon: string }> = {
  found: { word: 'Found', icon: '✓' },
  missing: { word: 'Missing', icon: '✗' },
  unclear: { word: 'Unclear', icon: '?' },
};

/** What the tier column says of one application: the tier or why there is none. */
export function tierLabel(s: QueueScreening | null): string {
  if (!s) return statusWords.pending;
  if (s.status === 'annotated' && s.tier) return tierWords[s.tier];
  return statusWords[s.status];
}

/** The tier and "2 of 3 must-haves", as a badge with its words (shape and text, not colour alone). */
export function TierBadge({ screening }: { screening: QueueScreening | null }) {
  const tier = screening?.status === 'annotated' ? screening.tier : null;
  return (
    <span className={`tier tier-${tier ?? 'none'}`}>
      <span className="tier-word">{tierLabel(screening)}</span>
      {tier && screening && screening.mustTotal > 0 && (
        <span className="meta">
          {' '}
          · {screening.mustFound} of {screening.mustTotal} must-haves
        </span>
      )}
    </span>
  );
}

/** Said wherever the tier shows: it orders and annotates, people decide. */
export const tierDisclaimer =
  'The tier only orders and annotates the queue from the evidence below; it never advances or rejects anyone. You decide.';

/** Beside the queue's order and tier filter. */
export const queueDisclaimer =
  "Sorting by tier orders the queue by the matcher's evidence, and the filter hides tiers you choose not to see; neither decides anything. Every application still waits for your decision.";

export function BlindBanner() {
  return (
    <p className="blind-banner" role="note">
      <strong>Blind review:</strong> identity is hidden until the decision.
    </p>
  );
}
