import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'wouter';
import type { Tier } from '../../../contracts/screening';
import { send, useAction, useApi, useCursorList } from '../../client';
import { can, useStaff } from '../../session';
import type { ApplicationItem, BulkResult } from '../../types';
import {
  Checkboxes,
  ConfirmAction,
  Empty,
  ErrorNotice,
  Loading,
  MoreButton,
  Page,
  SelectField,
  when,
} from '../../ui';
import { EvidencePanel } from '../screening/evidence-panel';
import { BlindBanner, queueDisclaimer, TierBadge, tierWords } from '../screening/words';
import { FilterForm, SavedViews, useUrlFilter } from '../tags/list-filters';
import { BulkProgress, useBulkDecision } from './bulk-decide';
import { RecentDecisions, useRecentDecisions } from './undo-decisions';

const reasons = {
  advance: ['Meets the minimum qualifications', 'Strong match for the role'],
  reject: [
    'Does not meet the minimum qualifications',
    'Not enough relevant experience',
    'Missing the required degree or eligibility',
    'Duplicate application',
  ],
} as const;

type Decision = keyof typeof reasons;

/** Refusals that mean someone else already moved the application on: it leaves this queue. */
const movedOn = new Set([
  'round.already_decided',
  'round.not_current',
  'application.not_active',
  'application.not_found',
]);

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);

const tierChoices = Object.keys(tierWords) as Tier[];

/**
 * The resume screen, oldest first or by the matcher's tier when the recruiter asks. Resume and requirements side by side; a, r, j, k, x and u
 * decide, move, select and undo without the mouse, because most applications end here.
 */
export function ScreeningPage() {
  const me = useStaff();
  const jobs = useApi('GET /api/jobs', { status: 'open', limit: 200 });
  const [jobId, setJobId] = useState('');
  const [filter, setFilter] = useUrlFilter('/app/screening');
  const { jobId: _job, step: _step, ...more } = filter;
  const [sort, setSort] = useState<'submitted' | 'tier'>('submitted');
  const [tiersShown, setTiersShown] = useState<Tier[]>([]);
  const list = useCursorList('GET /api/applications', {
    step: 'resume_screen',
    jobId: jobId || filter.jobId || undefined,
    limit: 50,
    sort,
    // In the stated order, so the same choice is the same URL.
    tier: tierChoices.filter((t) => tiersShown.includes(t)).join(',') || undefined,
    ...more,
  });
  const bulkDecision = useBulkDecision();
  const [done, setDone] = useState<Set<string>>(new Set());
  const queue = useMemo(() => (list.items ?? []).filter((a) => !done.has(a.id)), [list.items, done]);
  const [index, setIndex] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [rationale, setRationale] = useState<Record<Decision, string>>({
    advance: reasons.advance[0],
    reject: reasons.reject[0],
  });
  const [notice, setNotice] = useState('');
  const [bulk, setBulk] = useState<BulkResult>();
  const action = useAction();
  const recent = useRecentDecisions();
  const current = queue[Math.min(index, queue.length - 1)];
  /** Undone applications come back to the queue where they were. */
  const bringBack = useCallback((ids: string[]) => {
    setDone((d) => new Set([...d].filter((id) => !ids.includes(id))));
    if (ids.length > 0)
      setNotice(
        `Undone: ${ids.length === 1 ? 'the decision' : `${ids.length} decisions`}; nothing was sent.`,
      );
  }, []);

  const decide = useCallback(
    async (decision: Decision) => {
      const roundKey = current?.currentRound;
      if (!current || action.busy || !roundKey) return;
      const leave = () => setDone((d) => new Set(d).add(current.id));
      const decided = await action.run(
        () =>
          send(
            'POST /api/applications/{id}/decisions',
            { id: current.id },
            {
              roundKey,
              decision,
              rationale: rationale[decision],
            },
          ),
        (error) => movedOn.has(error.code) && leave(),
      );
      if (!decided) return;
      leave();
      const label = `${current.candidateName}: ${decision === 'advance' ? 'advanced' : 'rejected'}`;
      setNotice(`${label}.`);
      const taken = decided.decisions.at(-1);
      if (taken?.undoUntil)
        recent.add({ key: taken.id, label, decisionIds: [taken.id], until: taken.undoUntil });
    },
    [current, action, rationale, recent.add],
  );

  const decideSelected = async (decision: Decision) => {
    const items = queue
      .filter((a) => selected.has(a.id))
      .map((a) => ({ applicationId: a.id, roundKey: a.currentRound! }));
    const done = await action.run(() =>
      bulkDecision.decide({ items, decision, rationale: rationale[decision] }),
    );
    if (!done) return false;
    const { result, interrupted } = done;
    setBulk(result);
    const gone = result.results.filter((r) => r.ok || movedOn.has(r.error?.code ?? ''));
    setDone((d) => new Set([...d, ...gone.map((r) => r.applicationId)]));
    setSelected(new Set());
    const label = `${result.succeeded} ${decision === 'advance' ? 'advanced' : 'rejected'}`;
    const left = items.length - result.results.length;
    setNotice(
      `${label}, ${result.failed} refused${interrupted ? `; ${left} not sent: ${interrupted.message}` : ''}.`,
    );
    const taken = result.results.filter((r) => r.ok && r.decisionId && r.undoUntil);
    if (taken.length > 0)
      recent.add({
        key: taken[0]!.decisionId!,
        label,
        decisionIds: taken.map((r) => r.decisionId!),
        until: taken[0]!.undoUntil!,
      });
    return true;
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (typing(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      // A confirmation is open: its keys are its own.
      if (document.querySelector('dialog[open]')) return;
      const keys: Record<string, () => void> = {
        a: () => void decide('advance'),
        r: () => void decide('reject'),
        j: () => setIndex((i) => Math.min(i + 1, queue.length - 1)),
        k: () => setIndex((i) => Math.max(i - 1, 0)),
        u: () => {
          const latest = recent.live[0];
          if (latest && !recent.busy) void recent.undo(latest).then(bringBack);
        },
        x: () =>
          current &&
          setSelected((s) => {
            const next = new Set(s);
            next.has(current.id) ? next.delete(current.id) : next.add(current.id);
            return next;
          }),
      };
      const run = keys[event.key];
      if (run) {
        event.preventDefault();
        run();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [decide, queue.length, current, recent, bringBack]);

  const jobOptions: [string, string][] = [
    ['', 'All open jobs'],
    ...(jobs.data?.items ?? []).map((j): [string, string] => [j.id, j.title]),
  ];
  return (
    <Page title="Resume screen">
      <p className="hint" id="keys">
        Keys: <kbd>a</kbd> advance · <kbd>r</kbd> reject · <kbd>j</kbd>/<kbd>k</kbd> next/previous ·{' '}
        <kbd>x</kbd> select for a bulk decision · <kbd>u</kbd> undo the latest decision
      </p>
      <div className="toolbar">
        <SelectField
          label="Job"
          value={jobId}
          onChange={(v) => {
            setJobId(v);
            setIndex(0);
          }}
          options={jobOptions}
        />
        <SelectField
          label="Reason when advancing"
          value={rationale.advance}
          onChange={(v) => setRationale((r) => ({ ...r, advance: v }))}
          options={reasons.advance.map((r) => [r, r] as const)}
        />
        <SelectField
          label="Reason when rejecting"
          value={rationale.reject}
          onChange={(v) => setRationale((r) => ({ ...r, reject: v }))}
          options={reasons.reject.map((r) => [r, r] as const)}
        />
        <SelectField
          label="Order"
          value={sort}
          onChange={(v) => {
            setSort(v);
            setIndex(0);
          }}
          options={[
            ['submitted', 'Oldest first'],
            ['tier', 'Sort by tier'],
          ]}
        />
        <Checkboxes
          legend="Only these tiers"
          values={tierChoices}
          chosen={tiersShown}
          labels={tierWords}
          onChange={(chosen) => {
            setTiersShown(chosen);
            setIndex(0);
          }}
        />
      </div>
      <p className="hint tier-note">{queueDisclaimer}</p>
      <details className="more-filters" open={Object.keys(filter).length > 0}>
        <summary>More filters and saved views</summary>
        <FilterForm
          list="screening"
          filter={filter}
          omit={['step', 'jobId']}
          onChange={(f) => {
            setFilter(f);
            setIndex(0);
          }}
        />
        <SavedViews list="screening" filter={filter} onOpen={setFilter} canSave={can(me, 'view.save')} />
      </details>
      <p role="status" aria-live="polite" className="notice-line">
        {notice}
      </p>
      <ErrorNotice error={action.error ?? list.error} />
      <RecentDecisions recent={recent} timeZone={me.timezone} onUndone={bringBack} />
      <BulkProgress progress={bulkDecision.progress} />
      {selected.size > 0 && (
        <section className="bulk-bar" aria-label="Bulk decision">
          {selected.size} selected
          <button type="button" onClick={() => decideSelected('advance')} disabled={action.busy}>
            Advance selected
          </button>
          <ConfirmAction
            trigger="Reject selected"
            title={`Reject ${selected.size === 1 ? 'this application' : `these ${selected.size} applications`}?`}
            confirm={`Reject ${selected.size}`}
            onConfirm={() => decideSelected('reject')}
            disabled={action.busy}
          >
            <p>
              The reason recorded is “{rationale.reject}”. Each candidate hears once the time to undo has
              passed; until then you can take the decisions back.
            </p>
          </ConfirmAction>
        </section>
      )}
      {bulk && bulk.failed > 0 && (
        <table className="results">
          <caption>Refused in the last bulk decision</caption>
          <thead>
            <tr>
              <th>Application</th>
              <th>Why</th>
            </tr>
          </thead>
          <tbody>
            {bulk.results
              .filter((r) => !r.ok)
              .map((r) => (
                <tr key={r.applicationId}>
                  <td>
                    <Link href={`/app/applications/${r.applicationId}`}>
                      {list.items?.find((a) => a.id === r.applicationId)?.candidateName ?? r.applicationId}
                    </Link>
                  </td>
                  <td>{r.error?.message}</td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
      {list.items === undefined ? (
        <Loading what="Loading the queue" />
      ) : queue.length === 0 ? (
        <Empty>No application is waiting for its resume screen.</Empty>
      ) : (
        <div className="screening">
          <section aria-label={sort === 'tier' ? 'Queue, by tier' : 'Queue, oldest first'} className="queue">
            <ul>
              {queue.map((a, i) => (
                <li key={a.id} className={a.id === current?.id ? 'current' : undefined}>
                  <input
                    type="checkbox"
                    aria-label={`Select ${a.candidateName}`}
                    checked={selected.has(a.id)}
                    onChange={() =>
                      setSelected((s) => {
                        const n = new Set(s);
                        n.has(a.id) ? n.delete(a.id) : n.add(a.id);
                        return n;
                      })
                    }
                  />
                  <button
                    type="button"
                    className="link"
                    aria-current={a.id === current?.id ? 'true' : undefined}
                    onClick={() => setIndex(i)}
                  >
                    {a.candidateName}
                  </button>
                  <span className="meta">
                    {a.jobTitle} · {when(a.submittedAt, me.timezone)}
                  </span>
                  <span className="queue-tier">
                    <TierBadge screening={a.screening} />
                  </span>
                </li>
              ))}
            </ul>
            <MoreButton more={list.more} loading={list.loading} />
          </section>
          {current && <ScreenDetail key={current.id} item={current} onDecide={decide} busy={action.busy} />}
        </div>
      )}
    </Page>
  );
}

function ScreenDetail({
  item,
  onDecide,
  busy,
}: {
  item: ApplicationItem;
  onDecide: (d: Decision) => void;
  busy: boolean;
}) {
  const me = useStaff();
  const detail = useApi('GET /api/applications/{id}', { id: item.id });
  const job = useApi('GET /api/jobs/{id}', { id: item.jobId });
  return (
    <section className="screen-detail" aria-label={`Screening ${item.candidateName}`}>
      <h2>
        <Link href={`/app/applications/${item.id}`}>{item.candidateName}</Link>{' '}
        <span className="meta">for {item.jobTitle}</span>
      </h2>
      <div className="actions">
        <button type="button" onClick={() => onDecide('advance')} disabled={busy} aria-keyshortcuts="a">
          Advance (a)
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => onDecide('reject')}
          disabled={busy}
          aria-keyshortcuts="r"
        >
          Reject (r)
        </button>
      </div>
      {item.blind && <BlindBanner />}
      <EvidencePanel
        applicationId={item.id}
        timeZone={me.timezone}
        fallbackResume={
          detail.data
            ? (detail.data.candidate.resumeText ??
              (detail.data.candidate.resumeUnread
                ? `No text could be read from the resume: ${detail.data.candidate.resumeUnread.message}. The file is kept as sent.`
                : 'No resume text: see the attachments on the candidate page.'))
            : undefined
        }
      />
      <details className="requirements">
        <summary>The posting's qualifications</summary>
        {job.data ? (
          <>
            <h4>Minimum</h4>
            <ul>
              {job.data.posting.minimumQualifications.map((q) => (
                <li key={q}>{q}</li>
              ))}
            </ul>
            {job.data.posting.minimumQualifications.length === 0 && <Empty>None listed.</Empty>}
            <h4>Preferred</h4>
            <ul>
              {job.data.posting.preferredQualifications.map((q) => (
                <li key={q}>{q}</li>
              ))}
            </ul>
            {job.data.posting.preferredQualifications.length === 0 && <Empty>None listed.</Empty>}
          </>
        ) : (
          <Loading what="Loading the requirements" />
        )}
      </details>
    </section>
  );
}
