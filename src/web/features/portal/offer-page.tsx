import { type FormEvent, useState } from 'react';
import { offerComponents } from '../../../contracts/vocabulary';
import { send, useAction, useApi } from '../../client';
import type { Answer } from '../../endpoints';
import { label, offerComponentLabels } from '../../labels';
import { browserZone, ErrorNotice, Page, SelectField, Show, TextField, when } from '../../ui';
import { CompensationView, OfferTerms } from '../offers/compensation';

type Offer = Answer<'GET /api/me/offers/{id}'>;

/** Signing: the candidate's name typed over the letter they were shown, and their agreement. */
function SignForm({ offer, onSigned }: { offer: Offer; onSigned: () => void }) {
  const [typedName, setTypedName] = useState('');
  const [agree, setAgree] = useState(false);
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // An unticked box is sent as it is: the answer says, beside the box, why it is needed.
    const body = { typedName, agree } as { typedName: string; agree: true };
    if (await action.run(() => send('POST /api/me/offers/{id}/sign', { id: offer.id }, body))) onSigned();
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Sign the offer letter" className="card">
      <h2>Sign and accept</h2>
      <p>
        Read <a href={`/api/me/offers/${offer.id}/letter`}>your offer letter</a> first. Signing accepts the
        offer; we keep the name you type, the time, your address and a fingerprint (SHA-256) of the letter you
        signed.
      </p>
      <ErrorNotice error={action.error} fields={{ typedName: 'Your full name', agree: 'Agreement' }} />
      <TextField
        label="Your full name"
        hint="As on your application; family name first is fine."
        value={typedName}
        onChange={setTypedName}
        error={action.error?.about('typedName')}
      />
      <label className="inline">
        <input type="checkbox" checked={agree} onChange={(e) => setAgree(e.target.checked)} /> I have read the
        letter and accept this offer.
      </label>
      {action.error?.about('agree') && <span className="field-error">{action.error.about('agree')}</span>}
      <div className="actions">
        <button type="submit" disabled={action.busy}>
          Sign and accept
        </button>
      </div>
    </form>
  );
}

/** Negotiation: one component countered at a time, with what the candidate proposes and why. */
function CounterForm({ offer, onSent }: { offer: Offer; onSent: () => void }) {
  const [component, setComponent] = useState<(typeof offerComponents)[number]>('base');
  const [proposal, setProposal] = useState('');
  const [note, setNote] = useState('');
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (
      await action.run(() =>
        send('POST /api/me/offers/{id}/counters', { id: offer.id }, { component, proposal, note }),
      )
    ) {
      setProposal('');
      setNote('');
      onSent();
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Counter the offer" className="card">
      <h2>Ask for a change</h2>
      <p className="hint">
        Counter one part of the offer at a time; HR answers with a revised offer or a note.
      </p>
      <ErrorNotice
        error={action.error}
        fields={{ component: 'Part of the offer', proposal: 'What you propose', note: 'Why' }}
      />
      <SelectField
        label="Part of the offer"
        value={component}
        onChange={setComponent}
        options={offerComponents.map((c): [typeof c, string] => [c, offerComponentLabels[c]])}
      />
      <TextField
        label="What you propose"
        hint="For example: $215,000 base, or 6,000 units."
        value={proposal}
        onChange={setProposal}
        error={action.error?.about('proposal')}
      />
      <TextField
        label="Why"
        multiline
        rows={3}
        value={note}
        onChange={setNote}
        error={action.error?.about('note')}
      />
      <button type="submit" className="secondary" disabled={action.busy}>
        Send the counter
      </button>
    </form>
  );
}

export function PortalOfferPage({ id }: { id: string }) {
  const offer = useApi('GET /api/me/offers/{id}', { id });
  const action = useAction();
  const zone = browserZone();
  const respond = async (answer: 'accept' | 'decline') => {
    if (await action.run(() => send(`POST /api/me/offers/{id}/${answer}`, { id }, {}))) offer.reload();
  };
  return (
    <Show loaded={offer}>
      {(o) => (
        <Page title={`Your offer: ${o.jobTitle}`}>
          <p className="meta">
            {label(o.status)}
            {o.sentAt && ` · sent ${when(o.sentAt, zone)}`} · reply by {when(o.terms.expiresAt, zone)}
          </p>
          <ErrorNotice error={action.error} />
          {o.status === 'sent' && (
            <div className="actions">
              {!o.signatureRequired && (
                <button type="button" onClick={() => respond('accept')} disabled={action.busy}>
                  Accept the offer
                </button>
              )}
              <button
                type="button"
                className="danger"
                onClick={() => respond('decline')}
                disabled={action.busy}
              >
                Decline
              </button>
            </div>
          )}
          {o.status === 'sent' && o.signatureRequired && <SignForm offer={o} onSigned={offer.reload} />}
          {o.status === 'accepted' && (
            <p className="notice" role="status">
              You accepted this offer. Welcome aboard!
              {o.signature && (
                <>
                  {' '}
                  You signed it as {o.signature.typedName} on {when(o.signature.signedAt, zone)}:{' '}
                  <a href={`/api/me/offers/${id}/signed-letter.pdf`}>your signed letter (PDF)</a>.
                </>
              )}
            </p>
          )}
          <OfferTerms terms={o.terms} timeZone={zone} />
          <CompensationView offerId={id} mine />
          <p>
            <a href={`/api/me/offers/${id}/letter.pdf`}>Your offer letter (PDF)</a>
          </p>
          {o.counters.length > 0 && (
            <section aria-labelledby="counters-title">
              <h2 id="counters-title">Your counters</h2>
              <ul>
                {o.counters.map((c) => (
                  <li key={c.id}>
                    {offerComponentLabels[c.component]}: {c.proposal}
                    {c.note && ` — “${c.note}”`} · {when(c.at, zone)} · on revision {c.revision}
                    {c.revision < o.revision ? ' (answered with a revised offer)' : ' (waiting for HR)'}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {o.status === 'sent' && <CounterForm offer={o} onSent={offer.reload} />}
        </Page>
      )}
    </Show>
  );
}
