#!/usr/bin/env node
// The whole suite: static checks, then every test on embedded PGlite and again on PostgreSQL.
// Ends with one line of totals: "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import pg from 'pg';

const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const totals = { passed: 0, failed: 0, skipped: 0 };
fs.mkdirSync('.test-results', { recursive: true });

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, TZ: 'UTC', ...env } });
  return result.status === 0;
}

function check(label, command, args) {
  const ok = run(label, command, args);
  totals[ok ? 'passed' : 'failed'] += 1;
}

function vitest(label, env, extraArgs = []) {
  const file = `.test-results/${label}.json`;
  fs.rmSync(file, { force: true });
  const ok = run(
    `tests on ${label}`,
    'npx',
    ['vitest', 'run', '--reporter=dot', '--reporter=json', `--outputFile=${file}`, ...extraArgs],
    env,
  );
  if (!fs.existsSync(file)) {
    totals.failed += 1;
    return;
  }
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests + (ok || report.numFailedTests > 0 ? 0 : 1);
  totals.skipped += report.numPendingTests + report.numTodoTests;
}

async function postgresReachable() {
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch (error) {
    console.log(`PostgreSQL at ${postgresUrl} is not reachable: ${error.message}`);
    return false;
  }
}

// Browser tests drive Debian's Chromium; install it when missing and we are allowed to.
if (!fs.existsSync('/usr/bin/chromium') && process.getuid?.() === 0) {
  run('install chromium for the browser tests', 'sh', [
    '-c',
    'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium',
  ]);
}

// The PostgreSQL pass runs several nodes behind Debian's HAProxy and the contract tests through
// its PgBouncer (test/integration/many-nodes.test.ts, replica-pgbouncer.test.ts): installed here
// when missing and allowed, else those tests skip saying why.
const { ensureDebianPackages } = await import('../scripts/debian-packages.mjs');
const notInstalled = ensureDebianPackages(['haproxy', 'pgbouncer']);
if (notInstalled) console.log(`The multi-node tests will skip: ${notInstalled}`);

check('typecheck', 'npx', ['tsc', '-p', '.']);
check('typecheck the web app', 'npx', ['tsc', '-p', 'src/web']);
check('lint', 'npx', [
  'biome',
  'check',
  'src',
  'test',
  'vitest.config.ts',
  'vitest.unit.config.ts',
  'vite.config.ts',
]);
// The browser tests drive the built web app, so it is built from these sources first, with what
// `npm start` runs (scripts/build.mjs: each part only when its sources changed since it was built).
check('build the web app, the server and the empty database', process.execPath, ['scripts/build.mjs']);
vitest('pglite', { DATABASE_URL: '' });
if (await postgresReachable()) {
  // The sandboxes', the rules' and the hostile files' tests touch no database of ours, so they run
  // once, in the first pass.
  vitest('postgres', { DATABASE_URL: postgresUrl }, [
    '--exclude',
    'test/sandbox/**',
    '--exclude',
    'test/unit/**',
    '--exclude',
    'test/reliability/hostile-files.test.ts',
  ]);
} else if (process.env.CI) {
  totals.failed += 1;
} else {
  console.log('Skipping the PostgreSQL run (set TEST_DATABASE_URL to point at a server).');
  totals.skipped += 1;
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
