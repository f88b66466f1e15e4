import { useState } from 'react';
import { send, useAction, useApi } from '../../client';
import { can, useStaff } from '../../session';
import { ErrorNotice, Loading } from '../../ui';

/** Admin → Blind review: the organisation's switch, which every job without its own follows. */
export function BlindReviewAdmin() {
  const me = useStaff();
  const settings = useApi('GET /api/screening/settings', {});
  const action = useAction();
  // What was asked for shows at once and stays once the server agrees; a refusal puts back what was.
  const [shown, setShown] = useState<boolean>();
  const on = shown ?? settings.data?.blindReview ?? false;
  const toggle = async (blindReview: boolean) => {
    setShown(blindReview);
    const saved = await action.run(() => send('PUT /api/screening/settings', {}, { blindReview }));
    setShown(saved ? saved.blindReview : undefined);
  };
  return (
    <section aria-labelledby="blind-review-heading">
      <h2 id="blind-review-heading">Blind review</h2>
      <p>
        While an application is at the resume screen and undecided, the screener sees no name, email, phone,
        photo, links or school names and no original file: only the resume text with those parts blacked out.
        Everything shows once the resume screen is decided. A job can set its own switch.
      </p>
      <ErrorNotice error={action.error ?? settings.error} />
      {!settings.data ? (
        <Loading what="Loading the setting" />
      ) : (
        <label className="inline">
          <input
            type="checkbox"
            checked={on}
            disabled={action.busy || !can(me, 'org.manage')}
            onChange={(e) => void toggle(e.target.checked)}
          />{' '}
          Blind review at the resume screen for every job that does not set its own
        </label>
      )}
      <p role="status" aria-live="polite" className="notice-line">
        {settings.data && (on ? 'Blind review is on.' : 'Blind review is off.')}
      </p>
    </section>
  );
}
