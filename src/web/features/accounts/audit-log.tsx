import { useState } from 'react';
import { type TokenScope, tokenScopeWords } from '../../../contracts/vocabulary';
import { queryString, useApi, useCursorList } from '../../client';
import { label } from '../../labels';
import { useStaff } from '../../session';
import { ErrorNotice, MoreButton, SelectField, TextField, when } from '../../ui';

/** What each action of the log means, in words; an unknown one still reads as words. */
const actionWords: Record<string, string> = {
  'auth.signed_in': 'Signed in',
  'auth.sign_in_failed': 'Failed sign-in',
  'user.created': 'Added a user',
  'user.updated': 'Edited a user',
  'user.roles_changed': 'Changed roles',
  'user.disabled': 'Disabled a user',
  'user.enabled': 'Enabled a user',
  'user.password_changed': 'Changed their password',
  'user.password_reset': 'Reset a password by email link',
  'token.created': 'Made an API token',
  'token.revoked': 'Revoked an API token',
  'token.used': 'Used an API token',
  'interview.panel_member_removed': 'Took a disabled interviewer off a panel',
  'retention.policy_saved': "Set an office's retention policy",
  'retention.hold_placed': 'Placed a legal hold',
  'retention.hold_released': 'Released a legal hold',
  'retention.consent_renewed': 'Renewed their consent to future jobs',
  'retention.consent_withdrawn': 'Withdrew their consent to future jobs',
};

const kinds = [
  ['', 'Everything'],
  ['auth.', 'Sign-ins'],
  ['user.', 'Users and roles'],
  ['token.', 'API tokens'],
  ['application.', 'Applications'],
  ['offer.', 'Offers'],
  ['retention.', 'Data retention'],
] as const;

/** Admin: who did what and when, filtered, with a CSV download of the same selection. */
export function AuditLog() {
  const me = useStaff();
  const users = useApi('GET /api/users', { limit: 200, status: 'all' });
  const [actorId, setActorId] = useState('');
  const [action, setAction] = useState('');
  const [entityId, setEntityId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const dayStart = (d: string) => (d ? `${d}T00:00:00Z` : undefined);
  const nextDay = (d: string) =>
    d ? new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString() : undefined;
  const validId = /^[0-9a-f-]{36}$/i.test(entityId.trim()) ? entityId.trim() : undefined;
  const filters = {
    actorId: actorId || undefined,
    action: action || undefined,
    entityId: validId,
    from: dayStart(from),
    to: nextDay(to),
  };
  const log = useCursorList('GET /api/audit-events', { ...filters, limit: 50 });
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">Audit log</h2>
      <search className="toolbar" aria-label="Filter the audit log">
        <SelectField
          label="Who"
          value={actorId}
          onChange={setActorId}
          options={[
            ['', 'Anyone'],
            ...(users.data?.items ?? []).map((u): [string, string] => [u.id, u.name]),
          ]}
        />
        <SelectField label="What" value={action} onChange={setAction} options={kinds} />
        <TextField
          label="About (id)"
          hint="The id of a user, token or application"
          value={entityId}
          onChange={setEntityId}
          error={entityId && !validId ? 'An id looks like 3f2b…-…, 36 characters' : undefined}
        />
        <TextField label="From (UTC day)" type="date" value={from} onChange={setFrom} />
        <TextField label="To (UTC day, included)" type="date" value={to} onChange={setTo} />
      </search>
      <p>
        <a className="button secondary" href={`/api/audit-events/export${queryString(filters)}`} download>
          Download as CSV
        </a>
      </p>
      <ErrorNotice error={log.error} />
      <table>
        <caption className="visually-hidden">Audit log entries, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">About</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {(log.items ?? []).map((e) => (
            <tr key={e.seq}>
              <td>{when(e.at, me.timezone)}</td>
              <td>
                {e.actor.name ?? (e.actor.kind === 'system' ? 'Hireloop' : label(e.actor.kind))}
                {e.token && <div className="hint">with the API token “{e.token.name}”</div>}
              </td>
              <td>{actionWords[e.action] ?? label(e.action)}</td>
              <td>
                {label(e.entityType)} <code>{e.entityId.slice(0, 8)}</code>
              </td>
              <td>
                <Details data={e.data} timeZone={me.timezone} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {log.items?.length === 0 && <p className="empty">Nothing matches these filters.</p>}
      <MoreButton more={log.more} loading={log.loading} />
    </section>
  );
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** One detail in words: times in the reader's zone, scopes as what they allow, keys as words. */
function detailWords(key: string, value: unknown, timeZone: string): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value))
    return value
      .map((v) => (key === 'scopes' ? (tokenScopeWords[v as TokenScope] ?? String(v)) : label(String(v))))
      .join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value === 'string' && ISO_TIME.test(value)) return when(value, timeZone);
  if (typeof value === 'string' && /^[a-z_]+$/.test(value)) return label(value);
  return String(value);
}

function Details({ data, timeZone }: { data: Record<string, unknown>; timeZone: string }) {
  const entries = Object.entries(data);
  if (entries.length === 0) return null;
  return (
    <dl className="details">
      {entries.map(([k, v]) => (
        <div key={k}>
          <dt>{label(k)}</dt>
          <dd>
            {v && typeof v === 'object' && !Array.isArray(v) && 'to' in v
              ? `${detailWords(k, (v as { from?: unknown }).from, timeZone)} → ${detailWords(k, (v as { to: unknown }).to, timeZone)}`
              : detailWords(k, v, timeZone)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
