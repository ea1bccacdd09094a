import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests for Relais.
 *
 * The server is NOT started by Playwright: start it (with the demo data), then
 * run, for example:
 *
 *   RELAIS_BASE_URL=http://127.0.0.1:3000 npx playwright test
 */
const baseURL = process.env.RELAIS_BASE_URL ?? 'http://127.0.0.1:3000';

const chromiumLaunchOptions = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export default defineConfig({
  testDir: 'tests',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  reporter: 'list',
  // Generous limits: CI shares 2 cores between the server, two browsers and
  // axe-core; a slow step must not fail a test that would pass.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL,
    locale: 'fr-FR',
    trace: 'off',
    screenshot: 'off',
    video: 'off',
  },
  projects: [
    {
      name: 'chromium-js',
      use: {
        ...devices['Desktop Chrome'],
        javaScriptEnabled: true,
        launchOptions: chromiumLaunchOptions,
      },
    },
    {
      name: 'chromium-nojs',
      use: {
        ...devices['Desktop Chrome'],
        javaScriptEnabled: false,
        launchOptions: chromiumLaunchOptions,
      },
    },
  ],
});
