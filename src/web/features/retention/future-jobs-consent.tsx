import { send, useAction, useApi } from '../../client';
import { browserZone, ErrorNotice, Show, when } from '../../ui';

/** The candidate's consent to be considered for future jobs: when it ends, renewing it, withdrawing it. */
export function FutureJobsConsent() {
  const consent = useApi('GET /api/me/consent', {});
  const action = useAction();
  const zone = browserZone();
  const renew = async () => {
    if (await action.run(() => send('POST /api/me/consent', {}))) consent.reload();
  };
  const withdraw = async () => {
    if (await action.run(() => send('DELETE /api/me/consent', {}))) consent.reload();
  };
  return (
    <Show loaded={consent}>
      {(c) =>
        c.renewable ? (
          <div>
            <h3>Future jobs</h3>
            <p role="status">
              {c.current
                ? `We keep you in mind for future jobs until ${when(c.current.expiresAt, zone)}.`
                : 'We do not keep you in mind for future jobs: once our retention period for your applications ends, your data is erased.'}
            </p>
            <ErrorNotice error={action.error} />
            <button type="button" onClick={renew} disabled={action.busy}>
              {c.current ? 'Renew my consent to future jobs' : 'Keep me in mind for future jobs'}
            </button>
            {c.current ? (
              <button type="button" className="secondary" onClick={withdraw} disabled={action.busy}>
                Withdraw my consent
              </button>
            ) : null}
          </div>
        ) : null
      }
    </Show>
  );
}
