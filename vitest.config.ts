import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/api/**/*.test.ts'],
    globalSetup: ['tests/helpers/vitest-global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Each API suite boots its own stack and database; two at a time suit a 2-core machine.
    pool: 'forks',
    maxWorkers: 2,
  },
});
