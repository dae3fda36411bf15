import path from 'node:path';
import { test, expect } from './fixtures';
import { RAW_DIR, rawTsvCell } from '../support/raw';

const SHIPPED = 13;
const FILE = 'eurostat/estat_crim_off_cat.tsv';

test('a dataset the browser has no room for is explored for this visit, and the page says so', async ({
  page
}) => {
  test.setTimeout(180_000);
  await page.goto('/data');
  const catalogue = page.getByTestId('catalogue').locator(':scope > li');
  await expect(catalogue).toHaveCount(SHIPPED);
  // The browser's own storage limit for this site, made smaller than the import.
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('Storage.overrideQuotaForOrigin', {
    origin: new URL(page.url()).origin,
    quotaSize: 1024
  });

  await page.getByLabel(/Import a file/).setInputFiles(path.join(RAW_DIR, FILE));
  await page.getByRole('button', { name: 'Keep both' }).click();
  const reports = page.getByRole('status');
  await expect(
    reports.filter({ hasText: 'estat_crim_off_cat.tsv was imported as “crim_off_cat_2”' })
  ).toBeVisible();
  await expect(
    reports.filter({
      hasText: 'The browser has no room left to keep “crim_off_cat_2” (storage quota exceeded)'
    })
  ).toBeVisible({ timeout: 60_000 });

  // Nothing is lost this visit: the import answers with the published value, beside the
  // shipped datasets.
  await expect(catalogue).toHaveCount(SHIPPED + 1);
  const article = page.locator('article[data-dataset="crim_off_cat_2"]');
  const details = article.locator('details.preview');
  await details.locator('summary').click();
  await details.getByLabel('Only rows with the codes').fill('RO ICCS0101 P_HTHAB');
  await expect(
    details.locator('tr[data-key="A,ICCS0101,P_HTHAB,RO,2008"] td[data-value]')
  ).toHaveAttribute('data-value', rawTsvCell(FILE, 'A,ICCS0101,P_HTHAB,RO', '2008')!, {
    timeout: 90_000
  });

  // As the message said, it was not kept: the next visit has the shipped datasets only.
  await page.reload();
  await expect(catalogue).toHaveCount(SHIPPED);
});
