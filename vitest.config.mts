import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./', import.meta.url)),
      // `server-only` throws outside a React Server Component bundle; in Node tests the code
      // really is on the server, so the guard is replaced by an empty module.
      'server-only': fileURLToPath(new URL('./tests/support/empty-module.ts', import.meta.url)),
    },
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    // Generates tests/fixtures/generated/ (the evidence photos and PDFs) when it is missing or stale.
    globalSetup: ['tests/support/generate-fixtures.setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
