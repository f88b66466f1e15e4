import { type ClipboardEvent, type FormEvent, useEffect, useRef, useState } from 'react';
import { send, upload as sendFile, useAction } from '../../client';
import type { Body } from '../../endpoints';
import { label } from '../../labels';
import type { CandidateAssessment, CodeGrade, SqlGrade } from '../../types';
import { ErrorNotice, Loading, SelectField, when } from '../../ui';
import { languageNames, plainEditor, RunResult, withCode } from './run-result';

type CodeAnswer = Body<'PUT /api/assessments/{token}/answers/{item}'>;
/** The contract lists an item's languages as plain strings; they are the answer languages. */
export const answerLanguage = (language: string) => language as CodeAnswer['language'];

export function Problem({
  token,
  index,
  item,
  answer,
  disabled,
  onChange,
}: {
  token: string;
  index: number;
  item: CandidateAssessment['items'][number];
  answer: CodeAnswer;
  disabled: boolean;
  onChange: (answer: CodeAnswer) => void;
}) {
  const run = useAction();
  const [result, setResult] = useState<CodeGrade | SqlGrade>();
  const [savedAt, setSavedAt] = useState<string | null>(item.saved?.savedAt ?? null);
  const save = useAction();
  // Saves 1 s after the last keystroke, so an accident loses a second of work at most.
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const change = (next: CodeAnswer) => {
    onChange(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      void save
        .run(() => send('PUT /api/assessments/{token}/answers/{item}', { token, item: index }, next))
        .then((s) => s && setSavedAt(s.savedAt));
    }, 1000);
  };
  useEffect(() => () => clearTimeout(timer.current), []);
  if (item.kind === 'case_study')
    return (
      <CaseStudy
        token={token}
        index={index}
        item={item}
        disabled={disabled}
        savedName={item.saved?.code ?? null}
      />
    );
  const paste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    void send(
      'POST /api/assessments/{token}/events',
      { token },
      {
        events: [{ kind: 'paste', item: index, characters: event.clipboardData.getData('text').length }],
      },
    ).catch(() => undefined);
  };
  return (
    <section aria-labelledby={`problem-${index}`}>
      <h2 id={`problem-${index}`}>
        {index + 1}. {item.title} <span className="meta">({label(item.difficulty)})</span>
      </h2>
      <p className="statement">{withCode(item.statement)}</p>
      {item.constraints.length > 0 && (
        <ul className="constraints">
          {item.constraints.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      )}
      {item.examples.length > 0 && (
        <>
          <h3>Examples</h3>
          <ul>
            {item.examples.map((e) => (
              <li key={JSON.stringify(e.args)}>
                <code>{e.args.map((arg) => JSON.stringify(arg)).join(', ')}</code> →{' '}
                <code>{JSON.stringify(e.expected)}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      {item.languages.length > 1 && (
        <SelectField
          label="Language"
          value={answer.language}
          onChange={(language) =>
            change({
              language: answerLanguage(language),
              // A fresh answer follows the language; written code stays.
              code: Object.values(item.starter).includes(answer.code)
                ? (item.starter[language] ?? '')
                : answer.code,
            })
          }
          options={item.languages.map((l) => [l, languageNames[l] ?? l])}
        />
      )}
      <div className="field">
        <label htmlFor={`code-${index}`}>Your answer</label>
        <textarea
          id={`code-${index}`}
          {...plainEditor(item.highlighting)}
          value={answer.code}
          rows={18}
          readOnly={disabled}
          onPaste={paste}
          onChange={(e) => change({ ...answer, code: e.target.value })}
        />
        <span className="hint">
          {save.error ? (
            <ErrorNotice error={save.error} />
          ) : savedAt ? (
            `Saved ${when(savedAt)}`
          ) : (
            'Not saved yet'
          )}
        </span>
      </div>
      <button
        type="button"
        disabled={disabled || run.busy}
        onClick={() =>
          run
            .run(() =>
              send('POST /api/assessments/{token}/answers/{item}/run', { token, item: index }, answer),
            )
            .then((r) => r && setResult(r))
        }
      >
        {run.busy ? 'Running…' : item.kind === 'sql' ? 'Run the query' : 'Run the examples'}
      </button>
      <ErrorNotice error={run.error} />
      {run.busy && <Loading what="Running" />}
      {result && !run.busy && <RunResult result={result} />}
    </section>
  );
}

/** A take-home brief: what to prepare, what the presentation will ask, and the upload. */
function CaseStudy({
  token,
  index,
  item,
  disabled,
  savedName,
}: {
  token: string;
  index: number;
  item: CandidateAssessment['items'][number];
  disabled: boolean;
  savedName: string | null;
}) {
  const upload = useAction();
  const [file, setFile] = useState<File | null>(null);
  const [uploaded, setUploaded] = useState(savedName);
  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    const form = new FormData();
    form.append('file', file);
    const done = await upload.run(() =>
      sendFile('PUT /api/assessments/{token}/answers/{item}/file', { token, item: index }, form),
    );
    if (done) setUploaded(done.filename);
  };
  return (
    <section aria-labelledby={`problem-${index}`}>
      <h2 id={`problem-${index}`}>{item.title}</h2>
      <p className="statement">{item.statement}</p>
      <h3>The presentation will ask for</h3>
      <ul>
        {item.constraints.map((ask) => (
          <li key={ask}>{ask}</li>
        ))}
      </ul>
      <p>
        <strong>Deliver:</strong> {item.deliverable}
      </p>
      <form onSubmit={send} noValidate>
        <div className={upload.error ? 'field invalid' : 'field'}>
          <label htmlFor={`deliverable-${index}`}>Your deck or PDF (up to 20 MB)</label>
          <input
            id={`deliverable-${index}`}
            type="file"
            accept=".pdf,.pptx,application/pdf,application/vnd.openxmlformats-officedocument.presentationml.presentation"
            disabled={disabled}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          {upload.error && (
            <span className="field-error">{upload.error.about('file') ?? upload.error.message}</span>
          )}
        </div>
        <button type="submit" disabled={disabled || !file || upload.busy}>
          {upload.busy ? 'Uploading…' : 'Upload'}
        </button>
      </form>
      <p className="hint" role="status">
        {uploaded
          ? `Uploaded: ${uploaded}. A new upload replaces it until you submit.`
          : 'Nothing uploaded yet.'}
      </p>
    </section>
  );
}
