import { label } from '../../labels';
import type { CodeGrade, SqlGrade } from '../../types';

export const languageNames: Record<string, string> = {
  javascript: 'JavaScript',
  typescript: 'TypeScript',
  python: 'Python',
  sql: 'SQL',
};

/** The result of running code against examples, or a query's rows. */
export function RunResult({ result }: { result: CodeGrade | SqlGrade }) {
  return (
    <div className="run-result" role="status">
      <p>
        <strong>{label(result.outcome)}</strong>
        {result.detail && ` — ${result.detail}`}
        {'passed' in result && ` · ${result.passed} of ${result.total} examples pass`}
        {'rowCount' in result && result.outcome === 'completed' && ` · ${result.rowCount} rows`}
      </p>
      {'tests' in result && (
        <ul>
          {result.tests.map((t) => (
            <li key={t.number} className={t.passed ? 'passed' : 'failed'}>
              {t.passed ? '✓' : '✗'} Example {t.number}
              {!t.passed && (
                <>
                  : expected <code>{JSON.stringify(t.expected)}</code>
                  {t.error ? (
                    <>
                      , got an error <code>{t.error}</code>
                    </>
                  ) : (
                    <>
                      , got <code>{JSON.stringify(t.actual)}</code>
                    </>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {'rows' in result && result.columns.length > 0 && (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                {result.columns.map((c, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns may repeat a name
                  <th key={i}>{c}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.rows.slice(0, 50).map((row, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity
                <tr key={i}>
                  {row.map((cell, j) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells have no identity
                    <td key={j}>{String(cell)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {'output' in result && result.output && <pre className="output">{result.output}</pre>}
    </div>
  );
}

/** A code editor as plain as the seeds' screens: no spelling, no completion; highlighting only if asked. */
export const plainEditor = (highlighting: boolean) =>
  ({
    className: highlighting ? 'code highlighted' : 'code',
    spellCheck: false,
    autoCapitalize: 'off',
    autoComplete: 'off',
    autoCorrect: 'off',
  }) as const;

/** A statement's `names` as code. */
export const withCode = (text: string) =>
  text.split('`').map((part, i) =>
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text
    i % 2 ? <code key={i}>{part}</code> : part,
  );
