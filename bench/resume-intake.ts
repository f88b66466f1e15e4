import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { PGlite } from '@electric-sql/pglite';
import { migrateToLatest, openDatabase, pgliteExtensions } from '../src/db/database.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { multipart } from '../test/support/files.js';
import { manyPagesPdf, paragraphFloodDocx, textOperatorFloodPdf } from '../test/support/hostile-files.js';
import { BENCH_BOARD_KEY, generate } from './generate.js';
import { percentile as nearestRank, round } from './measure.js';

/**
 * /healthz while hostile résumés are read (`npm run bench:resumes`). The server listens on loopback
 * with an embedded database; /healthz is asked one request after another, first idle (the
 * baseline), then while four clients post the issue's hostile files to the board API without
 * pause, as JSON with base64 content and as multipart. The ratio of the two p95s is the figure: it
 * says what reading those files costs everyone else, on this machine, in this run.
 */
const POLLS = Number(process.env.BENCH_POLLS ?? 400);
const UPLOADERS = 4;
const percentile = (xs: number[], p: number) => nearestRank(xs, p * 100);

async function pollHealth(base: string, count: number) {
  const times: number[] = [];
  const failures: string[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    try {
      const response = await fetch(`${base}/healthz`);
      await response.arrayBuffer();
      // An error answer is counted, not timed: its latency says nothing about a working server's.
      if (response.status === 200) times.push(performance.now() - start);
      else failures.push(String(response.status));
    } catch (error) {
      failures.push((error as Error).message);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return { times, failures };
}

async function main() {
  const pglite = await PGlite.create({ extensions: pgliteExtensions });
  const database = await openDatabase({ pglite });
  await migrateToLatest(database.db);
  const data = await generate(database.db, { applications: 10, seed: 17, openJobs: 1 });
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    SUBMISSIONS_PER_MINUTE_PER_IP: '100000',
    SUBMISSIONS_PER_MINUTE_PER_KEY: '1000000',
  });
  const app = await buildApp({ database, config });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const jobs = (await (await fetch(`${base}/v1/boards/${data.boardToken}/jobs`)).json()) as {
    jobs: { id: number }[];
  };
  const url = `${base}/v1/boards/${data.boardToken}/jobs/${jobs.jobs[0]!.id}`;
  const authorization = `Basic ${Buffer.from(`${BENCH_BOARD_KEY}:`).toString('base64')}`;
  const files: [string, Buffer][] = [
    ['flood.docx', await paragraphFloodDocx(45 * 1024 * 1024)],
    ['small-flood.docx', await paragraphFloodDocx(2 * 1024 * 1024)],
    ['operators.pdf', textOperatorFloodPdf(600_000)],
    ['pages.pdf', manyPagesPdf(50_000)],
  ];

  const idle = await pollHealth(base, POLLS);
  let stop = false;
  let posted = 0;
  const outcomes = new Map<number | string, number>();
  const uploader = async (u: number) => {
    for (let i = u; !stop; i += UPLOADERS) {
      const [filename, file] = files[i % files.length]!;
      const person = { first_name: 'Mallory', last_name: `Bench ${i}`, email: `mallory.${i}@example.com` };
      const json = i % 2 === 0;
      const form = json ? null : multipart(person, [{ field: 'resume', filename, type: 'application/octet-stream', data: file }]);
      const answer = await fetch(url, {
        method: 'POST',
        headers: { authorization, 'content-type': form ? form.contentType : 'application/json' },
        body: form
          ? form.body
          : JSON.stringify({ ...person, resume_content: file.toString('base64'), resume_content_filename: filename }),
      }).then(
        async (response) => {
          await response.arrayBuffer();
          return response.status;
        },
        () => 'no answer',
      );
      outcomes.set(answer, (outcomes.get(answer) ?? 0) + 1);
      posted++;
    }
  };
  const uploads = Array.from({ length: UPLOADERS }, (_, u) => uploader(u));
  // The first files reach the readers before polling starts.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const busy = await pollHealth(base, POLLS);
  stop = true;
  await Promise.all(uploads);
  await app.close();
  await database.close();
  await pglite.close();

  // A hostile file may be refused (4xx) or read (200); a 5xx or no answer is the server failing.
  const uploadErrors = [...outcomes].filter(([answer]) => typeof answer !== 'number' || answer >= 500);
  const healthFailures = [...idle.failures, ...busy.failures];
  const failed = healthFailures.length > 0 || uploadErrors.length > 0 || busy.times.length === 0;
  const figure = (value: number) => (failed ? null : round(value));
  const result = {
    cores: os.availableParallelism(),
    polls: POLLS,
    uploaders: UPLOADERS,
    hostileUploads: posted,
    uploadAnswers: Object.fromEntries(outcomes),
    // With any failed /healthz or upload the figures are null: `status` says failed and why.
    status: failed ? 'failed' : 'measured',
    healthFailures: healthFailures.length,
    healthFailuresFirst: healthFailures[0] ?? null,
    uploadErrors: uploadErrors.reduce((sum, [, n]) => sum + n, 0),
    idleP50Ms: figure(percentile(idle.times, 0.5)),
    idleP95Ms: figure(percentile(idle.times, 0.95)),
    hostileP50Ms: figure(percentile(busy.times, 0.5)),
    hostileP95Ms: figure(percentile(busy.times, 0.95)),
    hostileMaxMs: figure(Math.max(...busy.times)),
    p95VsIdle: figure(percentile(busy.times, 0.95) / percentile(idle.times, 0.95)),
    target: '/healthz p95 under 50 ms while hostile files are read',
    met: !failed && percentile(busy.times, 0.95) < 50,
  };
  console.log(result);
  if (failed) process.exitCode = 1;
  fs.writeFileSync('bench/resume-intake-results.json', `${JSON.stringify(result, null, 2)}\n`);
}

await main();
