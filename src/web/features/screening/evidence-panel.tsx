import { Fragment, useId, useMemo } from 'react';
import type { Criterion, Passage } from '../../../contracts/screening';
import { useApi } from '../../client';
import type { Answer } from '../../endpoints';
import { ErrorNotice, Loading, when } from '../../ui';
import { TierBadge, tierDisclaimer, verdictWords } from './words';

type Evidence = Answer<'GET /api/applications/{id}/screening'>;

/** One run of resume text, marked when some criteria's passages cover it. */
interface Run {
  start: number;
  end: number;
  criteria: string[];
}

/**
 * The text cut at every passage edge, so overlapping passages of different criteria each stay
 * marked and every criterion's first passage has a run to scroll to.
 */
export function runsOf(text: string, passages: { criterionId: string; passage: Passage }[]): Run[] {
  const inside = passages
    .map((p) => ({
      criterionId: p.criterionId,
      start: Math.max(0, Math.min(p.passage.start, text.length)),
      end: Math.max(0, Math.min(p.passage.end, text.length)),
    }))
    .filter((p) => p.end > p.start);
  const cuts = [...new Set([0, text.length, ...inside.flatMap((p) => [p.start, p.end])])].sort(
    (a, b) => a - b,
  );
  const runs: Run[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    const criteria = [
      ...new Set(inside.filter((p) => p.start <= start && p.end >= end).map((p) => p.criterionId)),
    ];
    runs.push({ start, end, criteria });
  }
  return runs;
}

const kindWords = { must: 'Must-have', nice: 'Nice-to-have' } as const;

/**
 * Each criterion's verdict with its reason and quoted passages, beside the resume text with every
 * passage marked; choosing a criterion scrolls its passage into view. The text is the evidence
 * endpoint's, already redacted by the server under blind review.
 */
export function EvidencePanel({
  applicationId,
  fallbackResume,
  timeZone,
}: {
  applicationId: string;
  /** Shown as the resume when the evidence has no text (no resume, or it could not be read). */
  fallbackResume?: string;
  timeZone?: string;
}) {
  const evidence = useApi('GET /api/applications/{id}/screening', { id: applicationId });
  if (evidence.error) return <ErrorNotice error={evidence.error} />;
  if (!evidence.data) return <Loading what="Loading the screening evidence" />;
  return <EvidenceView evidence={evidence.data} fallbackResume={fallbackResume} timeZone={timeZone} />;
}

export function EvidenceView({
  evidence,
  fallbackResume,
  timeZone,
}: {
  evidence: Evidence;
  fallbackResume?: string | undefined;
  timeZone?: string | undefined;
}) {
  const prefix = useId().replace(/:/g, '');
  const annotation = evidence.status === 'annotated' ? evidence.annotation : null;
  const verdicts = new Map((annotation?.verdicts ?? []).map((v) => [v.criterionId, v]));
  const text = evidence.resumeText;
  const runs = useMemo(
    () =>
      text
        ? runsOf(
            text,
            (annotation?.verdicts ?? []).flatMap((v) =>
              v.passages.map((passage) => ({ criterionId: v.criterionId, passage })),
            ),
          )
        : [],
    [text, annotation],
  );
  /** The run each criterion scrolls to: where its first passage begins. */
  const firstRun = new Map<string, number>();
  runs.forEach((r, i) => {
    for (const c of r.criteria) if (!firstRun.has(c)) firstRun.set(c, i);
  });
  const number = new Map(evidence.criteria.map((c, i) => [c.id, i + 1]));
  const show = (criterionId: string) => {
    const index = firstRun.get(criterionId);
    const target = index === undefined ? null : document.getElementById(`${prefix}-run-${index}`);
    if (!target) return;
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
  };
  const tierSummary = annotation
    ? {
        status: 'annotated' as const,
        tier: annotation.tier,
        mustTotal: evidence.criteria.filter((c) => c.kind === 'must').length,
        mustFound: evidence.criteria.filter(
          (c) => c.kind === 'must' && verdicts.get(c.id)?.verdict === 'found',
        ).length,
      }
    : { status: evidence.status, tier: null, mustFound: 0, mustTotal: 0 };
  return (
    <div className="evidence">
      <div className="side-by-side">
        <article aria-label="Resume">
          <h3>Resume</h3>
          {text ? (
            <pre className="resume">
              {runs.map((r, i) =>
                r.criteria.length === 0 ? (
                  <Fragment key={r.start}>{text.slice(r.start, r.end)}</Fragment>
                ) : (
                  <mark
                    key={r.start}
                    id={`${prefix}-run-${i}`}
                    tabIndex={-1}
                    title={`Evidence for criterion ${r.criteria.map((c) => number.get(c)).join(', ')}`}
                  >
                    {text.slice(r.start, r.end)}
                  </mark>
                ),
              )}
            </pre>
          ) : (
            <pre className="resume">
              {evidence.blind
                ? 'No resume text to show under blind review.'
                : (fallbackResume ?? 'No resume text.')}
            </pre>
          )}
        </article>
        <article aria-label="Screening evidence">
          <h3>Evidence</h3>
          <p>
            Tier: <TierBadge screening={tierSummary} />
          </p>
          <p className="hint">{tierDisclaimer}</p>
          {evidence.criteria.length === 0 ? (
            <p className="empty">This job has no screening criteria yet.</p>
          ) : (
            <ol className="criteria-evidence">
              {evidence.criteria.map((c) => (
                <CriterionEvidence
                  key={c.id}
                  criterion={c}
                  verdict={verdicts.get(c.id)}
                  canShow={firstRun.has(c.id)}
                  onShow={() => show(c.id)}
                />
              ))}
            </ol>
          )}
          {annotation && (
            <p className="meta small-print">
              By {annotation.matcher.name} {annotation.matcher.version}, computed{' '}
              {when(annotation.computedAt, timeZone)} from criteria version {annotation.criteriaVersion}.
            </p>
          )}
        </article>
      </div>
    </div>
  );
}

function CriterionEvidence({
  criterion,
  verdict,
  canShow,
  onShow,
}: {
  criterion: Criterion;
  verdict: Evidence['annotation'] extends infer A
    ? (A extends { verdicts: (infer V)[] } ? V : never) | undefined
    : never;
  canShow: boolean;
  onShow: () => void;
}) {
  const words = verdict ? verdictWords[verdict.verdict] : null;
  return (
    <li className={`criterion-evidence verdict-${verdict?.verdict ?? 'none'}`}>
      <div className="criterion-head">
        {words ? (
          <span className="verdict">
            <span aria-hidden="true" className="verdict-icon">
              {words.icon}
            </span>{' '}
            {words.word}
          </span>
        ) : (
          <span className="verdict">Not checked</span>
        )}{' '}
        {canShow ? (
          <button type="button" className="link" onClick={onShow}>
            {criterion.text}
          </button>
        ) : (
          <span>{criterion.text}</span>
        )}{' '}
        <span className="meta">
          {kindWords[criterion.kind]} · weight {criterion.weight}
        </span>
      </div>
      {verdict && <p className="reason">{verdict.reason}</p>}
      {verdict && verdict.passages.length > 0 && (
        <ul className="quotes" aria-label="Quoted passages">
          {verdict.passages.map((p) => (
            <li key={`${p.start}-${p.end}`}>
              <q>{p.text}</q>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
