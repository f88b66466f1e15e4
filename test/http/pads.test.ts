import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { openTestDatabase } from '../support/db.js';
import { listening, loginAs } from '../support/http.js';
import { buildWorld, TestClock, type World } from '../support/world.js';

// The live coding pad over real WebSockets: an interviewer and a candidate type at once, end with
// the same text, see the same run, and the session replays afterwards.
let database: Database;
let app: App;
let base: string;
let world: World;
const clock = new TestClock();
let as: Record<'recruiter' | 'interviewer', string>;
const eventually = <T>(read: () => T) => expect.poll(read, { timeout: 10_000 });

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildWorld(database, clock);
  ({ app, base } = await listening(database, clock));
  as = {
    recruiter: await loginAs(app, world.slug, world.staff.recruiter.email),
    interviewer: await loginAs(app, world.slug, world.staff.interviewer.email),
  };
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

/** A Yjs client on a socket, as the web app runs one. */
function client(url: string, cookie?: string) {
  const doc = new Y.Doc();
  const runs: unknown[] = [];
  const socket = new WebSocket(url.replace(/^http/, 'ws'), cookie ? { headers: { cookie } } : {});
  socket.binaryType = 'arraybuffer';
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_request, response) =>
      reject(new Error(`refused with ${response.statusCode}`)),
    );
    socket.once('error', reject);
  });
  socket.on('message', (data, isBinary) => {
    if (isBinary) Y.applyUpdate(doc, new Uint8Array(data as ArrayBuffer), 'server');
    else runs.push(JSON.parse(String(data)));
  });
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'server') socket.send(update);
  });
  return { doc, text: () => doc.getText('code').toString(), runs, opened, close: () => socket.close() };
}

async function openPad(applicationId: string, cookie = as.interviewer) {
  const created = await app.inject({
    method: 'POST',
    url: `/api/applications/${applicationId}/pads`,
    headers: { cookie },
    payload: { problem: 'two-sum', language: 'javascript' },
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json() as { id: string; candidateUrl: string; text: string };
}

async function interviewerOn(applicationId: string) {
  const booked = await app.inject({
    method: 'POST',
    url: `/api/applications/${applicationId}/interviews`,
    headers: { cookie: as.recruiter },
    payload: {
      roundKey: 'tech',
      startsAt: new Date(clock.now().getTime() + 2 * 86_400_000).toISOString(),
      interviewerIds: [world.staff.interviewer.userId],
    },
  });
  expect(booked.statusCode, booked.body).toBe(201);
}

describe('the live coding pad', () => {
  it('keeps interviewer and candidate on one text while both type, shows runs to both, and replays', async () => {
    const application = await world.atTechnicalRound();
    await interviewerOn(application.id);
    const pad = await openPad(application.id);
    expect(pad.text).toContain('function twoSum(nums, target)');
    const token = pad.candidateUrl.split('/candidate/pad/')[1]!;

    const interviewer = client(`${base}/api/pads/${pad.id}/live`, as.interviewer);
    const candidate = client(`${base}/api/pad-links/${token}/live`);
    await Promise.all([interviewer.opened, candidate.opened]);
    await eventually(() => candidate.text()).toBe(pad.text);

    // Both type at once, at different places: nothing is lost on either side.
    const body =
      '  const seen = new Map();\n  for (let i = 0; i < nums.length; i++) {\n    if (seen.has(target - nums[i])) return [seen.get(target - nums[i]), i];\n    seen.set(nums[i], i);\n  }\n';
    const at = candidate.text().indexOf('  // Your solution here');
    candidate.doc.getText('code').delete(at, '  // Your solution here\n'.length);
    candidate.doc.getText('code').insert(at, body);
    interviewer.doc.getText('code').insert(0, '// Interviewer: think about duplicates.\n');
    const bothEdits = (text: string) =>
      text.startsWith('// Interviewer: think about duplicates.\n') && text.includes('seen.set(nums[i], i)');
    await eventually(() => bothEdits(interviewer.text()) && bothEdits(candidate.text())).toBe(true);
    expect(interviewer.text()).toBe(candidate.text());

    const run = await app.inject({
      method: 'POST',
      url: `/api/pads/${pad.id}/run`,
      headers: { cookie: as.interviewer },
    });
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json()).toMatchObject({ outcome: 'completed', passed: 2, total: 2 });
    await eventually(() => candidate.runs.length).toBe(1);
    expect(candidate.runs[0]).toMatchObject({ type: 'run', result: { passed: 2 } });

    const replay = (
      await app.inject({ url: `/api/pads/${pad.id}/replay`, headers: { cookie: as.recruiter } })
    ).json();
    expect(replay.frames[0].text).toBe(pad.text);
    expect(replay.frames.at(-1).text).toBe(interviewer.text());
    expect(new Set(replay.frames.map((f: { author: string }) => f.author))).toEqual(
      new Set([`staff:${world.staff.interviewer.userId}`, 'candidate']),
    );
    expect(replay.runs).toEqual([
      expect.objectContaining({ detail: { outcome: 'completed', passed: 2, total: 2 } }),
    ]);
    interviewer.close();
    candidate.close();

    // A late joiner gets the whole document.
    const again = client(`${base}/api/pad-links/${token}/live`);
    await again.opened;
    await eventually(() => again.text()).toBe(replay.frames.at(-1).text);
    again.close();
  });

  it('lets in only the hiring team, the candidate’s interviewers and the link', async () => {
    const application = await world.atTechnicalRound();
    const pad = await openPad(application.id, as.recruiter);
    await expect(client(`${base}/api/pads/${pad.id}/live`).opened).rejects.toThrow('refused with 403');
    await expect(client(`${base}/api/pads/${pad.id}/live`, as.interviewer).opened).rejects.toThrow(
      'refused with 403',
    );
    await expect(client(`${base}/api/pad-links/${'x'.repeat(43)}/live`).opened).rejects.toThrow(
      'refused with 404',
    );
    const refused = await app.inject({
      method: 'POST',
      url: `/api/pads/${pad.id}/run`,
      headers: { cookie: as.interviewer },
    });
    expect(refused.statusCode).toBe(403);
    const unknown = await app.inject({
      method: 'POST',
      url: `/api/applications/${application.id}/pads`,
      headers: { cookie: as.recruiter },
      payload: { problem: 'no-such-problem' },
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.details).toEqual({ field: 'problem' });
  });

  it('closes a socket that sends something other than a Yjs update', async () => {
    const application = await world.atTechnicalRound();
    const pad = await openPad(application.id, as.recruiter);
    const socket = new WebSocket(`${base.replace(/^http/, 'ws')}/api/pads/${pad.id}/live`, {
      headers: { cookie: as.recruiter },
    });
    await new Promise((resolve) => socket.once('open', resolve));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send(Buffer.from([0xff, 0xfe, 0xfd, 0x00, 0x13]));
    expect(await closed).toBe(1003);
    const still = await app.inject({
      url: `/api/applications/${application.id}/pads`,
      headers: { cookie: as.recruiter },
    });
    expect(still.json().items[0].text).toBe(pad.text);
  });

  it('an update that would take the text past 100,000 characters is refused before it is applied: stored and live text stay within the cap', async () => {
    const application = await world.atTechnicalRound();
    const pad = await openPad(application.id, as.recruiter);
    const socket = new WebSocket(`${base.replace(/^http/, 'ws')}/api/pads/${pad.id}/live`, {
      headers: { cookie: as.recruiter },
    });
    socket.binaryType = 'arraybuffer';
    const doc = new Y.Doc();
    const synced = new Promise<void>((resolve) =>
      socket.once('message', (data) => {
        Y.applyUpdate(doc, new Uint8Array(data as ArrayBuffer));
        resolve();
      }),
    );
    await new Promise((resolve) => socket.once('open', resolve));
    await synced;
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    const edit = (text: string) => {
      const before = Y.encodeStateVector(doc);
      doc.getText('code').insert(doc.getText('code').length, text);
      socket.send(Y.encodeStateAsUpdate(doc, before));
    };
    const fits = 'a'.repeat(100_000 - pad.text.length - 10);
    edit(fits);
    edit('b'.repeat(100_000));
    expect(await closed).toBe(1009);

    // A newcomer gets the document as stored: the refused update is in neither.
    const newcomer = client(`${base}/api/pads/${pad.id}/live`, as.recruiter);
    await newcomer.opened;
    await eventually(() => newcomer.text()).toBe(pad.text + fits);
    newcomer.close();
    const lastFrame = async () =>
      (await app.inject({ url: `/api/pads/${pad.id}/replay`, headers: { cookie: as.recruiter } }))
        .json()
        .frames.at(-1).text as string;
    await eventually(lastFrame).toBe(pad.text + fits);
    expect((await lastFrame()).length).toBeLessThanOrEqual(100_000);
  });
});
