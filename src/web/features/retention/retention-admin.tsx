import { type FormEvent, useState } from 'react';
import type { DryRunView, RetentionPolicyView } from '../../../contracts/retention';
import { send, useAction, useApi, useCursorList } from '../../client';
import { useStaff } from '../../session';
import { ConfirmAction, day, Empty, ErrorNotice, MoreButton, Show, TextField, when } from '../../ui';

const endingWords = { rejected: 'rejected', withdrawn: 'withdrew', closed: 'closed with its job' } as const;
const candidates = (n: number) => (n === 1 ? '1 candidate' : `${n} candidates`);

/**
 * Data retention: each office's policy, the dry run of what a purge would erase now (the purge
 * erases exactly the candidates it lists that are still due), legal holds, and the last runs.
 */
export function RetentionAdmin() {
  const me = useStaff();
  const [dry, setDry] = useState<DryRunView | null>(null);
  // What the last purge erased stays on the page while the dry run is rebuilt below it.
  const [erasedNote, setErasedNote] = useState<string | null>(null);
  const action = useAction();
  const holds = useCursorList('GET /api/retention/holds', { active: 'true', limit: 20 });
  const runs = useCursorList('GET /api/retention/runs', { limit: 10 });

  const dryRun = async () => {
    const answer = await action.run(() => send('POST /api/retention/dry-run', {}));
    if (answer) setDry(answer);
    runs.reload();
    return Boolean(answer);
  };
  const purge = async () => {
    if (!dry) return false;
    const done = await action.run(() => send('POST /api/retention/purge', {}, { dryRunId: dry.id }));
    if (!done) return false;
    setErasedNote(
      done.candidates === 0
        ? 'Nobody was erased: none of the listed candidates is still due.'
        : `Erased ${candidates(done.candidates)} on ${when(done.ranAt, me.timezone)}.`,
    );
    await dryRun();
    return true;
  };
  const placed = async () => {
    holds.reload();
    await dryRun();
  };

  return (
    <>
      <p className="hint">
        An office without a policy keeps its candidates' data: nothing is erased by default. A candidate is
        erased only when every application has ended and passed the longest keep among its offices, with no
        consent to future jobs in force, no open offer and no legal hold. The schedule runs the same purge
        once a day.
      </p>
      <ErrorNotice error={action.error} />
      {erasedNote && (
        <p role="status" className="notice">
          {erasedNote}
        </p>
      )}
      <Policies />

      <section aria-labelledby="retention-dry-run">
        <h2 id="retention-dry-run">Dry run</h2>
        <p>Lists who a purge would erase now, and why, without erasing anyone.</p>
        <button type="button" onClick={dryRun} disabled={action.busy}>
          Run a dry run
        </button>
        {dry && (
          <>
            <p role="status">
              {dry.candidates === 0
                ? 'Nobody is due for erasure now.'
                : `${dry.candidates} ${dry.candidates === 1 ? 'candidate is' : 'candidates are'} due for erasure.`}{' '}
              {dry.keptOnHold > 0 && `${dry.keptOnHold} more kept by a legal hold. `}
              {dry.keptByConsent > 0 && `${dry.keptByConsent} more kept by their consent to future jobs. `}
              {dry.more && 'More are due than one run takes: the next run takes them.'}
            </p>
            {dry.items.length > 0 && (
              <>
                <table>
                  <caption className="visually-hidden">Candidates a purge would erase</caption>
                  <thead>
                    <tr>
                      <th scope="col">Candidate</th>
                      <th scope="col">Due since</th>
                      <th scope="col">Why</th>
                      <th scope="col">Hold</th>
                    </tr>
                  </thead>
                  <tbody>
                    {dry.items.map((item) => (
                      <tr key={item.candidateId}>
                        <td>{item.name}</td>
                        <td>{day(item.dueSince.slice(0, 10))}</td>
                        <td>
                          <ul>
                            {item.reasons.map((r) => (
                              <li key={r.applicationId}>
                                {endingWords[r.status]} for {r.jobTitle} on {day(r.endedAt.slice(0, 10))};{' '}
                                {r.office} keeps {r.keepMonths} months
                              </li>
                            ))}
                            {item.consentExpiredAt && (
                              <li>consent to future jobs ended {day(item.consentExpiredAt.slice(0, 10))}</li>
                            )}
                          </ul>
                        </td>
                        <td>
                          <PlaceHold candidateId={item.candidateId} name={item.name} onPlaced={placed} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <ConfirmAction
                  trigger={
                    dry.items.length === 1
                      ? 'Erase this candidate'
                      : `Erase these ${dry.items.length} candidates`
                  }
                  title={`Erase ${candidates(dry.items.length)}?`}
                  confirm="Erase them"
                  onConfirm={purge}
                  disabled={action.busy}
                >
                  <p>
                    Their names, contact details, resumes, files, answers and messages are erased for good.
                    Only the candidates listed here that are still due now are erased.
                  </p>
                </ConfirmAction>
              </>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="retention-holds">
        <h2 id="retention-holds">Legal holds</h2>
        {holds.error && <ErrorNotice error={holds.error} />}
        {holds.items && holds.items.length === 0 && <Empty>No legal holds in force.</Empty>}
        {holds.items && holds.items.length > 0 && (
          <ul>
            {holds.items.map((h) => (
              <li key={h.id}>
                {h.candidateName}: {h.reason} (placed by {h.placedBy}, {when(h.placedAt, me.timezone)}){' '}
                <ReleaseHold id={h.id} name={h.candidateName} onReleased={holds.reload} />
              </li>
            ))}
          </ul>
        )}
        <MoreButton more={holds.more} loading={holds.loading} />
      </section>

      <section aria-labelledby="retention-runs">
        <h2 id="retention-runs">Last runs</h2>
        {runs.items && runs.items.length === 0 && <Empty>No runs yet.</Empty>}
        {runs.items && runs.items.length > 0 && (
          <ul>
            {runs.items.map((r) => (
              <li key={r.id}>
                {when(r.ranAt, me.timezone)}: {r.dry ? 'dry run' : 'purge'} by {r.runBy ?? 'the schedule'},{' '}
                {r.candidates} {r.dry ? 'listed' : 'erased'}
                {r.keptOnHold > 0 && `, ${r.keptOnHold} kept by a hold`}
                {r.keptByConsent > 0 && `, ${r.keptByConsent} kept by consent`}
              </li>
            ))}
          </ul>
        )}
        <MoreButton more={runs.more} loading={runs.loading} />
      </section>
    </>
  );
}

function Policies() {
  const policies = useApi('GET /api/retention/policies', {});
  return (
    <section aria-labelledby="retention-policies">
      <h2 id="retention-policies">Office policies</h2>
      <Show
        loaded={policies}
        isEmpty={(p) => p.items.length === 0}
        empty="No offices yet: add one under Teams to set its retention policy."
      >
        {(p) =>
          p.items.map((policy) => (
            <PolicyForm
              key={`${policy.officeId}:${policy.version}`}
              view={policy}
              onSaved={policies.reload}
            />
          ))
        }
      </Show>
    </section>
  );
}

const keepFields = [
  ['rejectedMonths', 'Keep rejected candidates (months)'],
  ['withdrawnMonths', 'Keep candidates who withdrew (months)'],
  ['closedMonths', 'Keep candidates whose job closed (months)'],
] as const;
type KeepField = (typeof keepFields)[number][0];
const asField = (months: number | null | undefined) => (months == null ? '' : String(months));
const asMonths = (value: string) => (value.trim() === '' ? null : Number(value));

function PolicyForm({ view, onSaved }: { view: RetentionPolicyView; onSaved: () => void }) {
  const p = view.policy;
  const [keep, setKeep] = useState<Record<KeepField, string>>({
    rejectedMonths: asField(p?.rejectedMonths),
    withdrawnMonths: asField(p?.withdrawnMonths),
    closedMonths: asField(p?.closedMonths),
  });
  const [consent, setConsent] = useState(String(p?.consentMonths ?? 12));
  const [notice, setNotice] = useState(String(p?.renewalNoticeDays ?? 30));
  const action = useAction();
  const issue = (field: string) => action.error?.issues.find((i) => i.field.endsWith(field))?.message;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      rejectedMonths: asMonths(keep.rejectedMonths),
      withdrawnMonths: asMonths(keep.withdrawnMonths),
      closedMonths: asMonths(keep.closedMonths),
      consentMonths: Number(consent),
      renewalNoticeDays: Number(notice),
      version: view.version,
    };
    if (
      await action.run(() =>
        send('PUT /api/retention/policies/{officeId}', { officeId: view.officeId }, body),
      )
    )
      onSaved();
  };
  return (
    <form onSubmit={submit} aria-label={`Retention policy of ${view.officeName}`} className="card">
      <h3>{view.officeName}</h3>
      <p className="hint">
        {p ? `Policy saved ${day(p.updatedAt.slice(0, 10))}.` : 'No policy: everyone is kept.'}
      </p>
      <ErrorNotice error={action.error?.issues.length ? undefined : action.error} />
      {keepFields.map(([field, label]) => (
        <TextField
          key={field}
          label={label}
          hint="Months; leave empty to keep these candidates"
          type="number"
          value={keep[field]}
          onChange={(value) => setKeep((k) => ({ ...k, [field]: value }))}
          error={issue(field)}
        />
      ))}
      <TextField
        label="Consent to future jobs lasts (months)"
        type="number"
        value={consent}
        onChange={setConsent}
        error={issue('consentMonths')}
      />
      <TextField
        label="Ask to renew consent (days before it ends)"
        type="number"
        value={notice}
        onChange={setNotice}
        error={issue('renewalNoticeDays')}
      />
      <button type="submit" disabled={action.busy}>
        Save {view.officeName}'s policy
      </button>
    </form>
  );
}

function PlaceHold({
  candidateId,
  name,
  onPlaced,
}: {
  candidateId: string;
  name: string;
  onPlaced: () => void;
}) {
  const [reason, setReason] = useState('');
  const action = useAction();
  return (
    <ConfirmAction
      trigger={`Place a legal hold on ${name}`}
      title={`Place a legal hold on ${name}?`}
      confirm="Place the hold"
      className="secondary"
      onConfirm={async () => {
        const done = await action.run(() => send('POST /api/retention/holds', {}, { candidateId, reason }));
        if (done) onPlaced();
        return Boolean(done);
      }}
    >
      <p>No purge erases their data until the hold is released.</p>
      <ErrorNotice error={action.error} fields={{ 'body.reason': 'Reason' }} />
      <TextField label="Reason" value={reason} onChange={setReason} required autoFocus />
    </ConfirmAction>
  );
}

function ReleaseHold({ id, name, onReleased }: { id: string; name: string; onReleased: () => void }) {
  const action = useAction();
  return (
    <ConfirmAction
      trigger={`Release the hold on ${name}`}
      title={`Release the legal hold on ${name}?`}
      confirm="Release it"
      className="secondary"
      onConfirm={async () => {
        const done = await action.run(() => send('POST /api/retention/holds/{id}/release', { id }));
        if (done) onReleased();
        return Boolean(done);
      }}
    >
      <ErrorNotice error={action.error} />
      <p>The office policies apply to them again from the next purge.</p>
    </ConfirmAction>
  );
}
