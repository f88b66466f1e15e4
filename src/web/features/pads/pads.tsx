import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import type { CodeLanguage } from '../../../contracts/problems';
import { send, useAction, useApi } from '../../client';
import type { Answer } from '../../endpoints';
import { label, labelled } from '../../labels';
import { useStaff } from '../../session';
import { ErrorNotice, Loading, SelectField, Show, when } from '../../ui';

/** An application's pads, and opening one for an interview while the application is active. */
export function Pads({ applicationId, canOpen }: { applicationId: string; canOpen: boolean }) {
  const list = useApi('GET /api/applications/{id}/pads', { id: applicationId });
  const problems = useApi('GET /api/problems', {});
  const open = useAction();
  const [problem, setProblem] = useState('');
  const [language, setLanguage] = useState<CodeLanguage>('javascript');
  const [opened, setOpened] = useState<Answer<'POST /api/applications/{id}/pads'>>();
  const zone = useStaff().timezone;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await open.run(() =>
      send('POST /api/applications/{id}/pads', { id: applicationId }, { problem: problem || null, language }),
    );
    if (created) {
      setOpened(created);
      list.reload();
    }
  };
  const codingProblems = problems.data?.items.filter((p) => p.kind === 'coding') ?? [];
  return (
    <section aria-labelledby="pads-title">
      <h2 id="pads-title">Live coding pads</h2>
      {canOpen && (
        <form onSubmit={submit} className="card" noValidate aria-label="Open a pad">
          <ErrorNotice error={open.error} />
          <SelectField
            label="Problem"
            value={problem}
            onChange={setProblem}
            options={[
              ['', 'Blank pad'],
              ...codingProblems.map((p): [string, string] => [
                p.slug,
                `${p.title} (${label(p.difficulty).toLowerCase()})`,
              ]),
            ]}
            error={open.error?.about('problem')}
          />
          <SelectField
            label="Language"
            value={language}
            onChange={setLanguage}
            options={labelled<CodeLanguage>(['javascript', 'typescript', 'python'])}
          />
          <button type="submit" disabled={open.busy}>
            Open a pad
          </button>
          {opened && (
            <p role="status">
              Opened. Send the candidate <code>{opened.candidateUrl}</code> and{' '}
              <Link href={`/app/pads/${opened.id}`}>join the pad</Link>.
            </p>
          )}
        </form>
      )}
      <Show loaded={list} isEmpty={(d) => d.items.length === 0} empty="No pad yet.">
        {(d) => (
          <ul>
            {d.items.map((p) => (
              <li key={p.id}>
                <Link href={`/app/pads/${p.id}`}>
                  {p.problem?.title ?? 'Blank pad'} · {label(p.language)}
                </Link>{' '}
                <span className="meta">opened {when(p.createdAt, zone)}</span>
              </li>
            ))}
          </ul>
        )}
      </Show>
      {list.loading && <Loading />}
    </section>
  );
}
