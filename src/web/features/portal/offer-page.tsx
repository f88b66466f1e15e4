import { send, useAction, useApi } from '../../client';
import { browserZone, ErrorNotice, humanize, Page, Show, when } from '../../ui';
import { CompensationView, OfferTerms } from '../offers/compensation';

export function PortalOfferPage({ id }: { id: string }) {
  const offer = useApi('GET /api/me/offers/{id}', { id });
  const action = useAction();
  const zone = browserZone();
  const respond = async (answer: 'accept' | 'decline') => {
    if (
      await action.run(() =>
        answer === 'accept'
          ? send('POST /api/me/offers/{id}/accept', { id }, {})
          : send('POST /api/me/offers/{id}/decline', { id }, {}),
      )
    )
      offer.reload();
  };
  return (
    <Show loaded={offer}>
      {(o) => (
        <Page title={`Your offer: ${o.jobTitle}`}>
          <p className="meta">
            {humanize(o.status)}
            {o.sentAt && ` · sent ${when(o.sentAt, zone)}`} · reply by {when(o.terms.expiresAt, zone)}
          </p>
          <ErrorNotice error={action.error} />
          {o.status === 'sent' && (
            <div className="actions">
              <button type="button" onClick={() => respond('accept')} disabled={action.busy}>
                Accept the offer
              </button>
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
          {o.status === 'accepted' && (
            <p className="notice" role="status">
              You accepted this offer. Welcome aboard!
            </p>
          )}
          <OfferTerms terms={o.terms} timeZone={zone} />
          <CompensationView offerId={id} mine />
          <p>
            <a href={`/api/me/offers/${id}/letter.pdf`}>Your offer letter (PDF)</a>
          </p>
        </Page>
      )}
    </Show>
  );
}
