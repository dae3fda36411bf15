import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { openWorkbook } from '../../src/lib/ingest/xlsx';
import { test, expect } from './fixtures';
import { rawTsvCell } from '../support/raw';
import { downloadText, readCsv } from './support/downloads';

// Population on 1 January: a shipped Eurostat table with flags (b, e, p, ep) and `:` cells,
// and no unit dimension, so its tables must name no unit.
const FILE = 'eurostat/tps00001.tsv';
const GEOS = ['AD', 'BE', 'DE', 'EA18'];
const YEARS = Array.from({ length: 12 }, (_, i) => String(2010 + i));
const CROSSTAB = `/explore?ds=tps00001&geo=${GEOS.join(',')}&time=2010..2021&view=crosstab&v=2`;

test.describe.configure({ timeout: 150_000 });

/** The file's cell as value and flag, read with a plain split (not the app's reader). */
function published(geo: string, year: string): { value: string; flag: string } {
  const cell = rawTsvCell(FILE, `JAN,${geo}`, year) ?? '';
  const [number, flag = ''] = cell.split(/\s+/);
  return { value: number === ':' ? '' : number, flag };
}

async function open(page: Page, path: string): Promise<void> {
  test.slow();
  await page.goto(path);
  await expect(page.getByTestId('explore-view')).toHaveAttribute('data-source', 'live', {
    timeout: 120_000
  });
}

test('the cross-tab shows every value of the file with its flag, “:” where it has none', async ({
  page
}) => {
  await open(page, CROSSTAB);
  const table = page.getByTestId('crosstab');
  // At least one flag of each kind the rows hold, so the test cannot pass on an empty file.
  expect(published('AD', '2011')).toEqual({ value: '78115', flag: 'b' });
  expect(published('EA18', '2021').flag).toBe('ep');
  expect(published('AD', '2014').value).toBe('');
  for (const geo of GEOS)
    for (const year of YEARS) {
      const cell = table.locator(`tr[data-series="${geo}"] td[data-period="${year}"]`);
      const { value, flag } = published(geo, year);
      await expect(cell, `${geo} ${year}`).toHaveAttribute('data-value', value);
      await expect(cell, `${geo} ${year}`).toHaveAttribute('data-flag', flag);
      if (value === '') await expect(cell).toHaveText(new RegExp(`^:${flag}$`));
      if (flag) await expect(cell.locator('abbr')).toHaveText(flag);
    }
  // The change column: AD from 84082 (2010) to `:` (2021) cannot be given.
  await expect(table.locator('tr[data-series="AD"] td[data-column="change"]')).toHaveText(':');
  // No unit in the file, so the caption names none, and the table view says “Value”.
  await expect(page.getByTestId('crosstab-unit')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Table' }).click();
  await expect(page.getByTestId('observation-table').locator('thead')).toContainText('Value');
  await expect(page.getByTestId('observation-table').locator('thead')).not.toContainText('()');
});

test('the cross-tab sorts by any column, keeps its header in view, and downloads as shown', async ({
  page
}) => {
  await open(page, CROSSTAB);
  const table = page.getByTestId('crosstab');
  const order = () =>
    table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-series')));
  expect(await order()).toEqual(GEOS);

  const header = table.locator('thead th[data-period="2012"]');
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  const by2012 = [...GEOS].sort(
    (a, b) => Number(published(b, '2012').value) - Number(published(a, '2012').value)
  );
  expect(by2012).toEqual(['EA18', 'DE', 'BE', 'AD']);
  expect(await order()).toEqual(by2012);
  // From the keyboard: the same button, pressed again, sorts the other way.
  await header.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  expect(await order()).toEqual([...by2012].reverse());

  // Header row and first column are frozen while the box scrolls.
  const position = (selector: string) =>
    table
      .locator(selector)
      .first()
      .evaluate((el) => getComputedStyle(el).position);
  expect(await position('thead th')).toBe('sticky');
  expect(await position('tbody th')).toBe('sticky');

  // The CSV is the table as shown: same rows in the same order, each value and flag.
  await page.getByTestId('explore-view').getByTestId('share-toggle').click();
  const file = await downloadText(page, page.getByTestId('explore-view'), 'download-csv');
  const csv = readCsv(file.text);
  expect(csv.header[0]).toBe(await table.locator('thead th').first().innerText());
  expect(csv.header.slice(1, 3)).toEqual(['2010', '2010 flag']);
  const shown = await table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => ({
      label: row.querySelector('th')?.textContent?.trim(),
      cells: [...row.querySelectorAll('td[data-period]')].map((td) => [
        td.getAttribute('data-period'),
        td.getAttribute('data-value'),
        td.getAttribute('data-flag')
      ]),
      change: row.querySelector('td[data-column="change"]')?.getAttribute('data-value')
    }))
  );
  expect(csv.records.length).toBe(shown.length);
  csv.records.forEach((record, i) => {
    expect(record[csv.header[0]]).toBe(shown[i].label);
    for (const [period, value, flag] of shown[i].cells) {
      expect(record[period as string], `${shown[i].label} ${period}`).toBe(value);
      expect(record[`${period} flag`]).toBe(flag);
    }
    expect(record[csv.header.at(-1) as string]).toBe(shown[i].change);
  });
  // The XLSX holds the same table, numbers as numbers, read back by the project's reader.
  const [saved] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('explore-view').getByTestId('download-xlsx').click()
  ]);
  const book = openWorkbook(new Uint8Array(readFileSync(await saved.path())), 'crosstab.xlsx');
  const [sheetHeader, ...sheetRows] = book.readSheet('Data').map((row) => row.cells);
  expect(sheetHeader).toEqual(csv.header);
  expect(sheetRows.map((cells) => cells[0])).toEqual(shown.map((row) => row.label));
  const column2010 = csv.header.indexOf('2010');
  sheetRows.forEach((cells, i) => expect(cells[column2010]).toBe(Number(shown[i].cells[0][1])));
  expect(csv.about.find((line) => line.field === 'title')?.text).toBe(
    (await page.getByTestId('explore-view').locator('h2').innerText()).trim()
  );
});

test('on a phone the cross-tab scrolls inside its box and the page keeps its width', async ({
  page
}) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await open(page, CROSSTAB);
  const box = page.getByTestId('crosstab-scroll');
  const sizes = await box.evaluate((el) => ({
    scroll: el.scrollWidth,
    client: el.clientWidth,
    page: document.documentElement.scrollWidth
  }));
  expect(sizes.scroll).toBeGreaterThan(sizes.client);
  expect(sizes.page).toBeLessThanOrEqual(390);
});
