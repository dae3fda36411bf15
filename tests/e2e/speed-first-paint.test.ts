import { test, expect } from './fixtures';
import { expectExplorerSnapshot, holdRequests } from './support/first-paint';

test('an explorer permalink the build answered draws its chart before the dataset catalogue arrives', async ({
  page
}) => {
  // The full manifest (430 KB) is held back: the chart must come from the snapshot alone.
  const manifest = await holdRequests(page, /\/manifest\.[\w-]+\.json$/);
  const figure = await expectExplorerSnapshot(page);

  // Once the catalogue is in, every dataset can be chosen and the chart goes live.
  manifest.release();
  await expect(figure).toHaveAttribute('data-source', 'live');
  await expect(page.locator('select option[value="migr_eipre"]')).toHaveCount(1);
});

test('the first visit registers the service worker only once its chart is drawn from DuckDB', async ({
  page
}) => {
  // Notes, the moment the live chart is drawn, whether a service worker is registered yet.
  await page.addInitScript(() => {
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('cooperare:chart-drawn').length === 0) return;
      observer.disconnect();
      navigator.serviceWorker.getRegistration().then((found) => {
        document.documentElement.dataset.workerAtChart = found ? 'registered' : 'none';
      });
    });
    observer.observe({ type: 'mark' });
  });
  await page.goto('/');
  await expect(page.locator('figure.home-chart')).toHaveAttribute('data-source', 'live');
  await expect(page.locator('html')).toHaveAttribute('data-worker-at-chart', 'none');
  // …and is registered after it, so the visit is still kept for offline use.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
});
