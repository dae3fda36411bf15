import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { rawTsvCell } from '../support/raw';
import { downloadText, readCsv } from './support/downloads';

const RAW_FILE = 'eurostat/estat_crim_off_cat.tsv';
const QUERY = 'ds=crim_off_cat&iccs=ICCS0501&unit=P_HTHAB&geo=RO,NO,BG&time=2008..2022';
const COUNTRIES = { RO: 'Romania', NO: 'Norway', BG: 'Bulgaria' } as const;
const YEARS = Array.from({ length: 15 }, (_, i) => String(2008 + i));

/** The published value of a cell, or null where the file has ':' (flags after a space dropped). */
function published(geo: string, year: string): number | null {
  const cell = rawTsvCell(RAW_FILE, `A,ICCS0501,P_HTHAB,${geo}`, year);
  const number = cell?.split(' ')[0];
  return !number || number === ':' ? null : Number(number);
}

/** The explorer view drawn from DuckDB, with its share menu open. */
async function openView(page: Page, view: string): Promise<Locator> {
  // The live query needs DuckDB started: on a busy machine that can take a while.
  test.slow();
  await page.goto(`/explore?${QUERY}&view=${view}`);
  const figure = page.getByTestId('explore-view');
  await expect(figure).toHaveAttribute('data-source', 'live', { timeout: 90_000 });
  await figure.getByTestId('share-toggle').click();
  return figure;
}

/** The text of the file a download button of `figure` saves. */
async function download(page: Page, figure: Locator, testId: string): Promise<string> {
  return (await downloadText(page, figure, testId)).text;
}

/** The data lines of a downloaded CSV as records (the text block after the blank line left out). */
const csvRecords = (csv: string) => readCsv(csv).records;

test('line view: the CSV holds the published values and the SVG its title, source and series', async ({
  page
}) => {
  const figure = await openView(page, 'line');
  const title = (await figure.locator('h2').textContent())?.trim() ?? '';
  expect(title).toContain('2008–2022');

  const records = csvRecords(await download(page, figure, 'download-csv'));
  for (const [geo, name] of Object.entries(COUNTRIES))
    for (const year of YEARS) {
      const row = records.find((r) => r.geo_code === geo && r.time === year);
      const value = published(geo, year);
      if (value === null) {
        if (row) expect(row.value, `${geo} ${year}`).toBe('');
        continue;
      }
      expect(row, `${geo} ${year}`).toBeDefined();
      expect(Number(row?.value), `${geo} ${year}`).toBe(value);
      expect(row).toMatchObject({
        dataset: 'crim_off_cat',
        iccs_code: 'ICCS0501',
        unit_code: 'P_HTHAB',
        geo_label: name
      });
    }
  expect(records.every((r) => r.geo_code in COUNTRIES)).toBe(true);
  expect(published('RO', '2014')).toBe(256.26);

  const svg = await download(page, figure, 'download-svg');
  expect(svg).toContain(title);
  expect(svg).toContain('Eurostat (crim_off_cat)');
  for (const name of Object.values(COUNTRIES)) expect(svg).toContain(name);
});

test('bars view: the CSV has one row per country for 2022', async ({ page }) => {
  const figure = await openView(page, 'bars');
  const records = csvRecords(await download(page, figure, 'download-csv'));
  expect(records.map((r) => r.geo_code).sort()).toEqual(['BG', 'NO', 'RO']);
  expect(records.every((r) => r.time === '2022')).toBe(true);
  for (const geo of Object.keys(COUNTRIES)) {
    const value = published(geo, '2022');
    const row = records.find((r) => r.geo_code === geo);
    expect(row?.value === '' ? null : Number(row?.value), geo).toBe(value);
  }
  // Norway publishes nothing for 2022: it is kept as a missing value, not dropped.
  expect(published('NO', '2022')).toBeNull();

  const svg = await download(page, figure, 'download-svg');
  for (const name of Object.values(COUNTRIES)) expect(svg).toContain(name);
});

test('a change is downloaded as the change between the two periods it compares', async ({
  page
}) => {
  const figure = await openView(page, 'bars&transform=change');
  const file = await downloadText(page, figure, 'download-csv');
  expect(file.name).toBe('crim_off_cat_ICCS0501_P_HTHAB_RO-BG-NO_2008-2022.csv');
  const records = csvRecords(file.text);
  expect(records.every((r) => r.time === '2008/2022')).toBe(true);
  const ro = records.find((r) => r.geo_code === 'RO');
  const change =
    ((published('RO', '2022')! - published('RO', '2008')!) / published('RO', '2008')!) * 100;
  expect(Number(ro?.value)).toBeCloseTo(change, 9);
});

test('small multiples: one SVG with every panel and its series name', async ({ page }) => {
  const figure = await openView(page, 'multiples');
  const svg = await download(page, figure, 'download-svg');
  expect(svg.match(/<g class="panel"/g)).toHaveLength(3);
  for (const name of Object.values(COUNTRIES)) expect(svg).toContain(`>${name}</text>`);
});

test('map view: the SVG carries the legend, the CSV the 2022 values', async ({ page }) => {
  const figure = await openView(page, 'map');
  await expect(figure.getByTestId('choropleth-map')).toBeVisible({ timeout: 30_000 });
  const svg = await download(page, figure, 'download-svg');
  // The map colours every country with data, the three chosen outlined: its classes run from
  // the lowest value drawn to the highest, which the CSV lists with the source's values.
  const records = csvRecords(await download(page, figure, 'download-csv'));
  expect(records.every((r) => r.time === '2022')).toBe(true);
  for (const geo of ['RO', 'BG'])
    expect(Number(records.find((r) => r.geo_code === geo)?.value), geo).toBe(
      published(geo, '2022')
    );
  const values = records
    .map((r) => r.value)
    .filter((v) => v !== '')
    .map(Number);
  expect(values.length).toBeGreaterThan(Object.keys(COUNTRIES).length);
  const legend = svg.match(/<g class="map-legend".*?<\/g><\/g>/)?.[0] ?? '';
  expect(legend).toContain(`>${Math.min(...values)} – `);
  expect(legend).toContain(` – ${Math.max(...values)}<`);
  expect(legend).toContain('>selected<');
  expect(legend).toContain('>no data<');
  expect(svg).toContain('Boundaries: © EuroGeographics');
});

test('the embedded view has no share menu and is titled after its chart', async ({ page }) => {
  test.slow();
  await page.goto(`/embed?${QUERY}&view=line`);
  const figure = page.getByTestId('explore-view');
  await expect(figure).toHaveAttribute('data-source', 'live', { timeout: 90_000 });
  const title = (await figure.locator('h2').textContent())?.trim() ?? '';
  await expect(page).toHaveTitle(title);
  await expect(page.getByTestId('share-toggle')).toHaveCount(0);
  await expect(page.getByTestId('embed-full-view')).toBeVisible();
});

test('the indicator page shares its trend: its link, its embed, a CSV with the title', async ({
  page
}) => {
  test.slow();
  await page.goto('/programme/indicator/theft');
  const panel = page.locator('article[data-indicator=theft]');
  await expect(panel.getByTestId('latest')).toContainText('(2022)', { timeout: 90_000 });
  // On its own page the indicator's name is the page's one heading.
  const title = (await panel.locator('h1').textContent())?.trim() ?? '';
  expect(title).not.toBe('');
  const trend = panel.getByTestId('indicator-trend');
  await trend.getByTestId('share-toggle').click();
  await expect(trend.getByTestId('share-link')).toHaveValue(/\/programme\/indicator\/theft$/);
  await expect(trend.getByTestId('share-embed')).toHaveValue(
    /src="[^"]*\/embed\?programme=indicator&amp;id=theft"/
  );
  expect(await download(page, trend, 'download-csv')).toContain(title);
  // A presenter's own title shows above the chart and goes into the download.
  await trend.getByText('Edit chart text').click();
  await trend.getByTestId('edit-title').fill('Theft in Romania since 2008');
  await expect(trend.getByTestId('trend-edited-title')).toHaveText('Theft in Romania since 2008');
  const csv = await download(page, trend, 'download-csv');
  expect(csv).toContain('Theft in Romania since 2008');
  const latest = rawTsvCell(RAW_FILE, 'A,ICCS0502,P_HTHAB,RO', '2022');
  const row = csvRecords(csv).find((r) => r.time === '2022');
  expect(row).toMatchObject({ geo_code: 'RO', value: String(Number(latest)) });
});

test('a title and notes written in the explorer travel with its link and its embed', async ({
  page
}) => {
  const figure = await openView(page, 'line');
  await figure.getByText('Edit chart text').click();
  await figure.getByTestId('edit-title').fill('Robbery: Romania, Norway, Bulgaria');
  await figure.getByTestId('edit-notes').fill('Police-recorded.\nSee the note on levels.');
  const link = new URL(await figure.getByTestId('share-link').inputValue());
  expect(link.searchParams.get('title')).toBe('Robbery: Romania, Norway, Bulgaria');
  const snippet = await figure.getByTestId('share-embed').inputValue();
  const src = /src="([^"]+)"/.exec(snippet)?.[1].replaceAll('&amp;', '&') as string;

  await page.goto(src);
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(
    'Robbery: Romania, Norway, Bulgaria'
  );
  await expect(page).toHaveTitle('Robbery: Romania, Norway, Bulgaria');
  await expect(page.getByText('See the note on levels.')).toBeVisible();

  // The link opens the explorer with the same words; changing the chart drops them.
  await page.goto(link.pathname + link.search);
  const explorer = page.getByTestId('explore-view');
  await expect(explorer.locator('h2')).toHaveText('Robbery: Romania, Norway, Bulgaria');
  await page.getByRole('tab', { name: 'Bars' }).click();
  await expect(explorer.locator('h2')).not.toHaveText('Robbery: Romania, Norway, Bulgaria');
  await expect(page).not.toHaveURL(/title=/);
});
