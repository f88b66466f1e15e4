import { useState } from 'react';
import { send, useAction } from '../../client';
import { ConfirmAction, ErrorNotice } from '../../ui';

/** An admin clears a user's second factors (a lost phone); for the Users page. */
export function ResetMfaButton({ userId, name }: { userId: string; name: string }) {
  const action = useAction();
  const [done, setDone] = useState(false);
  return (
    <>
      <ConfirmAction
        trigger={`Reset two-step sign-in for ${name}`}
        title={`Reset two-step sign-in for ${name}?`}
        confirm="Reset"
        className="secondary"
        onConfirm={async () => {
          const reset = await action.run(() => send('POST /api/users/{id}/mfa/reset', { id: userId }));
          if (reset) setDone(true);
          return Boolean(reset);
        }}
      >
        <p>
          Their authenticator app, passkeys and recovery codes stop working. If your organisation requires
          two-step sign-in, they set it up again when they next sign in.
        </p>
        <ErrorNotice error={action.error} />
      </ConfirmAction>
      <span role="status" aria-live="polite">
        {done ? ` Two-step sign-in reset for ${name}.` : ''}
      </span>
    </>
  );
}
