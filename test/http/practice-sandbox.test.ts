import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { buildApp } from '../../src/server/app.js';
import type { App } from '../../src/server/context.js';
import { loadProblemSet } from '../../src/server/problems.js';
import { type LocalPools, localPools, remotePools } from '../../src/server/sandbox/pools.js';
import { sqlSandbox } from '../../src/server/sandbox/sandboxes.js';
import { sandboxService } from '../../src/server/sandbox/service.js';
import { openTestDatabase } from '../support/db.js';
import { candidateLogin, testConfig } from '../support/http.js';
import { buildWorld, ids, TestClock, type World } from '../support/world.js';

// With a sandbox node configured, a candidate's practice code and queries run on that node (as
// assessments' do), the queries on the practice set's own dataset; the serving node runs none.
const practiceFixture = fileURLToPath(new URL('../fixtures/practice/', import.meta.url));
const secret = 'a-sandbox-secret-of-at-least-32-characters';
const snapshotDir = path.join(testConfig.DATA_DIR, 'sandbox');
const ran: string[] = [];

/** The node's real runners, each run noted by which pool took it. */
function counted(name: string, pools: LocalPools): LocalPools {
  const note =
    <P extends { run: (...args: never[]) => unknown }>(which: string, pool: () => P) =>
    () => {
      const inner = pool();
      return {
        ...inner,
        run: ((...args: never[]) => {
          ran.push(`${name}:${which}`);
          return inner.run(...args);
        }) as P['run'],
      };
    };
  return {
    javascript: note('javascript', pools.javascript),
    python: note('python', pools.python),
    sql: note('sql', pools.sql),
    close: () => pools.close(),
  };
}

const hiring = loadProblemSet();
const service = sandboxService({
  secret,
  runners: 1,
  snapshotDir,
  datasetFile: hiring.datasetFile,
  pools: counted('hiring', localPools({ runners: 1, snapshotDir, datasetFile: hiring.datasetFile })),
  practice: {
    datasetFile: path.join(practiceFixture, 'sql', 'dataset.sql'),
    snapshotDir,
    pools: counted(
      'practice',
      localPools({ runners: 1, snapshotDir, datasetFile: path.join(practiceFixture, 'sql', 'dataset.sql') }),
    ),
  },
});

let database: Database;
let app: App;
let world: World;
let candidate: string;
const clock = new TestClock();

beforeAll(async () => {
  const port = await service.listen(0, '127.0.0.1');
  database = await openTestDatabase();
  world = await buildWorld(database, clock);
  app = await buildApp({
    database,
    config: { ...testConfig, SANDBOX_URL: `http://127.0.0.1:${port}`, SANDBOX_SECRET: secret },
    clock,
    ids,
    practiceRoot: practiceFixture,
  });
  const person = { email: 'practising.remote@example.com', firstName: 'Remy', lastName: 'Remote' };
  await world.atTechnicalRound(person);
  candidate = await candidateLogin(app, database, world.slug, person.email);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
  await service.close();
});

const run = (kind: string, slug: string, language: string, code: string) =>
  app.inject({
    method: 'POST',
    url: `/api/me/practice/${kind}/${slug}/run`,
    payload: { language, code },
    headers: { cookie: candidate },
  });

describe('practice with a sandbox node', () => {
  it("runs a candidate's practice code on the sandbox node", async () => {
    ran.length = 0;
    const response = await run(
      'coding',
      'pair-with-sum',
      'javascript',
      'function hasPair(nums, target) { return nums.some((x, i) => nums.some((y, j) => i !== j && x + y === target)); }',
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ outcome: 'completed', passed: 3, total: 3 });
    expect(ran).toEqual(['hiring:javascript']);
  }, 60_000);

  it("runs a practice query on the node's practice dataset, graded against the reference", async () => {
    ran.length = 0;
    const reference = fs.readFileSync(
      path.join(practiceFixture, 'sql', 'busiest-author', 'reference.sql'),
      'utf8',
    );
    const response = await run('sql', 'busiest-author', 'sql', reference);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ outcome: 'completed', correct: true, rowCount: 3 });
    // The candidate's query and the reference's, both on the node, both on the practice dataset.
    expect(ran.length).toBeGreaterThan(0);
    expect(new Set(ran)).toEqual(new Set(['practice:sql']));
  }, 60_000);

  it('refuses a dataset the node does not hold', async () => {
    const bare = sandboxService({ secret, runners: 1, snapshotDir, datasetFile: hiring.datasetFile });
    const port = await bare.listen(0, '127.0.0.1');
    const result = await remotePools({ url: `http://127.0.0.1:${port}`, secret, dataset: 'practice' })
      .sql()
      .run({ source: 'select 1', limits: { timeMs: 1000, memoryBytes: 1 << 26, outputBytes: 0 } });
    await bare.close();
    expect(result.outcome).toBe('crashed');
    expect(result.detail).toContain('400');
  });
});

describe('a SQL dataset without the role runs connect as', () => {
  it('fails loudly at load instead of leaving every run waiting', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roleless-'));
    const dataset = path.join(dir, 'dataset.sql');
    fs.writeFileSync(dataset, 'create table t (x int); insert into t values (1);\n');
    const pool = sqlSandbox(1, dataset, dir);
    await expect(
      pool.run({ source: 'select x from t', limits: { timeMs: 1000, memoryBytes: 1 << 26, outputBytes: 0 } }),
    ).rejects.toThrow(/no login role "candidate"/);
    await pool.close();
  }, 60_000);
});
