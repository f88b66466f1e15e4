import { expect, it } from 'vitest';
import { backoffMs } from '../../src/server/jobs/worker.js';

it('the worker backs off while its passes fail: doubling from its interval, at most a minute', () => {
  expect(backoffMs(0, 1_000)).toBe(0);
  expect(backoffMs(1, 1_000)).toBe(2_000);
  expect(backoffMs(2, 1_000)).toBe(4_000);
  expect(backoffMs(5, 1_000)).toBe(32_000);
  expect(backoffMs(6, 1_000)).toBe(60_000);
  expect(backoffMs(1_000, 1_000)).toBe(60_000);
});
