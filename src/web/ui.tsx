import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import type { EvidenceGap } from '../contracts/vocabulary';
import type { ApiError, Loaded } from './client';
import { toCsv } from './csv';
import { fieldLabel, gapLabels, label } from './labels';

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

/** An error answer; when the server named fields, each is listed by its label (and shown again beside it). */
export function ErrorNotice({
  error,
  fields,
}: {
  error: ApiError | undefined;
  fields?: Record<string, string>;
}) {
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
              <li key={`${i.field}:${i.message}`}>
                {fieldLabel(i.field, fields)}: {i.message}
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

/** A set of checkboxes choosing some of `values`, with what is wrong with the choice beneath. */
export function Checkboxes<V extends string>({
  legend,
  values,
  chosen,
  onChange,
  labels,
  error,
}: {
  legend: string;
  values: readonly V[];
  chosen: V[];
  onChange: (v: V[]) => void;
  labels?: Record<string, string>;
  error?: string | undefined;
}) {
  return (
    <fieldset className="checkboxes" aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      {values.map((v) => (
        <label key={v} className="inline">
          <input
            type="checkbox"
            checked={chosen.includes(v)}
            onChange={(e) => onChange(e.target.checked ? [...chosen, v] : chosen.filter((c) => c !== v))}
          />{' '}
          {labels?.[v] ?? label(v)}
        </label>
      ))}
      {error && <span className="field-error">{error}</span>}
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

/** A calendar day (`2026-03-12`) in the same format as `when`: "12 Mar 2026". */
export function day(isoDate: string | null | undefined) {
  if (!isoDate) return '—';
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

export const money = (cents: number, currency: string) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(
    cents / 100,
  );

export const percent = (share: number | null | undefined) =>
  share === null || share === undefined ? '—' : `${Math.round(share * 1000) / 10}%`;

/** What a decision taken without its evidence lacked, in words. */
export const overrideWords = (gaps: EvidenceGap[]) => gaps.map((g) => gapLabels[g]).join(', ');

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

/**
 * A destructive action that asks first: the button opens a modal dialog (Escape or Cancel backs out,
 * focus starts on its first field, else on Cancel) saying what will happen; the action runs only on its confirm button, and the
 * dialog closes once `onConfirm` answers true (else it stays open to show what went wrong).
 */
export function ConfirmAction({
  trigger,
  title,
  confirm,
  onConfirm,
  disabled,
  className = 'danger',
  children,
}: {
  trigger: string;
  title: string;
  confirm: string;
  onConfirm: () => Promise<boolean> | boolean;
  disabled?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const id = useId();
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      if (await onConfirm()) setOpen(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className={className} disabled={disabled} onClick={() => setOpen(true)}>
        {trigger}
      </button>
      <dialog ref={dialog} className="confirm" aria-labelledby={`${id}-title`} onClose={() => setOpen(false)}>
        {open && (
          <form onSubmit={submit} noValidate>
            <h2 id={`${id}-title`}>{title}</h2>
            {children}
            <div className="actions">
              {/* Cancel first: without a field to fill, the dialog opens with the focus on it. */}
              <button type="button" className="secondary" onClick={() => setOpen(false)}>
                Cancel
              </button>
              <button type="submit" className="danger" disabled={busy}>
                {confirm}
              </button>
            </div>
          </form>
        )}
      </dialog>
    </>
  );
}
