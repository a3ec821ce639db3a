import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);

/**
 * Browser tests run against a production build, in Debian's Chromium (npm cannot download
 * browsers here). Background networking is off: the machine has no internet and the app must not
 * need it.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  // The evidence photos and PDFs the tests upload (tests/fixtures/generated/, made when missing).
  globalSetup: './tests/support/generate-fixtures.setup.ts',
  outputDir: process.env.E2E_OUTPUT_DIR ?? 'test-results',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  // One retry in CI, in a fresh browser. Now and then headless Chromium stops producing frames:
  // requestAnimationFrame never fires again, so Playwright's waits (an element "stable", a
  // locator polled each frame) last the whole test timeout on a page that is otherwise fine. A
  // trace showed it: the last screencast frame at the moment of a click, all requests answered,
  // then nothing for 3 minutes (zz-plant/stims#1123 describes the same stall). The list reporter
  // marks a test that passed only on its retry as "flaky", so it stays visible; a real failure
  // fails both attempts. Locally a failure is never retried.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined } },
    { name: 'phone', use: { ...devices['Pixel 7'], channel: undefined } },
  ],
  webServer: {
    // The README's own command, with the address given the way platforms give it: PORT and
    // HOSTNAME in the environment (so every browser run also proves `PORT=N npm start` serves on N).
    command: 'npm run build && npm start',
    url: `http://127.0.0.1:${PORT}/api/health`,
    // A cold build (a fresh clone) on a busy 2-core machine takes more than 5 minutes.
    timeout: 900_000,
    reuseExistingServer: !process.env.CI,
    env: { NEXT_TELEMETRY_DISABLED: '1', PORT: String(PORT), HOSTNAME: '127.0.0.1' },
  },
});
