import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { addBoard } from '../support/boards.js';
import { openTestDatabase } from '../support/db.js';
import { multipart, pdfWith } from '../support/files.js';
import { manyPagesPdf, paragraphFloodDocx, textOperatorFloodPdf } from '../support/hostile-files.js';
import { listening, loginAs } from '../support/http.js';
import { buildWorld, TestClock, type World } from '../support/world.js';

/**
 * Résumés built to hurt, posted without signing in to the career site and the board API. The
 * server must keep answering while they are read, never die, and keep each application with its
 * file, the text marked unread. No assertion here reads a clock: the readers' limits are CPU time
 * and memory, and /healthz is polled for the whole of each upload.
 */

const KEY = 'hostile-key';
const basic = `Basic ${Buffer.from(`${KEY}:`).toString('base64')}`;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let database: Database;
let app: App;
let base: string;
let world: World;
let token: string;
let postId: number;
let serial = 0;

beforeAll(async () => {
  database = await openTestDatabase();
  const clock = new TestClock();
  world = await buildWorld(database, clock);
  ({ app, base } = await listening(database, clock));
  token = `hostile-${world.slug}`;
  await addBoard(world, { token, name: 'Careers', employmentTypes: ['full_time'] }, KEY);
  const jobs = (await (await fetch(`${base}/v1/boards/${token}/jobs`)).json()) as { jobs: { id: number }[] };
  postId = jobs.jobs[0]!.id;
}, 60_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});

/** The résumé reader processes this process has started and that are running now. */
function readerProcesses(): number {
  const children = fs
    .readdirSync(`/proc/${process.pid}/task`)
    .flatMap((task) => {
      try {
        return fs.readFileSync(`/proc/${process.pid}/task/${task}/children`, 'utf8').trim().split(/\s+/);
      } catch {
        return [];
      }
    })
    .filter(Boolean);
  return children.filter((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('resume-reader.mjs');
    } catch {
      return false;
    }
  }).length;
}

/**
 * Runs `work` while asking /healthz, one request after another, until it is done: every answer,
 * and the most reader processes seen at once.
 */
async function whilePolling<T>(work: Promise<T>) {
  let done = false;
  const settled = work.finally(() => {
    done = true;
  });
  const statuses: number[] = [];
  let mostReaders = 0;
  while (!done) {
    const response = await fetch(`${base}/healthz`).catch(() => null);
    statuses.push(response?.status ?? 0);
    await response?.arrayBuffer();
    mostReaders = Math.max(mostReaders, readerProcesses());
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { result: await settled, statuses, mostReaders };
}

type Channel = 'career site' | 'board multipart' | 'board JSON';
const channels: Channel[] = ['career site', 'board multipart', 'board JSON'];

/** Posts an application with `file` as its resume through one channel; answers status and email used. */
async function apply(channel: Channel, filename: string, file: Buffer, fields: Record<string, string> = {}) {
  const email = `hostile.${++serial}@example.com`;
  const person = { first_name: 'Mallory', last_name: `Number ${serial}`, email, ...fields };
  const type = filename.endsWith('.pdf') ? 'application/pdf' : DOCX;
  let response: Response;
  if (channel === 'board JSON') {
    const body = { ...person, resume_content: file.toString('base64'), resume_content_filename: filename };
    response = await fetch(`${base}/v1/boards/${token}/jobs/${postId}`, {
      method: 'POST',
      headers: { authorization: basic, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } else {
    const form = multipart({ ...person, submission_id: `sub-${serial}` }, [
      { field: 'resume', filename, type, data: file },
    ]);
    const url =
      channel === 'career site'
        ? `${base}/careers/${token}/jobs/${postId}/apply`
        : `${base}/v1/boards/${token}/jobs/${postId}`;
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': form.contentType,
        ...(channel === 'board multipart' ? { authorization: basic } : {}),
      },
      body: form.body,
    });
  }
  return { channel, status: response.status, body: await response.text(), email };
}

/** The application kept for `email`, with its resume file as stored. */
async function keptFor(email: string) {
  return world.db
    .selectFrom('attachments')
    .innerJoin('candidates', 'candidates.id', 'attachments.candidate_id')
    .innerJoin('applications', 'applications.id', 'attachments.application_id')
    .select([
      'applications.id as applicationId',
      'candidates.id as candidateId',
      'candidates.resume_text',
      'attachments.size_bytes',
      'attachments.text',
      'attachments.text_unread',
    ])
    .where('candidates.email_normalized', '=', email)
    .where('attachments.kind', '=', 'resume')
    .executeTakeFirst();
}

describe('the form is validated before any file is read', () => {
  it('a submission with no email and a 50,000-page PDF answers 422 on every channel, no reader started', async () => {
    const pdf = manyPagesPdf(50_000);
    for (const channel of channels) {
      const answer = await apply(channel, 'cv.pdf', pdf, { email: '' });
      expect(answer.status, `${channel}: ${answer.body.slice(0, 300)}`).toBe(422);
      expect(answer.body, channel).toContain('email');
    }
    // The readers start on the first file they are given: none was.
    expect(readerProcesses()).toBe(0);
    const kept = await world.db.selectFrom('attachments').select('id').execute();
    expect(kept).toEqual([]);
  });
});

/** The 45 MB-unpacked DOCX takes a second or two to build: built once. */
let flood: Promise<Buffer> | undefined;
const floodDocx = () => {
  flood ??= paragraphFloodDocx(45 * 1024 * 1024);
  return flood;
};

describe('hostile résumés are kept unread while /healthz keeps answering', () => {
  const cases: [string, string, () => Promise<Buffer> | Buffer][] = [
    ['a 132 KB DOCX whose document.xml unpacks to 45 MB of tiny paragraphs', 'flood.docx', floodDocx],
    [
      'a 13 KB DOCX that unpacks to 4 MB of tiny paragraphs',
      'small-flood.docx',
      () => paragraphFloodDocx(4 * 1024 * 1024),
    ],
    [
      'an 8 MB one-page PDF with 600,000 text operators',
      'operators.pdf',
      () => textOperatorFloodPdf(600_000),
    ],
    ['a 9 MB PDF with 50,000 pages', 'pages.pdf', () => manyPagesPdf(50_000)],
  ];

  for (const [what, filename, make] of cases) {
    it(`${what}, posted to the career site and the board API (multipart and base64 JSON)`, async () => {
      const file = await make();
      expect(file.byteLength).toBeLessThan(10 * 1024 * 1024);
      const { result, statuses, mostReaders } = await whilePolling(
        Promise.all(channels.map((channel) => apply(channel, filename, file))),
      );
      expect(statuses.length).toBeGreaterThanOrEqual(3);
      expect(statuses.filter((s) => s !== 200)).toEqual([]);
      expect(mostReaders).toBeLessThanOrEqual(2);
      for (const answer of result) {
        expect(answer.status, `${answer.channel}: ${answer.body.slice(0, 300)}`).toBe(200);
        const kept = await keptFor(answer.email);
        expect(kept, answer.channel).toMatchObject({
          size_bytes: file.byteLength,
          text: '',
          resume_text: null,
        });
        // Which limit a reader meets first depends on the file; either way its text is not read.
        expect(['time_limit', 'memory_limit'], answer.channel).toContain(kept?.text_unread);
      }
    }, 300_000);
  }

  it('staff see that no text could be read from the kept resume, and download it as sent', async () => {
    const file = await floodDocx();
    const answer = await apply('board JSON', 'flood.docx', file);
    expect(answer.status).toBe(200);
    const kept = (await keptFor(answer.email))!;
    const cookie = await loginAs(app, world.slug, world.staff.recruiter.email);
    const detail = (
      await app.inject({ url: `/api/applications/${kept.applicationId}`, headers: { cookie } })
    ).json();
    expect(detail.candidate.resumeText).toBeNull();
    expect(detail.candidate.resumeUnread).toEqual({
      reason: kept.text_unread,
      message: expect.stringMatching(/too long to read|too much memory/),
    });
    const files = (
      await app.inject({ url: `/api/candidates/${kept.candidateId}/attachments`, headers: { cookie } })
    ).json().items;
    expect(files).toEqual([
      expect.objectContaining({ filename: 'flood.docx', textUnread: detail.candidate.resumeUnread }),
    ]);
    const download = await app.inject({ url: `/api/attachments/${files[0].id}`, headers: { cookie } });
    expect(download.rawPayload.equals(file)).toBe(true);
  }, 300_000);

  it('ten hostile uploads at once hold two readers; the next real resume is read', async () => {
    const file = await floodDocx();
    const { result, statuses, mostReaders } = await whilePolling(
      Promise.all(Array.from({ length: 10 }, (_, i) => apply(channels[i % 3]!, 'flood.docx', file))),
    );
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(mostReaders).toBeLessThanOrEqual(2);
    expect(result.map((a) => a.status)).toEqual(Array(10).fill(200));
    for (const answer of result) expect((await keptFor(answer.email))?.text_unread).toBeTruthy();

    const real = await pdfWith('Ada Lovelace, analytical engines');
    for (const channel of channels) {
      const answer = await apply(channel, 'ada.pdf', real);
      expect(answer.status, channel).toBe(200);
      expect(await keptFor(answer.email), channel).toMatchObject({
        text: 'Ada Lovelace, analytical engines',
        text_unread: null,
        resume_text: 'Ada Lovelace, analytical engines',
      });
    }
  }, 300_000);
});
