import { type ReactNode, useEffect, useId, useState } from 'react';
import { type ApiError, api, type Loaded } from './api';

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

export function SelectField(
  props: FieldProps & {
    value: string;
    onChange: (value: string) => void;
    options: readonly (readonly [string, string])[];
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
        onChange={(e) => props.onChange(e.target.value)}
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

/** A cursor-paginated list: the first page, then "Load more" appends the next. */
export function useCursorList<T>(path: string) {
  const [items, setItems] = useState<T[]>();
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(false);
  const [round, setRound] = useState(0);
  const load = async (cursor: string | null, replace: boolean) => {
    setLoading(true);
    try {
      const sep = path.includes('?') ? '&' : '?';
      const page = await api<{ items: T[]; nextCursor: string | null }>(
        cursor ? `${path}${sep}cursor=${encodeURIComponent(cursor)}` : path,
      );
      setItems((old) => (replace ? page.items : [...(old ?? []), ...page.items]));
      setNext(page.nextCursor);
      setError(undefined);
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setLoading(false);
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when the path or round changes
  useEffect(() => {
    setItems(undefined);
    void load(null, true);
  }, [path, round]);
  return {
    items,
    error,
    loading,
    reload: () => setRound((r) => r + 1),
    more: next ? () => load(next, false) : undefined,
  };
}

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
  const cell = (v: string | number) =>
    /[",\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v);
  const blob = new Blob([rows.map((r) => r.map(cell).join(',')).join('\n')], { type: 'text/csv' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}
