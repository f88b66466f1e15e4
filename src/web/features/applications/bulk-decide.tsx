import { useCallback, useState } from 'react';
import { type ApiError, send } from '../../client';
import type { Answer, Body } from '../../endpoints';

type BulkBody = Body<'POST /api/applications/bulk-decisions'>;
export type BulkResult = Answer<'POST /api/applications/bulk-decisions'>;

/**
 * Requests of this many items each: small enough that the bar moves often on a selection of a few
 * pages, large enough that each request still takes the server's set-based path.
 */
export const BULK_CHUNK = 25;

/**
 * A bulk decision sent in chunks, so a long one shows its progress. A refusal of the first chunk
 * (a missing rationale, say) is thrown like any request's. When a later chunk fails, what was
 * decided stays decided: the results so far come back with the error that stopped the rest.
 */
export function useBulkDecision() {
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const decide = useCallback(
    async (body: BulkBody): Promise<{ result: BulkResult; interrupted?: ApiError }> => {
      const total = body.items.length;
      const result: BulkResult = { succeeded: 0, failed: 0, results: [] };
      setProgress({ done: 0, total });
      for (let start = 0; start < total; start += BULK_CHUNK) {
        const items = body.items.slice(start, start + BULK_CHUNK);
        let answer: BulkResult;
        try {
          answer = await send('POST /api/applications/bulk-decisions', {}, { ...body, items });
        } catch (error) {
          if (start === 0) throw error;
          return { result, interrupted: error as ApiError };
        }
        result.succeeded += answer.succeeded;
        result.failed += answer.failed;
        result.results.push(...answer.results);
        setProgress({ done: start + items.length, total });
      }
      return { result };
    },
    [],
  );
  return { decide, progress };
}

/** "Deciding 300 of 1,000…" with a bar while a decision of more than one request runs. */
export function BulkProgress({ progress }: { progress?: { done: number; total: number } }) {
  if (!progress || progress.total <= BULK_CHUNK || progress.done >= progress.total) return null;
  const count = (n: number) => n.toLocaleString('en');
  return (
    <div className="bulk-progress">
      <progress value={progress.done} max={progress.total} aria-label="Bulk decision progress" />
      <span role="status" aria-live="polite">
        Deciding {count(progress.done)} of {count(progress.total)}…
      </span>
    </div>
  );
}
