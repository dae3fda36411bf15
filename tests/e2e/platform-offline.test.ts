import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { rawTsvCell } from '../support/raw';

const RO_2008 = rawTsvCell('eurostat/estat_crim_off_cat.tsv', 'A,ICCS0101,P_HTHAB,RO', '2008');

/** What the service worker has kept: this version's files, and the engine binaries. */
async function kept(page: Page): Promise<{ app: number; engine: string[] }> {
  return page.evaluate(async () => {
    const names = await caches.keys();
    const app = names.find((name) => name.startsWith('cooperare-app-'));
    const engine = names.includes('cooperare-engine')
      ? await (await caches.open('cooperare-engine')).keys()
      : [];
    return {
      app: app ? (await (await caches.open(app)).keys()).length : 0,
      engine: engine.map((request) => new URL(request.url).pathname.split('/').pop() ?? '')
    };
  });
}

async function homeChartIsLive(page: Page) {
  const figure = page.locator('figure.home-chart');
  await expect(figure).toHaveAttribute('data-source', 'live');
  const cell = figure.locator('tr[data-series="RO"][data-period="2008"] td[data-value]');
  await expect(cell).toHaveAttribute('data-value', RO_2008 as string);
}

test('after one visit, the app works with the network off: home chart, engine and explorer', async ({
  page,
  context
}) => {
  expect(RO_2008).toBe('2.28');
  await page.goto('/');
  await homeChartIsLive(page);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  // The first visit keeps the page, code and datasets, and the one engine build it ran
  // (the exception-handling build in Chromium), binary and worker, not both builds.
  await expect
    .poll(async () => (await kept(page)).engine.sort(), { timeout: 60_000 })
    .toEqual([
      expect.stringMatching(/^duckdb-browser-eh\.worker\..*\.js$/),
      expect.stringMatching(/^duckdb-eh\..*\.wasm$/)
    ]);
  expect((await kept(page)).app).toBeGreaterThan(20);

  await context.setOffline(true);
  await page.reload();
  // "live" means DuckDB itself started and answered offline, not only the build snapshot.
  await homeChartIsLive(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Cooperare' })).toBeVisible();

  // A route never visited online is answered with the cached page too.
  await page.goto('/explore');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation')).toBeVisible();

  // Each language's texts are a file of their own: Romanian, never shown online, was kept.
  await page.getByTestId('language-switch').selectOption('ro');
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Explorare' })).toBeVisible();
  await context.setOffline(false);
});

test('the install keeps the code, the datasets follow the first chart, the engine its use', async ({
  page
}) => {
  const appFiles = () =>
    page.evaluate(async () => {
      const name = (await caches.keys()).find((n) => n.startsWith('cooperare-app-'));
      const requests = name ? await (await caches.open(name)).keys() : [];
      return requests.map((request) => new URL(request.url).pathname);
    });
  await page.goto('/');
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  const installed = await appFiles();
  expect(installed).toContain('/');
  // The engine's files are kept apart, once the page has loaded them: see the test above.
  expect(installed.filter((path) => /\/duckdb-/.test(path))).toEqual([]);

  await expect(page.locator('figure.home-chart')).toHaveAttribute('data-source', 'live');
  await expect
    .poll(async () => (await appFiles()).filter((path) => path.endsWith('.arrow')).length, {
      timeout: 60_000
    })
    .toBeGreaterThanOrEqual(13);
  expect((await appFiles()).filter((path) => path.endsWith('.wasm'))).toEqual([]);
});
