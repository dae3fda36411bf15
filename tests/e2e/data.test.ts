import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { RAW_DIR, rawTsvCell } from '../support/raw';

const raw = (relative: string) => path.join(RAW_DIR, relative);
const SHIPPED = 13;
// The SQL engine starts on the first preview; on a loaded machine that takes a while.
const ENGINE = { timeout: 90_000 };
test.describe.configure({ timeout: 180_000 });

async function openData(page: Page) {
  await page.goto('/data');
  await expect(page.getByTestId('catalogue').locator(':scope > li')).toHaveCount(SHIPPED);
}

const entry = (page: Page, id: string) => page.locator(`article[data-dataset="${id}"]`);

async function importFile(page: Page, file: string | string[]) {
  await page.getByLabel(/Import a file/).setInputFiles(file);
}

/** Opens an entry's preview, narrowed to rows with these codes. */
async function preview(article: Locator, codes: string): Promise<Locator> {
  const details = article.locator('details.preview');
  if (!(await details.getAttribute('open'))) await details.locator('summary').click();
  await details.getByLabel('Only rows with the codes').fill(codes);
  return details;
}

async function expectImported(page: Page, file: string, id: string, rows: number) {
  await expect(
    page.getByRole('status').filter({ hasText: `${file} was imported as “${id}”` })
  ).toBeVisible();
  const article = entry(page, id);
  await expect(article.locator('.origin')).toContainText('imported');
  await expect(article.locator('dd[data-rows]')).toHaveAttribute('data-rows', String(rows));
  await expect(article.getByRole('link', { name: 'Open in Explore' })).toHaveAttribute(
    'href',
    `/explore?ds=${id}`
  );
  return article;
}

test('the catalogue describes every shipped dataset and previews its rows', async ({ page }) => {
  test.setTimeout(150_000);
  await openData(page);
  const article = entry(page, 'crim_off_cat');
  await expect(article).toContainText('Eurostat');
  await expect(article).toContainText('estat_crim_off_cat.tsv');
  await expect(article).toContainText('klbek/Analysis-of-Crime-in-the-EU');
  await expect(article.locator('dd[data-rows]')).toHaveAttribute('data-rows', '17474');
  const rows = await preview(article, 'RO ICCS0101 P_HTHAB');
  const published = rawTsvCell('eurostat/estat_crim_off_cat.tsv', 'A,ICCS0101,P_HTHAB,RO', '2008');
  expect(published).toBe('2.28');
  await expect(
    rows.locator('tr[data-key="A,ICCS0101,P_HTHAB,RO,2008"] td[data-value]')
  ).toHaveAttribute('data-value', published!, ENGINE);
});

test('a Eurostat TSV imports beside the shipped table, and survives a reload', async ({ page }) => {
  await openData(page);
  await importFile(page, raw('eurostat/estat_crim_off_cat.tsv'));
  await expect(
    page.getByText('A dataset “crim_off_cat” is already in the catalogue.')
  ).toBeVisible();
  await page.getByRole('button', { name: 'Keep both' }).click();
  let article = await expectImported(page, 'estat_crim_off_cat.tsv', 'crim_off_cat_2', 17474);
  let rows = await preview(article, 'RO ICCS0101 P_HTHAB');
  await expect(
    rows.locator('tr[data-key="A,ICCS0101,P_HTHAB,RO,2008"] td[data-value]')
  ).toHaveAttribute('data-value', '2.28', ENGINE);
  await expect(page.getByTestId('catalogue').locator(':scope > li')).toHaveCount(SHIPPED + 1);

  await page.reload();
  await expect(page.getByTestId('catalogue').locator(':scope > li')).toHaveCount(SHIPPED + 1);
  article = entry(page, 'crim_off_cat_2');
  rows = await preview(article, 'NO ICCS0101 NR');
  expect(rawTsvCell('eurostat/estat_crim_off_cat.tsv', 'A,ICCS0101,NR,NO', '2011')).toBe('111');
  await expect(rows.locator('tr[data-key="A,ICCS0101,NR,NO,2011"] td[data-value]')).toHaveAttribute(
    'data-value',
    '111',
    ENGINE
  );

  // Deleting removes it for good.
  await article.getByRole('button', { name: 'Delete “crim_off_cat_2”' }).click();
  await expect(page.getByText('“crim_off_cat_2” was deleted from this browser.')).toBeVisible();
  await expect(page.getByTestId('catalogue').locator(':scope > li')).toHaveCount(SHIPPED);
  await page.reload();
  await expect(page.getByTestId('catalogue').locator(':scope > li')).toHaveCount(SHIPPED);
  await expect(entry(page, 'crim_off_cat_2')).toHaveCount(0);
});

test('replacing a shipped table puts the import in its place until it is deleted', async ({
  page
}) => {
  await openData(page);
  await importFile(page, raw('eurostat/tps00001.tsv'));
  await page.getByRole('button', { name: 'Replace' }).click();
  const article = await expectImported(page, 'tps00001.tsv', 'tps00001', 618);
  await expect(page.getByTestId('catalogue').locator(':scope > li')).toHaveCount(SHIPPED);
  const rows = await preview(article, 'RO');
  const published = rawTsvCell('eurostat/tps00001.tsv', 'JAN,RO', '2010');
  await expect(rows.locator('tr[data-key="JAN,RO,2010"] td[data-value]')).toHaveAttribute(
    'data-value',
    published!.split(' ')[0],
    ENGINE
  );
  await article.getByRole('button', { name: 'Delete “tps00001”' }).click();
  await expect(entry(page, 'tps00001').locator('.origin')).toContainText('shipped');
});

test('SDMX-CSV, the Latin-1 export, JSON-stat and both workbooks import from the file input', async ({
  page
}) => {
  test.setTimeout(120_000);
  await openData(page);

  await importFile(page, raw('eurostat/country_population.csv'));
  await page.getByRole('button', { name: 'Keep both' }).click();
  let article = await expectImported(page, 'country_population.csv', 'demo_gind_2', 1093);
  // line 881: …,Population on 1 January - total,Romania,2008,20635460,,
  const rows = await preview(article, 'RO 2008');
  await expect(rows.locator('td[data-value]')).toHaveAttribute('data-value', '20635460', ENGINE);

  await importFile(page, raw('eurostat/migr_eirfs_Data_allcitizenships.csv'));
  await page.getByRole('button', { name: 'Keep both' }).click();
  article = await expectImported(
    page,
    'migr_eirfs_Data_allcitizenships.csv',
    'migr_eirfs_2',
    27457
  );
  await article.locator('summary', { hasText: 'CITIZEN (citizen)' }).click();
  // Latin-1 in the file, read as such: not a replacement character.
  await expect(article.getByRole('cell', { name: "Côte d'Ivoire", exact: true })).toBeVisible();

  await importFile(page, raw('eurostat/migr_eipre.json'));
  await page.getByRole('button', { name: 'Keep both' }).click();
  article = await expectImported(page, 'migr_eipre.json', 'migr_eipre_2', 1978);
  await expect(article.locator('h3')).toHaveText(
    'Third country nationals found to be illegally present - annual data (rounded)'
  );

  await importFile(page, raw('frontex/ibc.xlsx'));
  article = await expectImported(page, 'ibc.xlsx', 'ibc', 173460);

  await importFile(page, raw('unodc/data_cts_violent_and_sexual_crime.xlsx'));
  article = await expectImported(
    page,
    'data_cts_violent_and_sexual_crime.xlsx',
    'data_cts_violent_and_sexual_crime',
    Number(await shippedRows(page, 'unodc_cts_violent'))
  );
  await expect(page.getByTestId('catalogue').locator(':scope > li')).toHaveCount(SHIPPED + 5);
});

/** Rows of a shipped dataset built from the same file by the datasets build. */
async function shippedRows(page: Page, id: string): Promise<string | null> {
  return entry(page, id).locator('dd[data-rows]').getAttribute('data-rows');
}

test('a plain CSV of my own imports after I map its columns', async ({ page }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'data-e2e-'));
  const file = path.join(dir, 'my offences.csv');
  // Values copied from estat_crim_off_cat.tsv (A,ICCS0101,P_HTHAB,RO and NO).
  writeFileSync(
    file,
    'Country;Offence;2008;2022\nRO;Intentional homicide;2,28;0,91\nNO;Intentional homicide;0,65 p;:\n'
  );
  await openData(page);
  await importFile(page, file);
  await expect(
    page.getByRole('heading', { name: 'Which columns of my offences.csv hold what?' })
  ).toBeVisible();
  // The guess: wide form, Country and Offence as dimensions.
  await expect(page.getByLabel('Wide: one column per period')).toBeChecked();
  await expect(page.getByText('Period columns: 2008, 2022')).toBeVisible();
  await page.getByRole('button', { name: 'Import with this mapping' }).click();
  const article = await expectImported(page, 'my offences.csv', 'my_offences', 3);
  const rows = await preview(article, 'RO');
  await expect(rows.locator('td[data-value]')).toHaveCount(2, ENGINE);
  await expect(rows.locator('td[data-value]').first()).toHaveAttribute(
    'data-value',
    '2.28',
    ENGINE
  );
});

test('a CSV whose quoted cells hold line breaks imports (RFC 4180)', async ({ page }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'data-e2e-'));
  const file = path.join(dir, 'notes.csv');
  // As a spreadsheet saves it: CRLF between records, a line break inside a quoted label.
  writeFileSync(
    file,
    [
      'geo,offence,year,value',
      'RO,"Intentional homicide\n(all ages)",2008,2.28',
      'NO,"Intentional homicide\r\n(all ages)",2008,0.65',
      ''
    ].join('\r\n')
  );
  await openData(page);
  await importFile(page, file);
  await expect(
    page.getByRole('heading', { name: 'Which columns of notes.csv hold what?' })
  ).toBeVisible();
  await page.getByRole('button', { name: 'Import with this mapping' }).click();
  const article = await expectImported(page, 'notes.csv', 'notes', 2);
  const rows = await preview(article, 'RO');
  await expect(rows.locator('td[data-value]')).toHaveCount(1, ENGINE);
  await expect(rows.locator('td[data-value]')).toHaveAttribute('data-value', '2.28', ENGINE);
});

test('a Parquet file imports through the same mapping', async ({ page }) => {
  // Made from the published country_population.csv, read with a plain split.
  const lines = readFileSync(raw('eurostat/country_population.csv'), 'utf8').trim().split('\n');
  const rows = lines.slice(1).map((line) => line.split(','));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'data-e2e-'));
  const file = path.join(dir, 'population.parquet');
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: 'geo', data: rows.map((r) => r[4]), type: 'STRING' },
      { name: 'year', data: rows.map((r) => Number(r[5])), type: 'INT32' },
      { name: 'value', data: rows.map((r) => Number(r[6])), type: 'DOUBLE' },
      { name: 'flag', data: rows.map((r) => r[7]), type: 'STRING' }
    ]
  });
  writeFileSync(file, new Uint8Array(buffer));
  await openData(page);
  await importFile(page, file);
  await expect(page.getByLabel('Long: one value per row')).toBeChecked();
  await page.getByRole('button', { name: 'Import with this mapping' }).click();
  const article = await expectImported(page, 'population.parquet', 'population', rows.length);
  const romania = rows.find((r) => r[4] === 'Romania' && r[5] === '2008')!;
  const shown = await preview(article, 'RO 2008');
  await expect(shown.locator('td[data-value]')).toHaveAttribute('data-value', romania[6], ENGINE);
});

test('bad files are refused with a message naming them, and nothing changes', async ({ page }) => {
  await openData(page);
  const cases: [string, RegExp][] = [
    ['empty.tsv', /empty\.tsv: the file is empty/],
    ['binary.tsv', /binary\.tsv \(first bytes\): unknown format: the file is binary/],
    ['html-page.tsv', /html-page\.tsv \(line 1\): unknown format: the file is an HTML or XML page/],
    ['ragged.tsv', /ragged\.tsv/],
    ['unknown-flag.tsv', /unknown-flag\.tsv.*flag/],
    ['truncated.json', /truncated\.json/],
    ['size-mismatch.json', /size-mismatch\.json/],
    ['sdmx-missing-obs-value.csv', /sdmx-missing-obs-value\.csv.*OBS_VALUE/],
    ['sdmx-unknown-flag.csv', /sdmx-unknown-flag\.csv.*unknown flag/],
    ['export-unknown-geo.csv', /export-unknown-geo\.csv.*Atlantis/],
    ['worldbank-object.json', /worldbank-object\.json/],
    ['worldbank-truncated.json', /worldbank-truncated\.json/]
  ];
  for (const [name, message] of cases) {
    await importFile(page, path.resolve('tests/fixtures/bad', name));
    await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible();
  }
  await expect(page.getByTestId('catalogue').locator(':scope > li')).toHaveCount(SHIPPED);
  // A CSV saved under an .xlsx name is read as what it is: a table to map.
  await importFile(page, path.resolve('tests/fixtures/bad/csv-named-xlsx.xlsx'));
  await expect(
    page.getByRole('heading', { name: /Which columns of csv-named-xlsx\.xlsx/ })
  ).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('catalogue').locator(':scope > li')).toHaveCount(SHIPPED);
});

test('a file dropped on the page imports, and so does a same-origin address', async ({ page }) => {
  await openData(page);
  const bytes = readFileSync(raw('eurostat/tps00001.tsv')).toString('base64');
  const transfer = await page.evaluateHandle((base64) => {
    const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([data], 'tps00001.tsv', { type: 'text/tab-separated-values' }));
    return transfer;
  }, bytes);
  await page.locator('h1').dispatchEvent('dragover', { dataTransfer: transfer });
  await page.locator('h1').dispatchEvent('drop', { dataTransfer: transfer });
  await page.getByRole('button', { name: 'Keep both' }).click();
  await expectImported(page, 'tps00001.tsv', 'tps00001_2', 618);

  await page.route('**/my-data/population.tsv', (route) =>
    route.fulfill({ body: readFileSync(raw('eurostat/tps00001.tsv')), contentType: 'text/plain' })
  );
  await page
    .getByLabel('Web address of a data file')
    .fill(new URL('/my-data/population.tsv', page.url()).href);
  await page.getByRole('button', { name: 'Import from the address' }).click();
  // The address names no table code, so the file name gives the id.
  await expectImported(page, 'population.tsv', 'population', 618);
});

test('a Eurostat table is fetched by code only on a click, and offered beside the shipped one', async ({
  page,
  problems
}) => {
  const api =
    'https://ec.europa.eu/eurostat/api/dissemination/statistics/1.0/data/MIGR_EIPRE?format=JSON&lang=EN';
  let asked = 0;
  // A saved real API response stands in for the network.
  await page.route(api, (route) => {
    asked++;
    return route.fulfill({
      body: readFileSync(raw('eurostat/migr_eipre.json')),
      contentType: 'application/json',
      headers: { 'access-control-allow-origin': '*' }
    });
  });
  await openData(page);
  await page.getByLabel('Add a Eurostat table by code').fill('migr_eipre');
  expect(asked).toBe(0);
  await page.getByRole('button', { name: 'Fetch from Eurostat' }).click();
  await expect(page.getByText('A dataset “migr_eipre” is already in the catalogue.')).toBeVisible();
  expect(asked).toBe(1);
  await page.getByRole('button', { name: 'Replace' }).click();
  await expectImported(page, 'migr_eipre.json', 'migr_eipre', 1978);
  // The one request that left the origin went to Eurostat on the click, answered by the route.
  const offOrigin = problems.filter((p) => p.startsWith('request off origin:'));
  expect(offOrigin).toEqual([`request off origin: ${api}`]);
  problems.splice(0, problems.length, ...problems.filter((p) => !offOrigin.includes(p)));
});
