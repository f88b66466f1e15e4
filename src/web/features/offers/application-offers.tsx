import { type FormEvent, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { send, useAction, useApi } from '../../client';
import { label } from '../../labels';
import { can, useStaff } from '../../session';
import type { ApplicationDetail, Job, Offer } from '../../types';
import { ErrorNotice, money, SelectField, Show, TextField } from '../../ui';

/** The application's offers, and drafting one once every round is passed. */
export function ApplicationOffers({ application: a }: { application: ApplicationDetail }) {
  const me = useStaff();
  const [, navigate] = useLocation();
  const offers = useApi('GET /api/applications/{id}/offers', { id: a.id });
  const atOffer = a.status === 'active' && a.currentRound === null;
  return (
    <section aria-labelledby="offers-title">
      <h2 id="offers-title">Offer</h2>
      <Show loaded={offers} isEmpty={(d) => d.items.length === 0 && !atOffer} empty="No offer.">
        {(d) => (
          <>
            <ul>
              {d.items.map((o) => (
                <li key={o.id}>
                  <Link href={`/app/offers/${o.id}`}>
                    {label(o.status)} · revision {o.revision}
                  </Link>
                </li>
              ))}
            </ul>
            {atOffer &&
              can(me, 'offer.manage') &&
              !d.items.some((o) => !['rescinded', 'declined', 'expired'].includes(o.status)) && (
                <OfferForm application={a} onCreated={(offer) => navigate(`/app/offers/${offer.id}`)} />
              )}
          </>
        )}
      </Show>
    </section>
  );
}

/** The draft form's label for each field of the terms the server may name. */
const offerFields: Record<string, string> = {
  'terms.currency': 'Currency',
  'terms.baseSalaryCents': 'Base salary per year',
  'terms.signOn.amountCents': 'Sign-on bonus',
  'terms.targetBonusBps': 'Target bonus',
  'terms.equity.units': 'Equity units',
  'terms.equity.referencePriceCents': 'Reference price per unit',
  'terms.startDate': 'Start date',
  'terms.expiresAt': 'Offer expires on',
  'terms.level': 'Level',
  'terms.vestingScheduleKey': 'Vesting schedule',
  'terms.location': 'Location',
};

const isoDay = (daysAhead: number) =>
  new Date(Date.now() + daysAhead * 86_400_000).toISOString().slice(0, 10);

/** The instant a day ends in a zone (23:59:59 there), so an offer expires at the candidate's midnight. */
export function endOfDayIn(day: string, timeZone: string): string {
  const guess = Date.parse(`${day}T23:59:59Z`);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(guess)
      .map((p) => [p.type, p.value]),
  );
  const shown = Date.parse(
    `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}Z`,
  );
  return new Date(guess - (shown - guess)).toISOString();
}

/** The job's band beside a figure: "Band: $150,000 – $250,000". */
function bandHint(
  band: NonNullable<Job['compensationBand']> | null | undefined,
  which: 'base' | 'equity' | 'signOn',
) {
  if (!band) return undefined;
  if (which === 'base')
    return `Band: ${money(band.baseMinCents, band.currency)} – ${money(band.baseMaxCents, band.currency)}`;
  const max = which === 'equity' ? band.equityMaxCents : band.signOnMaxCents;
  return max === undefined ? undefined : `Band: up to ${money(max, band.currency)}`;
}

function OfferForm({
  application: a,
  onCreated,
}: {
  application: ApplicationDetail;
  onCreated: (offer: Offer) => void;
}) {
  const applicationId = a.id;
  const job = useApi('GET /api/jobs/{id}', { id: a.job.id });
  const schedules = useApi('GET /api/vesting-schedules', {});
  const band = job.data?.compensationBand;
  const zone = a.candidate.timezone ?? 'UTC';
  const [f, setF] = useState({
    currency: 'USD',
    base: '',
    signOn: '0',
    bonusPercent: '15',
    equityUnits: '0',
    unitPrice: '0',
    startDate: isoDay(45),
    expiresOn: isoDay(7),
    level: '',
    location: '',
    vestingScheduleKey: '',
  });
  const set = (key: keyof typeof f) => (value: string) => setF((x) => ({ ...x, [key]: value }));
  const action = useAction();
  const cents = (v: string) => Math.round(Number(v) * 100);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const offer = await action.run(() =>
      send(
        'POST /api/applications/{id}/offers',
        { id: applicationId },
        {
          terms: {
            currency: f.currency,
            baseSalaryCents: cents(f.base),
            signOn: { amountCents: cents(f.signOn) },
            targetBonusBps: Math.round(Number(f.bonusPercent) * 100),
            equity: { kind: 'units', units: Number(f.equityUnits), referencePriceCents: cents(f.unitPrice) },
            startDate: f.startDate,
            expiresAt: endOfDayIn(f.expiresOn, zone),
            level: f.level,
            location: f.location,
            ...(f.vestingScheduleKey ? { vestingScheduleKey: f.vestingScheduleKey } : {}),
          },
        },
      ),
    );
    if (offer) onCreated(offer);
  };
  const err = (field: string) => action.error?.about(`terms.${field}`);
  return (
    <form onSubmit={submit} noValidate aria-label="Draft an offer">
      <h3>Draft an offer</h3>
      <ErrorNotice error={action.error} fields={offerFields} />
      <TextField label="Currency" value={f.currency} onChange={set('currency')} error={err('currency')} />
      <TextField
        label="Base salary per year"
        type="number"
        hint={bandHint(band, 'base')}
        value={f.base}
        onChange={set('base')}
        error={err('baseSalaryCents')}
      />
      <TextField
        label="Sign-on bonus"
        type="number"
        hint={bandHint(band, 'signOn')}
        value={f.signOn}
        onChange={set('signOn')}
        error={err('signOn.amountCents')}
      />
      <TextField
        label="Target bonus, % of base"
        type="number"
        value={f.bonusPercent}
        onChange={set('bonusPercent')}
        error={err('targetBonusBps')}
      />
      <TextField
        label="Equity units"
        type="number"
        hint={bandHint(band, 'equity')}
        value={f.equityUnits}
        onChange={set('equityUnits')}
        error={err('equity.units')}
      />
      <TextField
        label="Reference price per unit"
        type="number"
        value={f.unitPrice}
        onChange={set('unitPrice')}
        error={err('equity.referencePriceCents')}
      />
      <SelectField
        label="Vesting schedule"
        value={f.vestingScheduleKey}
        onChange={set('vestingScheduleKey')}
        options={[
          ['', "The process's default"],
          ...(schedules.data?.items ?? []).map((v): [string, string] => [v.key, v.name]),
        ]}
        error={err('vestingScheduleKey')}
      />
      <TextField
        label="Start date"
        type="date"
        value={f.startDate}
        onChange={set('startDate')}
        error={err('startDate')}
      />
      <TextField
        label={`Offer expires on (end of the day in ${a.candidate.timezone ? `the candidate's zone, ${zone}` : 'UTC'})`}
        type="date"
        value={f.expiresOn}
        onChange={set('expiresOn')}
        error={err('expiresAt')}
      />
      <TextField label="Level" value={f.level} onChange={set('level')} error={err('level')} />
      <TextField label="Location" value={f.location} onChange={set('location')} error={err('location')} />
      <button type="submit" disabled={action.busy}>
        {action.busy ? 'Saving…' : 'Save draft offer'}
      </button>
    </form>
  );
}
