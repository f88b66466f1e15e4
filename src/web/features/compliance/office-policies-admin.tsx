import { type FormEvent, useState } from 'react';
import type { OfficeCompliancePolicy } from '../../../contracts/compliance';
import { send, useAction, useApi } from '../../client';
import { ErrorNotice, Show } from '../../ui';

/** Per office: whether applicants there are asked the voluntary self-identification questions. */
export function OfficeCompliancePolicies() {
  const policies = useApi('GET /api/compliance/office-policies', {});
  return (
    <section aria-labelledby="self-id-title">
      <h2 id="self-id-title">Voluntary self-identification</h2>
      <p className="hint">
        Where the law allows or asks for it, applicants may be asked their sex, race, veteran and disability
        status. Answering is always optional, the answers are kept apart from the application, no one who
        decides about candidates ever sees them, and they only leave as counts in the fairness report.
      </p>
      <Show loaded={policies} isEmpty={(p) => p.items.length === 0} empty="No offices yet.">
        {(p) =>
          p.items.map((policy) => (
            <OfficePolicyForm key={policy.officeId} policy={policy} onSaved={policies.reload} />
          ))
        }
      </Show>
    </section>
  );
}

function OfficePolicyForm({ policy, onSaved }: { policy: OfficeCompliancePolicy; onSaved: () => void }) {
  const [collect, setCollect] = useState(policy.collectSelfIdentification);
  const [saved, setSaved] = useState<boolean | null>(null);
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const answer = await action.run(() =>
      send(
        'PUT /api/compliance/office-policies/{officeId}',
        { officeId: policy.officeId },
        { collectSelfIdentification: collect, expectedVersion: policy.version },
      ),
    );
    if (answer) {
      setSaved(answer.collectSelfIdentification);
      onSaved();
    }
  };
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={`Self-identification at ${policy.officeName}`}
      className="inline-form"
    >
      <h3>{policy.officeName}</h3>
      <ErrorNotice error={action.error} />
      <label className="inline">
        <input
          type="checkbox"
          checked={collect}
          onChange={(e) => {
            setCollect(e.target.checked);
            setSaved(null);
          }}
        />{' '}
        Ask applicants to {policy.officeName} the voluntary self-identification questions
      </label>
      <button type="submit" disabled={action.busy || collect === policy.collectSelfIdentification}>
        Save
      </button>
      {saved !== null && (
        <p className="notice" role="status">
          Saved: applicants to {policy.officeName} are {saved ? 'asked' : 'not asked'} the questions.
        </p>
      )}
    </form>
  );
}
