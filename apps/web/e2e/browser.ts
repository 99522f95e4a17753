import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { buildWeb, type RunningServer, startServer } from './server.ts';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);

/**
 * CI must run the browser suites, so there a missing browser fails (in beforeAll). A developer machine
 * without the Debian chromium package skips them instead: they need a real browser and cannot fake one.
 */
export const describeInBrowser = describe.skipIf(!hasChromium && !process.env.CI);

export interface BrowserApp {
  readonly page: Page;
  readonly server: RunningServer;
}

/**
 * The app as `npm start` runs it (fresh embedded database, built web app) and a headless Chromium page
 * on it, Vietnamese, for one test file. A failing test leaves a screenshot in test-results/.
 */
export function useBrowserApp(): BrowserApp {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;

  beforeAll(async () => {
    if (!hasChromium) {
      throw new Error(
        'Chromium not found at /usr/bin/chromium — install chromium: apt-get install -y chromium',
      );
    }
    buildWeb();
    server = await startServer();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      // Without the networking flags Chromium keeps calling home, which this closed network refuses.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
    page = await browser.newPage({
      baseURL: server.url,
      locale: 'vi-VN',
      viewport: { width: 1400, height: 900 },
      acceptDownloads: true,
    });
    page.setDefaultTimeout(15_000);
  });

  afterEach(async (context) => {
    // A picture of the failing screen says more than a timeout message.
    if (context.task.result?.state === 'fail' && page) {
      await mkdir('test-results', { recursive: true });
      await page.screenshot({ path: `test-results/e2e-${context.task.name.replace(/\W+/g, '-')}.png` });
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  return {
    get page() {
      if (!page) throw new Error('the browser starts in beforeAll');
      return page;
    },
    get server() {
      if (!server) throw new Error('the server starts in beforeAll');
      return server;
    },
  };
}
