import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { openWorkbook } from '../../src/lib/ingest/xlsx';
import { rawTsvCell } from '../support/raw';
import { readCsv } from './support/downloads';

const QUERY = 'ds=crim_off_cat&iccs=ICCS0501&unit=P_HTHAB&geo=RO,NO&time=2008..2022';

async function openView(page: Page): Promise<Locator> {
  test.slow();
  await page.goto(`/explore?${QUERY}&view=line`);
  const figure = page.getByTestId('explore-view');
  await expect(figure).toHaveAttribute('data-source', 'live', { timeout: 90_000 });
  return figure;
}

async function download(page: Page, figure: Locator, testId: string) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    figure.getByTestId(testId).click()
  ]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

test('every chart downloads as XLSX beside the CSV: the same rows, numbers as numbers, and a sheet about them', async ({
  page
}) => {
  const figure = await openView(page);
  await figure.getByTestId('share-toggle').click();
  const csv = await download(page, figure, 'download-csv');
  const xlsx = await download(page, figure, 'download-xlsx');
  expect(xlsx.name).toBe(csv.name.replace(/\.csv$/, '.xlsx'));

  const { header, records, about } = readCsv(csv.bytes.toString('utf8'));
  const book = openWorkbook(new Uint8Array(xlsx.bytes), xlsx.name);
  expect(book.sheetNames).toEqual(['Data', 'About']);
  const [sheetHeader, ...sheetRows] = book.readSheet('Data').map((r) => r.cells);
  expect(sheetHeader).toEqual(header);
  expect(sheetRows).toHaveLength(records.length);
  const value = header.indexOf('value');
  const flag = header.indexOf('flag');
  sheetRows.forEach((cells, i) => {
    const record = records[i];
    expect(cells[value]).toBe(record.value === '' ? null : Number(record.value));
    expect(cells[flag] ?? '').toBe(record.flag);
  });
  const ro2008 = sheetRows.find(
    (c) => c[header.indexOf('geo_code')] === 'RO' && c[header.indexOf('time')] === '2008'
  );
  expect(ro2008?.[value]).toBe(
    Number(
      rawTsvCell('eurostat/estat_crim_off_cat.tsv', 'A,ICCS0501,P_HTHAB,RO', '2008')?.split(' ')[0]
    )
  );

  // The About sheet says what the CSV's #-lines say: title, source with its licence, flags, link.
  const aboutSheet = book.readSheet('About').map((r) => ({ field: r.cells[0], text: r.cells[1] }));
  expect(aboutSheet).toEqual(about);
  expect(aboutSheet.find((l) => l.field === 'source')?.text).toMatch(
    /^Source: Eurostat \(crim_off_cat\).*CC BY 4\.0/
  );
  expect(aboutSheet.find((l) => l.field === 'link')?.text).toContain('/explore?ds=crim_off_cat');
});

test('downloads are named after a title the presenter wrote', async ({ page }) => {
  const figure = await openView(page);
  await figure.getByText('Edit chart text').click();
  await figure.getByTestId('edit-title').fill('Furturi în România și Norvegia');
  await figure.getByTestId('share-toggle').click();
  expect((await download(page, figure, 'download-csv')).name).toBe(
    'Furturi-in-Romania-si-Norvegia.csv'
  );
  expect((await download(page, figure, 'download-xlsx')).name).toBe(
    'Furturi-in-Romania-si-Norvegia.xlsx'
  );
  expect((await download(page, figure, 'download-png-print')).name).toBe(
    'Furturi-in-Romania-si-Norvegia_print.png'
  );
});
