import { type FormEvent, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { send, useAction, useApi } from '../../client';
import { can, useStaff } from '../../session';
import type { ApplicationDetail, Offer } from '../../types';
import { ErrorNotice, humanize, Show, TextField } from '../../ui';

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
                    {humanize(o.status)} · revision {o.revision}
                  </Link>
                </li>
              ))}
            </ul>
            {atOffer &&
              can(me, 'offer.manage') &&
              !d.items.some((o) => !['rescinded', 'declined', 'expired'].includes(o.status)) && (
                <OfferForm applicationId={a.id} onCreated={(offer) => navigate(`/app/offers/${offer.id}`)} />
              )}
          </>
        )}
      </Show>
    </section>
  );
}

const isoDay = (daysAhead: number) =>
  new Date(Date.now() + daysAhead * 86_400_000).toISOString().slice(0, 10);

function OfferForm({
  applicationId,
  onCreated,
}: {
  applicationId: string;
  onCreated: (offer: Offer) => void;
}) {
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
            expiresAt: `${f.expiresOn}T23:59:59Z`,
            level: f.level,
            location: f.location,
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
      <ErrorNotice error={action.error} />
      <TextField label="Currency" value={f.currency} onChange={set('currency')} error={err('currency')} />
      <TextField
        label="Base salary per year"
        type="number"
        value={f.base}
        onChange={set('base')}
        error={err('baseSalaryCents')}
      />
      <TextField
        label="Sign-on bonus"
        type="number"
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
      <TextField
        label="Start date"
        type="date"
        value={f.startDate}
        onChange={set('startDate')}
        error={err('startDate')}
      />
      <TextField
        label="Offer expires on (end of day, UTC)"
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
