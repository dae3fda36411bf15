import { createWriteStream, mkdtempSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { test, expect } from './fixtures';

/**
 * A 200 MB CSV in the long shape of a Eurostat table (country, offence, unit, year, value,
 * flag), with the labels written out as the label files do, so rows are long as in life.
 */
async function writeLargeCsv(file: string): Promise<number> {
  const out = createWriteStream(file);
  out.write('geo,offence,unit,year,value,flag\n');
  const geos = Array.from({ length: 40 }, (_, i) => `Country number ${i + 1} of the comparison`);
  const offences = Array.from(
    { length: 520 },
    (_, i) => `Offence category ${i + 1} as recorded by the police`
  );
  let rows = 0;
  let chunk = '';
  for (const geo of geos)
    for (const offence of offences)
      for (const unit of ['Number', 'Per hundred thousand inhabitants'])
        for (let year = 1975; year <= 2024; year++) {
          chunk += `${geo},${offence},${unit},${year},${(rows % 9973) / 4},${year === 2024 ? 'p' : ''}\n`;
          rows++;
          if (chunk.length > 1 << 20) {
            if (!out.write(chunk)) await once(out, 'drain');
            chunk = '';
          }
        }
  out.end(chunk);
  await once(out, 'finish');
  return rows;
}

test('a 200 MB CSV imports while the page keeps answering', async ({ page }) => {
  test.setTimeout(240_000);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'data-large-')), 'large offences.csv');
  const rows = await writeLargeCsv(file);
  expect(statSync(file).size).toBeGreaterThan(200 * 1000 * 1000);

  await page.goto('/data');
  await expect(page.getByTestId('catalogue').locator(':scope > li')).toHaveCount(13);
  await page.getByLabel(/Import a file/).setInputFiles(file);
  await page.getByRole('button', { name: 'Import with this mapping' }).click({ timeout: 120_000 });

  // While the worker parses, the page still reacts to the user.
  const progress = page.getByRole('progressbar', { name: 'Importing large offences.csv' });
  await expect(progress).toBeVisible();
  const codes = page
    .locator('article[data-dataset="crim_off_cat"] details')
    .filter({ hasText: 'geo' })
    .first();
  await codes.locator('summary').click();
  await expect(codes).toHaveAttribute('open', '');
  await expect(progress).toBeVisible();

  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'large offences.csv was imported as “large_offences”' })
  ).toBeVisible({ timeout: 180_000 });
  await expect(
    page.locator('article[data-dataset="large_offences"] dd[data-rows]')
  ).toHaveAttribute('data-rows', String(rows));
});

test('Cancel stops a running import and changes nothing', async ({ page }) => {
  test.setTimeout(240_000);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'data-large-')), 'cancelled.csv');
  await writeLargeCsv(file);
  await page.goto('/data');
  await expect(page.getByTestId('catalogue').locator(':scope > li')).toHaveCount(13);
  await page.getByLabel(/Import a file/).setInputFiles(file);
  await page.getByRole('button', { name: 'Import with this mapping' }).click({ timeout: 120_000 });
  await expect(page.getByRole('progressbar')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('The import of cancelled.csv was cancelled')).toBeVisible();
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expect(page.getByTestId('catalogue').locator(':scope > li')).toHaveCount(13);
});
