import os from 'node:os';
import { defineConfig } from 'vitest/config';

// Test files wait on databases and browsers as much as on the CPU, so even two cores run two at once.
const workers = Math.max(2, os.availableParallelism() - 1);

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: workers,
    minWorkers: workers,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { TZ: 'UTC' },
  },
});
