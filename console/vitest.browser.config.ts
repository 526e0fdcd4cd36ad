import { defineConfig } from 'vitest/config';

// The browser flow (e2e/): Debian's Chromium driven by playwright-core against a running local stack (BASE_URL).
export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
