import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { grader, loadProblemSet, RUNS_PER_OWNER } from '../../src/server/problems.js';
import { fairQueue } from '../../src/server/sandbox/pool.js';
import type { RunLimits } from '../../src/server/sandbox/runs.js';
import { javascriptSandbox, pythonSandbox } from '../../src/server/sandbox/sandboxes.js';
import { testConfig } from '../support/http.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const limits: RunLimits = { timeMs: 3000, memoryBytes: 64 * 1024 * 1024, outputBytes: 1024 };

describe('sharing the sandboxes between links', () => {
  it('the queue takes owners in turn: a link with 16 runs waiting does not keep another link waiting behind them', () => {
    const queue = fairQueue<string>();
    for (let i = 1; i <= 16; i++) queue.push('flooding-link', `flood ${i}`);
    queue.push('other-link', 'other 1');
    queue.push('other-link', 'other 2');
    const order = Array.from({ length: 18 }, () => queue.shift());
    expect(order.slice(0, 5)).toEqual(['flood 1', 'other 1', 'flood 2', 'other 2', 'flood 3']);
    expect(order.at(-1)).toBe('flood 16');
    expect(queue.shift()).toBeUndefined();
  });

  it("one link fires 16 runs, another link's run is served before the first link's queue drains", async () => {
    const sandbox = javascriptSandbox(1);
    try {
      const finished: string[] = [];
      const run = (owner: string, n: number) =>
        sandbox
          .run(
            {
              source: 'function work(n) { let s = 0; for (let i = 0; i < 20000; i++) s += i % 7; return n }',
              entry: 'work',
              tests: [{ args: [n] }],
              limits,
            },
            owner,
          )
          .then((result) => {
            expect(result.outcome, result.detail).toBe('completed');
            finished.push(`${owner} ${n}`);
          });
      const runs = Array.from({ length: 16 }, (_, i) => run('flooding', i + 1));
      runs.push(run('other', 1));
      await Promise.all(runs);
      // At most one flooding run started before the other link's was queued, and one took the turn before it.
      expect(finished.indexOf('other 1')).toBeLessThanOrEqual(2);
      expect(finished.at(-1)).toBe('flooding 16');
    } finally {
      await sandbox.close();
    }
  });

  it(`a link with ${RUNS_PER_OWNER} runs going is refused a third (sandbox.busy); another link is not, and a grade waits instead`, async () => {
    const grading = grader(loadProblemSet(), {
      threads: 1,
      snapshotDir: path.join(testConfig.DATA_DIR, 'sandbox'),
    });
    try {
      const item = { kind: 'coding' as const, slug: 'two-sum' };
      const code = 'function twoSum() { return [0, 1] }';
      const runs = [1, 2, 3].map(() => grading.tryOut(item, 'javascript', code, 'link-a'));
      const otherLink = grading.tryOut(item, 'javascript', code, 'link-b');
      const grade = grading.grade(item, 'javascript', code, 'link-a');
      const [first, second, third] = await Promise.all(runs);
      expect(first?.ok && second?.ok).toBe(true);
      expect(third).toMatchObject({ ok: false, error: { code: 'sandbox.busy' } });
      expect((await otherLink).ok).toBe(true);
      expect(await grade).toMatchObject({ outcome: 'completed', total: 10 });
      // Its runs over, the link may run again.
      expect((await grading.tryOut(item, 'javascript', code, 'link-a')).ok).toBe(true);
    } finally {
      await grading.close();
    }
  });
});

describe('start-up snapshots', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hireloop-snapshots-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const add = { source: 'def add(a, b):\n    return a + b', entry: 'add', tests: [{ args: [2, 3] }], limits };

  async function runOnce() {
    const python = pythonSandbox(1, dir);
    try {
      return await python.run(add);
    } finally {
      await python.close();
    }
  }
  const snapshot = () => {
    const name = fs.readdirSync(dir).find((file) => file.endsWith('.bin'));
    if (!name) throw new Error(`no snapshot in ${dir}`);
    return path.join(dir, name);
  };

  it('are kept in the folder they are given, with the hash of their content', async () => {
    expect((await runOnce()).calls[0]).toEqual({ status: 'returned', value: '5' });
    const file = snapshot();
    const recorded = fs.readFileSync(`${file}.sha256`, 'utf8');
    expect(recorded).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    [
      'corrupted in place',
      (file: string) => fs.writeFileSync(file, Buffer.alloc(4096, 0x41), { flag: 'r+' }),
    ],
    ['replaced by another file', (file: string) => fs.writeFileSync(file, 'not a snapshot')],
    ['left without its hash', (file: string) => fs.rmSync(`${file}.sha256`)],
  ])('a snapshot %s is made again, not used, and the next start runs correctly', async (_name, tamper) => {
    const file = snapshot();
    tamper(file);
    const tamperedAt = fs.statSync(file).mtimeMs;
    const tampered = fs.readFileSync(file);
    expect((await runOnce()).calls[0]).toEqual({ status: 'returned', value: '5' });
    const remade = snapshot();
    expect(fs.statSync(remade).mtimeMs).toBeGreaterThanOrEqual(tamperedAt);
    expect(fs.readFileSync(`${remade}.sha256`, 'utf8')).toBe(sha256(fs.readFileSync(remade)));
    expect(sha256(tampered) === sha256(fs.readFileSync(remade)) && _name !== 'left without its hash').toBe(
      false,
    );
  });
});
