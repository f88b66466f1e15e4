import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grader, loadProblemSet } from '../../src/server/problems.js';
import { remotePools } from '../../src/server/sandbox/pools.js';
import { SIGNATURE_HEADER, sign } from '../../src/server/sandbox/protocol.js';
import type { RunRequest } from '../../src/server/sandbox/runs.js';
import { sandboxService } from '../../src/server/sandbox/service.js';
import { testConfig } from '../support/http.js';

// The sandbox node's protocol: signed runs only, the node's limits over the caller's, and a
// grader on another node grading through it as it would in process.
const secret = 'a-sandbox-secret-of-at-least-32-characters';
const problems = loadProblemSet();
const service = sandboxService({
  secret,
  runners: 1,
  snapshotDir: path.join(testConfig.DATA_DIR, 'sandbox'),
  datasetFile: problems.datasetFile,
});
let base = '';
beforeAll(async () => {
  base = `http://127.0.0.1:${await service.listen(0, '127.0.0.1')}`;
});
afterAll(() => service.close());

const request = (source: string, timeMs = 1500): RunRequest => ({
  source,
  entry: 'f',
  tests: [{ args: [2] }],
  limits: { timeMs, memoryBytes: 64 * 1024 * 1024, outputBytes: 1024 },
});

describe('the sandbox node', () => {
  it('runs a signed request and answers its result', async () => {
    const result = await remotePools({ url: base, secret })
      .javascript()
      .run(request('function f(n) { console.log("hi"); return n * 21 }'));
    expect(result).toMatchObject({ outcome: 'completed', calls: [{ status: 'returned', value: '42' }] });
    expect(result.output).toContain('hi');
  });

  it('refuses a request without the secret, with another secret, or signed too long ago', async () => {
    const body = JSON.stringify({ request: request('function f() { return 1 }'), owner: '' });
    const post = (signature?: string) =>
      fetch(`${base}/run/javascript`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(signature ? { [SIGNATURE_HEADER]: signature } : {}),
        },
        body,
      });
    expect((await post()).status).toBe(401);
    expect(
      (await post(sign('another-secret-of-at-least-32-characters!', '/run/javascript', body))).status,
    ).toBe(401);
    expect((await post(sign(secret, '/run/javascript', body, Date.now() - 5 * 60_000))).status).toBe(401);
    // Signed for another path (language): refused too.
    expect((await post(sign(secret, '/run/python', body))).status).toBe(401);
    expect((await post(sign(secret, '/run/javascript', body))).status).toBe(200);
    const wrongSecret = await remotePools({ url: base, secret: 'x'.repeat(40) })
      .javascript()
      .run(request('function f() { return 1 }'));
    expect(wrongSecret).toMatchObject({ outcome: 'crashed', calls: [{ status: 'not_run' }] });
    expect(wrongSecret.detail).toContain('401');
  });

  it("keeps its own limits: a caller asking for an hour of CPU gets the node's", async () => {
    const result = await remotePools({ url: base, secret })
      .javascript()
      .run(request('function f() { for (;;) {} }', 3_600_000));
    expect(result.outcome).toBe('time_limit');
  }, 30_000);

  it('says a run could not reach the node, as a runner that died would', async () => {
    const result = await remotePools({ url: 'http://127.0.0.1:9', secret })
      .javascript()
      .run(request('function f() { return 1 }'));
    expect(result.outcome).toBe('crashed');
    expect(result.detail).toContain('cannot be reached');
  });

  it('grades through the node: examples and hidden tests as in process', async () => {
    const remote = grader(problems, {
      threads: 1,
      snapshotDir: path.join(testConfig.DATA_DIR, 'sandbox'),
      pools: remotePools({ url: base, secret }),
    });
    const slug = [...problems.coding.keys()][0]!;
    const starter = problems.coding.get(slug)!.starter.javascript ?? '';
    const graded = await remote.gradeCode(problems.coding.get(slug)!, 'javascript', starter, 'examples');
    expect(graded.outcome).toBe('completed');
    expect(graded.total).toBeGreaterThan(0);
    await remote.close();
  });
});
