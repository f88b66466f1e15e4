import { type FormEvent, useState } from 'react';
import { send, useAction } from '../../client';
import { label, offerComponentLabels } from '../../labels';
import type { Offer } from '../../types';
import { ErrorNotice, money, SelectField, TextField, when } from '../../ui';

/** Each term's name as a person reads it, for the diff of a revision. */
const termWords: Record<string, string> = {
  baseSalaryCents: 'Base salary',
  'signOn.amountCents': 'Sign-on bonus',
  'signOn.instalments': 'Sign-on instalments',
  'signOn.clawbackMonths': 'Sign-on clawback months',
  targetBonusBps: 'Target bonus',
  'equity.units': 'Equity units',
  'equity.valueCents': 'Equity value',
  'equity.referencePriceCents': 'Reference price per unit',
  vestingScheduleKey: 'Vesting schedule',
  startDate: 'Start date',
  expiresAt: 'Expires',
  level: 'Level',
  location: 'Location',
  currency: 'Currency',
};

/** A changed value in words: money as money, a bonus as a percentage, a schedule by its name. */
function valueWords(field: string, value: unknown, currency: string, timeZone: string) {
  if (value === null || value === undefined) return '—';
  if (field.endsWith('Cents') && typeof value === 'number') return money(value, currency);
  if (field === 'targetBonusBps' && typeof value === 'number') return `${value / 100}%`;
  if (field === 'expiresAt' && typeof value === 'string') return when(value, timeZone);
  if (field === 'vestingScheduleKey' && typeof value === 'string') return label(value);
  return String(value);
}

/** Every revision with who changed what and why, field by field against the one before. */
export function RevisionHistory({ offer: o, timeZone }: { offer: Offer; timeZone: string }) {
  // The first revision is the draft itself: its terms are shown above, not as changes from nothing.
  const revised = o.revisions.filter((r) => r.revision > 1 && r.changes.length > 0);
  if (revised.length === 0) return null;
  return (
    <section aria-labelledby="revisions-title">
      <h2 id="revisions-title">Revisions</h2>
      {revised.map((r) => (
        <table key={r.revision}>
          <caption>
            Revision {r.revision}, {when(r.at, timeZone)}: “{r.reason}”
          </caption>
          <thead>
            <tr>
              <th scope="col">Term</th>
              <th scope="col">Was</th>
              <th scope="col">Now</th>
            </tr>
          </thead>
          <tbody>
            {r.changes.map((c) => (
              <tr key={c.field}>
                <th scope="row">{termWords[c.field] ?? label(c.field)}</th>
                <td>{valueWords(c.field, c.from, r.terms.currency, timeZone)}</td>
                <td>{valueWords(c.field, c.to, r.terms.currency, timeZone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}

/** The candidate's counters, each with how it was answered: a later revision, or still waiting. */
export function CounterList({ offer: o, timeZone }: { offer: Offer; timeZone: string }) {
  if (o.counters.length === 0) return null;
  const answer = (revision: number) => o.revisions.find((r) => r.revision > revision && r.changes.length > 0);
  return (
    <section aria-labelledby="counters-title">
      <h2 id="counters-title">Counter-proposals from {o.candidateName}</h2>
      <ul>
        {o.counters.map((c) => {
          const answered = answer(c.revision);
          return (
            <li key={c.id}>
              <strong>{offerComponentLabels[c.component]}</strong>: {c.proposal}
              {c.note && ` — “${c.note}”`} <span className="meta">({when(c.at, timeZone)})</span> ·{' '}
              {answered
                ? `answered in revision ${answered.revision}: “${answered.reason}”`
                : 'waiting for an answer'}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

type Field =
  | 'baseSalaryCents'
  | 'signOn'
  | 'targetBonusBps'
  | 'equityUnits'
  | 'startDate'
  | 'level'
  | 'location';
const revisable: [Field, string][] = [
  ['baseSalaryCents', 'Base salary per year'],
  ['signOn', 'Sign-on bonus'],
  ['targetBonusBps', 'Target bonus, % of base'],
  ['equityUnits', 'Equity units'],
  ['startDate', 'Start date'],
  ['level', 'Level'],
  ['location', 'Location'],
];

/** The term as the form shows it: money in whole units, a bonus in percent. */
function current(o: Offer, field: Field): string {
  const t = o.terms;
  switch (field) {
    case 'baseSalaryCents':
      return String(t.baseSalaryCents / 100);
    case 'signOn':
      return String(t.signOn.amountCents / 100);
    case 'targetBonusBps':
      return String(t.targetBonusBps / 100);
    case 'equityUnits':
      return t.equity.kind === 'units' ? String(t.equity.units) : '0';
    default:
      return t[field];
  }
}

/** The change the API takes for one term, from what the form holds. */
function change(o: Offer, field: Field, value: string) {
  const number = Number(value);
  switch (field) {
    case 'baseSalaryCents':
      return { baseSalaryCents: Math.round(number * 100) };
    case 'signOn':
      return { signOn: { ...o.terms.signOn, amountCents: Math.round(number * 100) } };
    case 'targetBonusBps':
      return { targetBonusBps: Math.round(number * 100) };
    case 'equityUnits':
      return {
        equity: o.terms.equity.kind === 'units' ? { ...o.terms.equity, units: number } : o.terms.equity,
      };
    default:
      return { [field]: value };
  }
}

/** Revises one term (after a counter, say) with the reason; the revision needs its approvals anew. */
export function ReviseForm({ offer: o, onRevised }: { offer: Offer; onRevised: () => void }) {
  const [field, setField] = useState<Field>('baseSalaryCents');
  const [value, setValue] = useState(() => current(o, 'baseSalaryCents'));
  const [reason, setReason] = useState('');
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { expectedRevision: o.revision, changes: change(o, field, value), reason };
    if (await action.run(() => send('POST /api/offers/{id}/revisions', { id: o.id }, body))) {
      setReason('');
      onRevised();
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Revise the offer" className="card">
      <h2>Revise the offer</h2>
      <p className="hint">
        A revised offer is a draft again: it goes through its approvals before it is sent.
      </p>
      <ErrorNotice error={action.error} fields={{ changes: 'The change', reason: 'Why it changes' }} />
      <SelectField
        label="Term to change"
        value={field}
        onChange={(f) => {
          setField(f);
          setValue(current(o, f));
        }}
        options={revisable}
      />
      <TextField
        label={revisable.find(([f]) => f === field)![1]}
        type={field === 'startDate' ? 'date' : field === 'level' || field === 'location' ? 'text' : 'number'}
        value={value}
        onChange={setValue}
        error={action.error?.about(`changes.${field}`)}
      />
      <TextField
        label="Why it changes"
        hint="Shown to approvers and kept with the revision."
        multiline
        rows={2}
        value={reason}
        onChange={setReason}
        error={action.error?.about('reason')}
      />
      <button type="submit" disabled={action.busy}>
        Save the revision
      </button>
    </form>
  );
}
