import { defineConfig } from 'vitest/config';

// The fast loop: pure rules, contracts and the layering checks, with no database to start.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    pool: 'threads',
    env: { TZ: 'UTC' },
  },
});
