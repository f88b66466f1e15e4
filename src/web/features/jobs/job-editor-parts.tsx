import type { Job } from '../../types';
import { Checkboxes, TextField } from '../../ui';

export type Faq = Job['posting']['faq'];
export type Band = NonNullable<Job['compensationBand']>;
export type BandForm = {
  on: boolean;
  currency: string;
  baseMin: string;
  baseMax: string;
  equityMax: string;
  signOnMax: string;
  approvers: Band['approverRoles'];
};

const approverRoles = ['hiring_manager', 'hr', 'admin'] as const;

export const bandForm = (band: Job['compensationBand'] | undefined): BandForm => ({
  on: !!band,
  currency: band?.currency ?? 'USD',
  baseMin: band ? String(band.baseMinCents / 100) : '',
  baseMax: band ? String(band.baseMaxCents / 100) : '',
  equityMax: band?.equityMaxCents !== undefined ? String(band.equityMaxCents / 100) : '',
  signOnMax: band?.signOnMaxCents !== undefined ? String(band.signOnMaxCents / 100) : '',
  approvers: band?.approverRoles ?? ['admin'],
});

/** The band the API takes, or null for none; empty maxima are left out. */
export function bandOf(f: BandForm): Job['compensationBand'] {
  if (!f.on) return null;
  const cents = (v: string) => Math.round(Number(v) * 100);
  return {
    currency: f.currency.trim().toUpperCase(),
    baseMinCents: cents(f.baseMin),
    baseMaxCents: cents(f.baseMax),
    ...(f.equityMax ? { equityMaxCents: cents(f.equityMax) } : {}),
    ...(f.signOnMax ? { signOnMaxCents: cents(f.signOnMax) } : {}),
    approverRoles: f.approvers,
  };
}

/** Questions candidates ask, with their answers, shown at the foot of the posting. */
export function FaqEditor({
  faq,
  onChange,
  error,
}: {
  faq: Faq;
  onChange: (faq: Faq) => void;
  error: (field: string) => string | undefined;
}) {
  const edit = (i: number, part: 'question' | 'answer') => (value: string) =>
    onChange(faq.map((entry, j) => (j === i ? { ...entry, [part]: value } : entry)));
  return (
    <fieldset>
      <legend>Frequently asked questions</legend>
      {faq.length === 0 && <p className="hint">None yet: add the questions candidates ask most.</p>}
      {faq.map((entry, i) => (
        // The list is edited in place; its order is its identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id of their own
        <div key={i} className="card">
          <TextField
            label={`Question ${i + 1}`}
            value={entry.question}
            onChange={edit(i, 'question')}
            error={error(`posting.faq.${i}.question`)}
          />
          <TextField
            label={`Answer ${i + 1}`}
            multiline
            rows={3}
            value={entry.answer}
            onChange={edit(i, 'answer')}
            error={error(`posting.faq.${i}.answer`)}
          />
          <button type="button" className="secondary" onClick={() => onChange(faq.filter((_, j) => j !== i))}>
            Remove question {i + 1}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="secondary"
        onClick={() => onChange([...faq, { question: '', answer: '' }])}
      >
        Add a question
      </button>
    </fieldset>
  );
}

/** The pay band: offers outside it need the approvers named here, in order. */
export function BandEditor({
  band,
  onChange,
  error,
}: {
  band: BandForm;
  onChange: (band: BandForm) => void;
  error: (field: string) => string | undefined;
}) {
  const set = (key: keyof BandForm) => (value: string) => onChange({ ...band, [key]: value });
  return (
    <fieldset>
      <legend>Compensation band</legend>
      <label className="inline">
        <input
          type="checkbox"
          checked={band.on}
          onChange={(e) => onChange({ ...band, on: e.target.checked })}
        />{' '}
        This job has a pay band (offers outside it need approval)
      </label>
      {band.on && (
        <>
          <TextField
            label="Currency"
            hint="Three letters, e.g. USD"
            value={band.currency}
            onChange={set('currency')}
            error={error('compensationBand.currency')}
          />
          <TextField
            label="Lowest base salary"
            type="number"
            value={band.baseMin}
            onChange={set('baseMin')}
            error={error('compensationBand.baseMinCents')}
          />
          <TextField
            label="Highest base salary"
            type="number"
            value={band.baseMax}
            onChange={set('baseMax')}
            error={error('compensationBand.baseMaxCents')}
          />
          <TextField
            label="Highest equity grant (optional)"
            type="number"
            value={band.equityMax}
            onChange={set('equityMax')}
            error={error('compensationBand.equityMaxCents')}
          />
          <TextField
            label="Highest sign-on bonus (optional)"
            type="number"
            value={band.signOnMax}
            onChange={set('signOnMax')}
            error={error('compensationBand.signOnMaxCents')}
          />
          <Checkboxes
            legend="Who approves an offer outside the band, in this order"
            values={approverRoles}
            chosen={band.approvers}
            onChange={(approvers) => onChange({ ...band, approvers })}
            error={error('compensationBand.approverRoles')}
          />
        </>
      )}
    </fieldset>
  );
}

/** The posting as candidates will read it on the career site, from what the form holds now. */
export function PostingPreview({
  title,
  locations,
  level,
  posting,
}: {
  title: string;
  locations: string[];
  level: string;
  posting: Job['posting'];
}) {
  const list = (heading: string, items: string[]) =>
    items.length > 0 && (
      <>
        <h4>{heading}</h4>
        <ul>
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </>
    );
  return (
    <section aria-labelledby="preview-title" className="card posting-preview">
      <h2 id="preview-title">Preview of the posting</h2>
      <h3>{title || 'Untitled job'}</h3>
      <p className="meta">
        {[level, ...locations].filter(Boolean).join(' · ') || 'No level or location yet'}
      </p>
      {posting.summary && <p>{posting.summary}</p>}
      {posting.internship && (
        <p>
          {posting.internship.term}: at least {posting.internship.minimumWeeks} weeks;{' '}
          {posting.internship.degreeLevels.join(' or ')}.
        </p>
      )}
      {list('Responsibilities', posting.responsibilities)}
      {list('Minimum qualifications', posting.minimumQualifications)}
      {list('Preferred qualifications', posting.preferredQualifications)}
      {posting.internship && list('Eligibility', posting.internship.eligibility)}
      {posting.faq.length > 0 && (
        <>
          <h4>Frequently asked questions</h4>
          <dl>
            {posting.faq.map((f) => (
              <div key={f.question}>
                <dt>{f.question}</dt>
                <dd>{f.answer}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </section>
  );
}
