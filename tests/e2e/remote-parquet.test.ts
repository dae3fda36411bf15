import type { Page, Route } from '@playwright/test';
import { test, expect } from './fixtures';
import { rawTsvCell } from '../support/raw';
import { crimOffCatParquet } from '../support/crim-off-cat-parquet';

// The file is served by the test's route; the service worker would answer before it.
test.use({ serviceWorkers: 'block' });
test.describe.configure({ timeout: 180_000 });

const SHIPPED = 13;
const ENGINE = { timeout: 120_000 };
const FILE = Buffer.from(crimOffCatParquet());
const PATH = '/remote-data/offences.parquet';

/**
 * A server on the app's own origin: /remote-data/offences.parquet answers Range requests
 * with 206 (counting the bytes sent), whole.parquet ignores Range, anything else is 404.
 */
async function serveRemote(page: Page): Promise<{ bytesSent: () => number }> {
  let sent = 0;
  await page.route('**/remote-data/**', async (route: Route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/remote-data/whole.parquet')
      return route.fulfill({ status: 200, body: FILE, contentType: 'application/octet-stream' });
    if (url.pathname !== PATH) return route.fulfill({ status: 404, body: 'Not found' });
    const range = (await route.request().headerValue('range'))?.match(/^bytes=(\d+)-(\d+)$/);
    if (!range) return route.fulfill({ status: 200, body: FILE });
    const start = Number(range[1]);
    const end = Math.min(Number(range[2]), FILE.length - 1);
    sent += end - start + 1;
    return route.fulfill({
      status: 206,
      body: FILE.subarray(start, end + 1),
      headers: {
        'content-type': 'application/octet-stream',
        'content-range': `bytes ${start}-${end}/${FILE.length}`,
        'accept-ranges': 'bytes'
      }
    });
  });
  return { bytesSent: () => sent };
}

async function addRemote(page: Page, address: string) {
  await page.getByLabel('Address of a Parquet file on this site').fill(address);
  await page.getByRole('button', { name: 'Add remote dataset' }).click();
}

const catalogue = (page: Page) => page.getByTestId('catalogue').locator(':scope > li');

test('a remote Parquet file is added from its footer and codes, and a view reads only its rows', async ({
  page
}) => {
  const server = await serveRemote(page);
  await page.goto('/data');
  await expect(catalogue(page)).toHaveCount(SHIPPED);
  await expect(page.getByText(/Same origin only: the file must be on this site/)).toBeVisible();

  await addRemote(page, PATH);
  const status = page.getByRole('status').filter({ hasText: 'was added as “offences”' });
  await expect(status).toBeVisible(ENGINE);
  await expect(status).toContainText('17,474 rows');
  // Describing it read the footer and the code columns, not the whole file.
  const describing = server.bytesSent();
  expect(describing).toBeGreaterThan(0);
  expect(describing).toBeLessThan(FILE.length);

  const entry = page.locator('article[data-dataset="offences"]');
  await expect(entry).toContainText('remote Parquet · rows stay on the server');
  await expect(entry.locator('dd[data-rows]')).toHaveAttribute('data-rows', '17474');
  await expect(catalogue(page)).toHaveCount(SHIPPED + 1);

  // A permalink in a fresh page load: the dataset survived in this browser's storage.
  const before = server.bytesSent();
  await page.goto(
    '/explore?ds=offences&geo=RO,NO&iccs=ICCS0101&unit=P_HTHAB&time=2008..2022&view=table'
  );
  const view = page.getByTestId('explore-view');
  const cell = view.locator('tr[data-series="RO"][data-period="2008"] td[data-value]');
  const published = rawTsvCell('eurostat/estat_crim_off_cat.tsv', 'A,ICCS0101,P_HTHAB,RO', '2008');
  expect(published).toBe('2.28');
  await expect(cell).toHaveAttribute('data-value', '2.28', ENGINE);
  await expect(cell).toContainText('2.28');

  // The selection cost a small part of the file, and the page says how much.
  const viewBytes = server.bytesSent() - before;
  expect(viewBytes).toBeGreaterThan(0);
  expect(viewBytes).toBeLessThan(FILE.length / 2);
  const cost = page.getByTestId('remote-cost');
  await expect(cost).toContainText(`of the file's ${FILE.length.toLocaleString('en')} bytes`);
  const shown = Number(await cost.getAttribute('data-bytes-read'));
  expect(shown).toBeGreaterThan(0);
  expect(shown).toBeLessThan(FILE.length);

  // Back to a selection already read: nothing more is fetched.
  await page.getByRole('tab', { name: 'Line' }).click();
  await page.goBack();
  await expect(cell).toHaveAttribute('data-value', '2.28', ENGINE);
  expect(server.bytesSent() - before).toBe(viewBytes);

  // The SQL console lists it, and says its table holds only the rows fetched so far.
  await page.goto('/sql');
  await expect(page.getByTestId('sql-remote-note')).toContainText(
    'only the rows views have fetched so far'
  );

  // It is the user's own, and is deleted like an import.
  await page.goto('/data');
  await page.getByRole('button', { name: 'Delete “offences”' }).click();
  await expect(catalogue(page)).toHaveCount(SHIPPED);
});

test('a bad address is refused with an alert, and the catalogue loses nothing', async ({
  page,
  problems
}) => {
  await serveRemote(page);
  await page.goto('/data');
  await expect(catalogue(page)).toHaveCount(SHIPPED);
  const alert = page
    .getByRole('region', { name: 'Add a remote Parquet dataset' })
    .getByRole('alert');

  await addRemote(page, 'https://example.org/offences.parquet');
  await expect(alert).toContainText('is on another site (https://example.org)');

  await addRemote(page, '/remote-data/missing.parquet');
  await expect(alert).toContainText('There is no file at');

  await addRemote(page, '/remote-data/whole.parquet');
  await expect(alert).toContainText('does not answer range requests');

  // The app's own page is not a Parquet file.
  await addRemote(page, '/index.html');
  await expect(alert).toContainText('is not a Parquet file');

  await expect(catalogue(page)).toHaveCount(SHIPPED);
  // The 404 was asked for on purpose; the browser reports it in the console.
  const expected = (p: string) => p.includes('404');
  problems.splice(0, problems.length, ...problems.filter((p) => !expected(p)));
});
