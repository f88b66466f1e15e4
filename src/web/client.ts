import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { errorBody } from '../contracts/common';
import type { ErrorCode } from '../contracts/errors';
import type {
  Answer,
  Body,
  Endpoints,
  GetParams,
  GetRoute,
  PagedRoute,
  PathParams,
  Route,
  SendRoute,
} from './endpoints';

export interface FieldIssue {
  field: string;
  message: string;
}

/** An error answer from the API: `code` to switch on, `message` to show, issues per field. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** The server's code, or `network` when no answer came. */
    readonly code: ErrorCode | 'network',
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

  /** The message for one field (`terms.baseSalaryCents`) or an item of it (`locations.0`), if the server named it. */
  about(field: string): string | undefined {
    const names = [`body.${field}`, field];
    return (
      this.issues.find((i) => names.includes(i.field))?.message ??
      this.issues.find((i) => names.some((n) => i.field.startsWith(`${n}.`)))?.message
    );
  }
}

const asApiError = (e: unknown) => (e instanceof ApiError ? e : new ApiError(0, 'network', String(e)));

type QueryValue = string | number | boolean | undefined | null;

/** `?a=1&b=2` from the values that are set; empty strings, null, undefined and false are left out. */
export const queryString = (params: Record<string, QueryValue>) => {
  const entries = Object.entries(params).filter(
    ([, v]) => v !== undefined && v !== null && v !== '' && v !== false,
  );
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)]))}` : '';
};

/** The method and URL of a route: `{name}` segments filled from `params`, the rest as the query. */
function locate(route: Route, params: object) {
  const [method, pattern] = route.split(' ') as [string, string];
  const rest: Record<string, QueryValue> = { ...(params as Record<string, QueryValue>) };
  const path = pattern.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = rest[name];
    delete rest[name];
    return encodeURIComponent(String(value));
  });
  return { method, url: path + (method === 'GET' ? queryString(rest) : '') };
}

async function request(method: string, url: string, init: { json?: unknown; form?: FormData } = {}) {
  const response = await fetch(url, {
    method,
    headers: init.json === undefined ? {} : { 'content-type': 'application/json' },
    body: init.form ?? (init.json === undefined ? undefined : JSON.stringify(init.json)),
    credentials: 'same-origin',
  });
  if (response.status === 204) return undefined;
  const text = await response.text();
  const json: unknown = text ? JSON.parse(text) : undefined;
  if (response.status === 401 && !url.startsWith('/api/auth/')) signInAgain();
  if (!response.ok) {
    const error: Partial<z.output<typeof errorBody>['error']> =
      (json as Partial<z.output<typeof errorBody>> | undefined)?.error ?? {};
    throw new ApiError(
      response.status,
      error.code ?? 'internal.error',
      error.message ?? `The server answered ${response.status}.`,
      error.details,
    );
  }
  return json;
}

/** A session that ended while the page was open: back to sign-in, then back here. */
function signInAgain() {
  const here = window.location.pathname + window.location.search;
  window.location.assign(
    here.startsWith('/candidate') ? '/candidate/sign-in' : `/app/sign-in?next=${encodeURIComponent(here)}`,
  );
}

type BodyArgument<R extends Route> = Endpoints[R] extends { body: z.ZodType } ? [body: Body<R>] : [];

/** Changes something: `send('POST /api/applications/{id}/decisions', { id }, { roundKey, … })`. */
export async function send<R extends SendRoute>(
  route: R,
  params: PathParams<R>,
  ...[body]: BodyArgument<R>
): Promise<Answer<R>> {
  const { method, url } = locate(route, params);
  // A route without a body still gets `{}`: the server refuses a JSON request with an empty body.
  return (await request(method, url, { json: body ?? {} })) as Answer<R>;
}

/** Sends a file as multipart form data. */
export async function upload<R extends 'PUT /api/assessments/{token}/answers/{item}/file'>(
  route: R,
  params: PathParams<R>,
  form: FormData,
): Promise<Answer<R>> {
  const { method, url } = locate(route, params);
  return (await request(method, url, { form })) as Answer<R>;
}

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/** GETs a route (nothing while `params` is null) and keeps the answer; `reload` fetches it again. */
export function useApi<R extends GetRoute>(route: R, params: GetParams<R> | null): Loaded<Answer<R>> {
  const url = params ? locate(route, params).url : null;
  const [state, setState] = useState<{ data?: Answer<R>; error?: ApiError; loading: boolean }>({
    loading: !!url,
  });
  const [round, setRound] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: round is the reload trigger
  useEffect(() => {
    if (!url) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    request('GET', url).then(
      (data) => live && setState({ data: data as Answer<R>, loading: false }),
      (error: unknown) => live && setState({ loading: false, error: asApiError(error) }),
    );
    return () => {
      live = false;
    };
  }, [url, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

type ItemOf<R extends PagedRoute> = Answer<R> extends { items: (infer I)[] } ? I : never;

/** A cursor-paginated list: the first page, then `more` appends the next. */
export function useCursorList<R extends PagedRoute>(route: R, params: GetParams<R>) {
  const url = locate(route, params).url;
  const [items, setItems] = useState<ItemOf<R>[]>();
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(false);
  const [round, setRound] = useState(0);
  const load = async (cursor: string | null, replace: boolean) => {
    setLoading(true);
    try {
      const sep = url.includes('?') ? '&' : '?';
      const page = (await request(
        'GET',
        cursor ? `${url}${sep}cursor=${encodeURIComponent(cursor)}` : url,
      )) as { items: ItemOf<R>[]; nextCursor: string | null };
      setItems((old) => (replace ? page.items : [...(old ?? []), ...page.items]));
      setNext(page.nextCursor);
      setError(undefined);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setLoading(false);
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when the URL or round changes
  useEffect(() => {
    setItems(undefined);
    void load(null, true);
  }, [url, round]);
  return {
    items,
    error,
    loading,
    reload: () => setRound((r) => r + 1),
    more: next ? () => load(next, false) : undefined,
  };
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
        const error = asApiError(e);
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
