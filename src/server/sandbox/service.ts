import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { defaultLimits, type SandboxLimits } from '../problems.js';
import { type LocalPools, localPools } from './pools.js';
import {
  datasets,
  languages,
  MAX_REQUEST_BYTES,
  type SandboxLanguage,
  SIGNATURE_HEADER,
  signatureHolds,
} from './protocol.js';
import type { RunLimits } from './runs.js';

/** The limits a run asks for, never above the node's own: a caller cannot buy more time or memory. */
const within = (asked: Partial<RunLimits> | undefined, cap: RunLimits): RunLimits => ({
  timeMs: Math.min(Number(asked?.timeMs) || cap.timeMs, cap.timeMs),
  memoryBytes: Math.min(Number(asked?.memoryBytes) || cap.memoryBytes, cap.memoryBytes),
  outputBytes: Math.min(Number(asked?.outputBytes) || 0, cap.outputBytes),
});

function readBody(request: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) {
        resolve(null);
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

const answer = (response: http.ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
};

type RunBody = {
  request?: { limits?: Partial<RunLimits> } & Record<string, unknown>;
  owner?: unknown;
  dataset?: unknown;
};

/**
 * A sandbox node: runs candidates' code for API and worker nodes that sign their requests
 * (protocol.ts). It holds no database credentials and no sessions; its runners are the in-process
 * ones (sandboxes.ts) with their limits, capped by this node's. `POST /run/{language}` takes
 * `{ request, owner, dataset? }` and answers the run's result; `GET /healthz` answers anyone.
 * SQL runs on the hiring dataset, or on the practice set's when the body names it and the node has
 * it: practice queries run on this node too, never beside sessions and credentials.
 */
export function sandboxService(options: {
  secret: string;
  runners: number;
  snapshotDir: string;
  datasetFile: string;
  limits?: SandboxLimits;
  pools?: LocalPools;
  /** The practice set's dataset, with its own snapshot folder (a snapshot is one dataset's). */
  practice?: { datasetFile: string; snapshotDir: string; pools?: LocalPools };
}) {
  const limits = options.limits ?? defaultLimits;
  const pools = options.pools ?? localPools(options);
  const practice = options.practice;
  const practicePools = practice && (practice.pools ?? localPools({ ...practice, runners: options.runners }));
  let draining = false;
  const server = http.createServer(async (request, response) => {
    const path = (request.url ?? '').split('?')[0] ?? '';
    if (request.method === 'GET' && (path === '/healthz' || path === '/readyz'))
      return answer(response, draining ? 503 : 200, { status: draining ? 'draining' : 'ok' });
    const language = /^\/run\/([a-z]+)$/.exec(path)?.[1] as SandboxLanguage | undefined;
    if (request.method !== 'POST' || !language || !languages.includes(language))
      return answer(response, 404, { error: { code: 'not_found', message: 'No such sandbox route.' } });
    const body = await readBody(request).catch(() => null);
    if (body === null)
      return answer(response, 413, {
        error: { code: 'validation.failed', message: 'The run is too large.' },
      });
    if (!signatureHolds(options.secret, request.headers[SIGNATURE_HEADER] as string | undefined, path, body))
      return answer(response, 401, {
        error: {
          code: 'auth.required',
          message: 'The request is not signed with this sandbox node’s secret.',
        },
      });
    let parsed: RunBody;
    try {
      parsed = JSON.parse(body) as RunBody;
    } catch {
      return answer(response, 400, {
        error: { code: 'validation.failed', message: 'The body is not JSON.' },
      });
    }
    if (!parsed.request || typeof parsed.request !== 'object')
      return answer(response, 400, { error: { code: 'validation.failed', message: 'request: required.' } });
    const dataset = parsed.dataset ?? 'hiring';
    if (!datasets.includes(dataset as never) || (dataset === 'practice' && !practicePools))
      return answer(response, 400, {
        error: {
          code: 'validation.failed',
          message: `dataset: this node has no SQL dataset named ${JSON.stringify(dataset)}.`,
        },
      });
    const sqlPools = dataset === 'practice' && practicePools ? practicePools : pools;
    const owner = typeof parsed.owner === 'string' ? parsed.owner.slice(0, 200) : '';
    const capped = { ...parsed.request, limits: within(parsed.request.limits, limits[language]) };
    try {
      const result =
        language === 'sql'
          ? await sqlPools.sql().run(capped as never, owner)
          : await pools[language]().run(capped as never, owner);
      answer(response, 200, result);
    } catch (error) {
      answer(response, 500, {
        error: {
          code: 'internal.error',
          message: `The run failed in the sandbox: ${(error as Error).message}`,
        },
      });
    }
  });
  return {
    server,
    async listen(port: number, host: string) {
      await new Promise<void>((resolve) => server.listen(port, host, resolve));
      return (server.address() as AddressInfo).port;
    },
    /** Stops taking runs, lets the runs going finish, then stops the runners. */
    async close() {
      draining = true;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([pools.close(), practicePools?.close()]);
    },
  };
}
