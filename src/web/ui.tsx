import { type ReactNode, useEffect, useId } from 'react';
import type { EvidenceGap } from '../contracts/vocabulary';
import type { ApiError, Loaded } from './client';
import { toCsv } from './csv';

export function Page({
  title,
  actions,
  children,
}: {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  useEffect(() => {
    document.title = `${title} · Hireloop`;
  }, [title]);
  return (
    <>
      <div className="page-head">
        <h1>{title}</h1>
        {actions}
      </div>
      {children}
    </>
  );
}

export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {what}…
    </p>
  );
}

/** An error answer; when the server named fields, each is listed (and shown again beside its field). */
export function ErrorNotice({ error }: { error: ApiError | undefined }) {
  if (!error) return null;
  const issues = error.issues;
  return (
    <div className="error" role="alert">
      {issues.length === 0 ? (
        error.message
      ) : (
        <>
          Please check {issues.length === 1 ? 'this field' : 'these fields'}:
          <ul>
            {issues.map((i) => (
              <li key={i.field}>
                {humanize(i.field.replace(/^(body|querystring|params)\./, '').replaceAll('.', ' '))}:{' '}
                {i.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export const Empty = ({ children }: { children: ReactNode }) => <p className="empty">{children}</p>;

/** Loading, error and empty states for one fetched value, then the content. */
export function Show<T>({
  loaded,
  isEmpty,
  empty,
  children,
}: {
  loaded: Loaded<T>;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (loaded.error) return <ErrorNotice error={loaded.error} />;
  if (loaded.data === undefined) return <Loading />;
  if (isEmpty?.(loaded.data)) return <Empty>{empty ?? 'Nothing here yet.'}</Empty>;
  return <>{children(loaded.data)}</>;
}

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: string;
}

function FieldFrame({ label, error, hint, id, children }: FieldProps & { id: string; children: ReactNode }) {
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {children}
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}

const describedBy = (id: string, { error, hint }: FieldProps) =>
  [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;

export function TextField(
  props: FieldProps & {
    value: string;
    onChange: (value: string) => void;
    type?: string;
    multiline?: boolean;
    required?: boolean;
    rows?: number;
    autoFocus?: boolean;
  },
) {
  const id = useId();
  const common = {
    id,
    value: props.value,
    required: props.required,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': describedBy(id, props),
    autoFocus: props.autoFocus,
  };
  return (
    <FieldFrame {...props} id={id}>
      {props.multiline ? (
        <textarea {...common} rows={props.rows ?? 4} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input {...common} type={props.type ?? 'text'} onChange={(e) => props.onChange(e.target.value)} />
      )}
    </FieldFrame>
  );
}

export function SelectField<V extends string>(
  props: FieldProps & {
    value: V;
    onChange: (value: V) => void;
    options: readonly (readonly [V, string])[];
  },
) {
  const id = useId();
  return (
    <FieldFrame {...props} id={id}>
      <select
        id={id}
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props)}
        onChange={(e) => props.onChange(e.target.value as V)}
      >
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A set of checkboxes choosing some of `values`. */
export function Checkboxes<V extends string>({
  legend,
  values,
  chosen,
  onChange,
  labels,
}: {
  legend: string;
  values: readonly V[];
  chosen: V[];
  onChange: (v: V[]) => void;
  labels?: Record<string, string>;
}) {
  return (
    <fieldset className="checkboxes">
      <legend>{legend}</legend>
      {values.map((v) => (
        <label key={v} className="inline">
          <input
            type="checkbox"
            checked={chosen.includes(v)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, v] : chosen.filter((c) => c !== v))}
          />{' '}
          {labels?.[v] ?? humanize(v)}
        </label>
      ))}
    </fieldset>
  );
}

/** The zone this browser is in, for people who have no zone on file. */
export const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** A date and time with its zone named, always: "12 Mar 2026, 09:00 PDT". */
export function when(isoTime: string | null | undefined, timeZone?: string) {
  if (!isoTime) return '—';
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(new Date(isoTime));
}

export const money = (cents: number, currency: string) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(
    cents / 100,
  );

export const percent = (share: number | null | undefined) =>
  share === null || share === undefined ? '—' : `${Math.round(share * 1000) / 10}%`;

export const humanize = (key: string) => key.replaceAll('_', ' ').replace(/^./, (c) => c.toUpperCase());

const gapWords: Record<EvidenceGap, string> = {
  no_interview_held: 'no interview held',
  feedback_missing: 'feedback missing',
  decided_by_another_role: "another role's round",
};
/** What a decision taken without its evidence lacked, in words. */
export const overrideWords = (gaps: EvidenceGap[]) => gaps.map((g) => gapWords[g]).join(', ');

export function MoreButton({ more, loading }: { more: (() => void) | undefined; loading: boolean }) {
  if (!more) return null;
  return (
    <button type="button" className="secondary" onClick={more} disabled={loading}>
      {loading ? 'Loading…' : 'Load more'}
    </button>
  );
}

/** Rows as CSV, downloaded by the browser. */
export function downloadCsv(filename: string, rows: (string | number)[][]) {
  const blob = new Blob([toCsv(rows)], { type: 'text/csv' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}
