import { defineConfig } from 'vitest/config';

// The fast loop: pure rules, contracts and the layering checks, with no database to start.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    pool: 'threads',
    env: { TZ: 'UTC' },
    // The planner's property tests take seconds of CPU; on a busy machine more than the default 5 s.
    testTimeout: 60_000,
  },
});
