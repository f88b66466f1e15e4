import { useCallback, useEffect, useState } from 'react';

export interface FieldIssue {
  field: string;
  message: string;
}

/** An error answer from the API: `code` to switch on, `message` to show, issues per field. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  get issues(): FieldIssue[] {
    const issues = this.details.issues;
    if (Array.isArray(issues)) return issues as FieldIssue[];
    const field = this.details.field;
    return typeof field === 'string' ? [{ field: `body.${field}`, message: this.message }] : [];
  }

  /** The message for one field (`terms.baseSalaryCents`), if the server named it. */
  about(field: string): string | undefined {
    return this.issues.find((i) => i.field === `body.${field}` || i.field === field)?.message;
  }
}

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    credentials: 'same-origin',
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const json = text ? JSON.parse(text) : undefined;
  if (response.status === 401 && !path.startsWith('/api/auth/')) signInAgain();
  if (!response.ok) {
    const error = json?.error ?? {};
    throw new ApiError(
      response.status,
      error.code ?? 'internal.error',
      error.message ?? `The server answered ${response.status}.`,
      error.details,
    );
  }
  return json as T;
}

/** A session that ended while the page was open: back to sign-in, then back here. */
function signInAgain() {
  const here = window.location.pathname + window.location.search;
  window.location.assign(
    here.startsWith('/candidate') ? '/candidate/sign-in' : `/app/sign-in?next=${encodeURIComponent(here)}`,
  );
}

export const post = <T>(path: string, body: unknown = {}) => api<T>(path, { method: 'POST', body });
export const put = <T>(path: string, body: unknown) => api<T>(path, { method: 'PUT', body });

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/** GETs `path` (nothing when null) and keeps the answer; `reload` fetches it again. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: !!path });
  const [round, setRound] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: round is the reload trigger
  useEffect(() => {
    if (!path) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    api<T>(path).then(
      (data) => live && setState({ data, loading: false }),
      (error: unknown) =>
        live &&
        setState({
          loading: false,
          error: error instanceof ApiError ? error : new ApiError(0, 'network', String(error)),
        }),
    );
    return () => {
      live = false;
    };
  }, [path, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

/** Runs a change, remembering its error for display and whether it is under way. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const run = useCallback(
    async <T>(action: () => Promise<T>, onError?: (error: ApiError) => void): Promise<T | undefined> => {
      setBusy(true);
      setError(undefined);
      try {
        return await action();
      } catch (e) {
        const error = e instanceof ApiError ? e : new ApiError(0, 'network', String(e));
        setError(error);
        onError?.(error);
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [],
  );
  return { busy, error, run, setError };
}

export const query = (params: Record<string, string | number | undefined | null | false>) => {
  const entries = Object.entries(params).filter(
    ([, v]) => v !== undefined && v !== null && v !== '' && v !== false,
  );
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)]))}` : '';
};
