import { type FormEvent, useState } from 'react';
import { send, useAction, useApi } from '../../client';
import { label } from '../../labels';
import type { Policy } from '../../types';
import { ErrorNotice, SelectField, Show, TextField } from '../../ui';
import { OfficeCompliancePolicies } from '../compliance/office-policies-admin';

export function PoliciesAdmin() {
  const policies = useApi('GET /api/policies', {});
  const [family, setFamily] = useState('');
  return (
    <>
      <p className="hint">
        Per job family: how many applications a candidate may have open, whether they are considered one at a
        time, and the cooldown after a rejection.
      </p>
      <Show
        loaded={policies}
        isEmpty={(p) => p.items.length === 0}
        empty="No policies yet: the defaults apply."
      >
        {(p) =>
          p.items.map((policy) => (
            <PolicyForm key={policy.jobFamily} policy={policy} onSaved={policies.reload} />
          ))
        }
      </Show>
      <TextField
        label="Add a policy for job family"
        hint="e.g. backend"
        value={family}
        onChange={setFamily}
      />
      {family && (
        <PolicyForm
          policy={{ jobFamily: family, maxActiveApplications: 2, order: 'sequential', cooldownDays: 180 }}
          onSaved={() => {
            setFamily('');
            policies.reload();
          }}
        />
      )}
      <OfficeCompliancePolicies />
    </>
  );
}

function PolicyForm({ policy, onSaved }: { policy: Policy; onSaved: () => void }) {
  const [max, setMax] = useState(
    policy.maxActiveApplications === null ? '' : String(policy.maxActiveApplications),
  );
  const [order, setOrder] = useState(policy.order);
  const [cooldown, setCooldown] = useState(String(policy.cooldownDays));
  const action = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = {
      maxActiveApplications: max === '' ? null : Number(max),
      order,
      cooldownDays: Number(cooldown),
    };
    if (await action.run(() => send('PUT /api/policies/{jobFamily}', { jobFamily: policy.jobFamily }, body)))
      onSaved();
  };
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={`Policy for ${label(policy.jobFamily)}`}
      className="inline-form"
    >
      <h3>{label(policy.jobFamily)}</h3>
      <ErrorNotice
        error={action.error}
        fields={{
          maxActiveApplications: 'Most open applications',
          cooldownDays: 'Cooldown (days)',
          order: 'Order of consideration',
        }}
      />
      <TextField
        label="Most open applications"
        hint="Empty for no limit"
        type="number"
        value={max}
        onChange={setMax}
        error={action.error?.about('maxActiveApplications')}
      />
      <SelectField
        label="Order of consideration"
        value={order}
        onChange={setOrder}
        options={[
          ['sequential', 'One at a time'],
          ['parallel', 'In parallel'],
        ]}
      />
      <TextField
        label="Cooldown (days)"
        type="number"
        value={cooldown}
        onChange={setCooldown}
        error={action.error?.about('cooldownDays')}
      />
      <button type="submit" disabled={action.busy}>
        Save
      </button>
    </form>
  );
}
