import { type SandboxDataset, type SandboxLanguage, SIGNATURE_HEADER, sign } from './protocol.js';
import type { Pool, RunRequest, RunResult, Sandbox, SqlRequest, SqlResult } from './runs.js';
import { javascriptSandbox, pythonSandbox, sqlSandbox } from './sandboxes.js';

/** The runners a grader uses, each started on first use. */
export type SandboxPools = {
  javascript: () => Sandbox;
  python: () => Sandbox;
  sql: () => Pool<SqlRequest, SqlResult>;
  close(): Promise<void>;
};
export type LocalPools = SandboxPools;

/** Runners in this process (threads and locked-down child processes): the default, and a sandbox node's. */
export function localPools(options: {
  runners: number;
  snapshotDir: string;
  datasetFile: string;
}): LocalPools {
  let javascript: Sandbox | null = null;
  let python: Sandbox | null = null;
  let sql: Pool<SqlRequest, SqlResult> | null = null;
  return {
    javascript: () => {
      javascript ??= javascriptSandbox(options.runners);
      return javascript;
    },
    python: () => {
      python ??= pythonSandbox(options.runners, options.snapshotDir);
      return python;
    },
    sql: () => {
      sql ??= sqlSandbox(options.runners, options.datasetFile, options.snapshotDir);
      return sql;
    },
    async close() {
      await Promise.all([javascript?.close(), python?.close(), sql?.close()]);
    },
  };
}

/** A run that never reached a runner: the sandbox node is away or refused it. */
const unreachable = (detail: string) => ({ outcome: 'crashed' as const, detail, elapsedMs: 0 });

/**
 * Runners on a sandbox node (service.ts), reached over HTTP with signed requests: candidates' code
 * then never runs on a node that holds sessions or database credentials. A run the node cannot
 * take comes back `crashed` with the reason, as a runner that died would.
 */
export function remotePools(options: {
  url: string;
  secret: string;
  timeoutMs?: number;
  /** The SQL dataset the node runs queries on, by name (service.ts): its hiring one unless given. */
  dataset?: SandboxDataset;
}): SandboxPools {
  const base = options.url.replace(/\/+$/, '');
  async function call<Result>(
    language: SandboxLanguage,
    request: { limits: { timeMs: number } },
    owner = '',
  ) {
    const path = `/run/${language}`;
    const body = JSON.stringify({ request, owner, ...(options.dataset ? { dataset: options.dataset } : {}) });
    try {
      const response = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: sign(options.secret, path, body) },
        body,
        // A run waits for a runner, then runs for its time limit: allow both, then give up.
        signal: AbortSignal.timeout(options.timeoutMs ?? request.limits.timeMs * 4 + 30_000),
      });
      if (!response.ok)
        return unreachable(`the sandbox node refused the run (HTTP ${response.status})`) as Result;
      return (await response.json()) as Result;
    } catch (error) {
      return unreachable(`the sandbox node cannot be reached: ${(error as Error).message}`) as Result;
    }
  }
  const code = (language: 'javascript' | 'python'): Sandbox => ({
    run: async (request: RunRequest, owner?: string) => {
      const result = await call<Partial<RunResult>>(language, request, owner);
      return {
        outcome: result.outcome ?? 'crashed',
        detail: result.detail ?? '',
        calls: result.calls ?? request.tests.map(() => ({ status: 'not_run' as const })),
        output: result.output ?? '',
        elapsedMs: result.elapsedMs ?? 0,
      };
    },
    close: async () => {},
  });
  const javascript = code('javascript');
  const python = code('python');
  const sql: Pool<SqlRequest, SqlResult> = {
    run: async (request, owner) => {
      const result = await call<Partial<SqlResult>>('sql', request, owner);
      return {
        outcome: result.outcome ?? 'crashed',
        detail: result.detail ?? '',
        columns: result.columns ?? [],
        rows: result.rows ?? [],
        rowCount: result.rowCount ?? 0,
        elapsedMs: result.elapsedMs ?? 0,
      };
    },
    close: async () => {},
  };
  return { javascript: () => javascript, python: () => python, sql: () => sql, close: async () => {} };
}
