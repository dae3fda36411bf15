import { test, expect } from './fixtures';
import { rawTsvCell } from '../support/raw';

test('an explorer permalink the build answered draws its chart before the dataset catalogue arrives', async ({
  page
}) => {
  // The full manifest (430 KB) is held back: the chart must come from the snapshot alone.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/manifest\.[\w-]+\.json$/, async (route) => {
    await held;
    await route.continue();
  });

  await page.goto('/explore?ds=crim_off_cat');
  const figure = page.getByTestId('explore-view');
  await expect(figure).toHaveAttribute('data-source', 'snapshot');
  const published = rawTsvCell('eurostat/estat_crim_off_cat.tsv', 'A,ICCS0101,P_HTHAB,NO', '2011');
  expect(published).toBe('2.26');
  await expect(
    figure.locator('g.series[data-series="NO"] circle[data-period="2011"]')
  ).toHaveAttribute('data-value', published as string);

  // Once the catalogue is in, every dataset can be chosen and the chart goes live.
  release();
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
