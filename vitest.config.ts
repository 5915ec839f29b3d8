import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'extractors/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration tests open real SQLite files, servers and Chromium: two cores, so two forks.
    pool: 'forks',
    maxWorkers: 2,
  },
});
