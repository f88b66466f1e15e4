import { describe, expect, it } from 'vitest';
import config from '../../vite.config.js';

describe('the web build', () => {
  it('builds no source maps unless SOURCE_MAPS=1, so /app/assets/ serves none to browsers', () => {
    expect(process.env.SOURCE_MAPS).toBeUndefined();
    expect(config).toMatchObject({ build: { sourcemap: false } });
  });
});
