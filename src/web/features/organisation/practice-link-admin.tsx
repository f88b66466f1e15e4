import { useState } from 'react';
import { send, useAction, useApi } from '../../client';
import { useStaff } from '../../session';
import { ConfirmAction, ErrorNotice, Show, when } from '../../ui';

/**
 * The organisation's public practice link: anyone holding it can practise on the practice set, and
 * nothing is kept about them. Only its hash is stored, so the link itself is shown once, when it is
 * published; replacing it stops the old one working, withdrawing it stops any.
 */
export function PracticeLinkAdmin() {
  const me = useStaff();
  const link = useApi('GET /api/organisation/practice-link', {});
  const action = useAction();
  const [shown, setShown] = useState<string | null>(null);
  const publish = async (published: boolean) => {
    const answer = await action.run(() => send('PUT /api/organisation/practice-link', {}, { published }));
    if (!answer) return false;
    setShown(answer.url);
    link.reload();
    return true;
  };
  return (
    <section aria-labelledby="practice-link">
      <h2 id="practice-link">Public practice link</h2>
      <p>
        Anyone with this link can practise on the practice set, with the same editor and sandboxes as the
        assessments. Nothing is stored about its visitors, and no hiring problem is on it.
      </p>
      <ErrorNotice error={action.error} />
      <Show loaded={link}>
        {(state) => (
          <>
            <p>{state.published ? `Published ${when(state.publishedAt, me.timezone)}.` : 'Not published.'}</p>
            {shown && (
              <p role="status">
                The link, shown this once (copy it now): <code>{shown}</code>
              </p>
            )}
            {state.published ? (
              <>
                <ConfirmAction
                  trigger="Replace the link"
                  title="Replace the public practice link?"
                  confirm="Replace it"
                  className=""
                  onConfirm={() => publish(true)}
                  disabled={action.busy}
                >
                  <p>The current link stops working; share the new one instead.</p>
                </ConfirmAction>{' '}
                <ConfirmAction
                  trigger="Withdraw the link"
                  title="Withdraw the public practice link?"
                  confirm="Withdraw it"
                  onConfirm={() => publish(false)}
                  disabled={action.busy}
                >
                  <p>The link stops working. You can publish a new one later.</p>
                </ConfirmAction>
              </>
            ) : (
              <button type="button" onClick={() => publish(true)} disabled={action.busy}>
                Publish a practice link
              </button>
            )}
          </>
        )}
      </Show>
    </section>
  );
}
