import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { rawTsvCell } from '../support/raw';
import { chartCsvHeader, downloadText, readCsv } from './support/downloads';

const FILE = 'eurostat/estat_crim_off_cat.tsv';
const HOMICIDE_RO = [
  'SELECT geo, time, value, flag FROM crim_off_cat',
  "WHERE iccs='ICCS0101' AND unit='P_HTHAB' AND geo='RO' ORDER BY time"
].join('\n');

/** Replaces the editor's text as a reader would: select all, delete, then type the query. */
async function typeQuery(page: Page, sql: string) {
  await page.getByLabel('SQL query').click();
  await page.keyboard.press('ControlOrMeta+A');
  // Typed over a selection of several lines, Chromium's text insertion leaves an empty line.
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(sql);
}

async function runQuery(page: Page, sql: string) {
  await typeQuery(page, sql);
  await page.keyboard.press('Control+Enter');
}

/** Waits until the editor holds `sql`, line by line. */
async function expectQuery(page: Page, sql: string) {
  const editor = page.getByLabel('SQL query');
  const lines = () =>
    editor.evaluate((el) =>
      Array.from(el.querySelectorAll('.cm-line'), (line) => line.textContent).join('\n')
    );
  await expect.poll(lines).toBe(sql);
}

/** The grid cell of `column` in the row whose `time` cell reads `period`. */
function cellForPeriod(page: Page, period: string, column: string) {
  const grid = page.getByTestId('result-grid');
  return grid
    .getByRole('row')
    .filter({ has: page.locator(`[role="cell"][data-column="time"]`, { hasText: period }) })
    .locator(`[role="cell"][data-column="${column}"]`);
}

test('a query shows published values in the grid and charts them', async ({ page }) => {
  await page.goto('/sql');
  await expect(page.getByTestId('sql-tables')).toContainText('crim_off_cat');
  await runQuery(page, HOMICIDE_RO);

  const published = rawTsvCell(FILE, 'A,ICCS0101,P_HTHAB,RO', '2008');
  expect(published).toBe('2.28');
  await expect(cellForPeriod(page, '2008', 'value')).toHaveText(published as string);
  await expect(page.getByTestId('sql-status')).toContainText(/Rows: \d+ · time: /);
  const header = page.getByTestId('result-grid').getByRole('columnheader');
  await expect(header.filter({ hasText: 'value' })).toContainText('DOUBLE');

  await page.getByRole('button', { name: 'Chart this result' }).click();
  await page.getByTestId('chart-x').selectOption({ label: 'time' });
  await page.getByTestId('chart-y').selectOption({ label: 'value' });
  const chart = page.getByTestId('line-chart');
  await expect(chart).toBeVisible();
  await expect(chart.locator('circle[data-period="2008"]')).toHaveAttribute(
    'data-value',
    published as string
  );
  // One point per row with a value: the chart leaves nothing out and invents nothing.
  const withValue = await page
    .getByTestId('result-grid')
    .locator('[role="cell"][data-column="value"]:not(.null)')
    .count();
  expect(withValue).toBeGreaterThan(10);
  await expect(chart.locator('circle.point')).toHaveCount(withValue);
});

test('bad SQL shows DuckDB’s error and keeps the previous result', async ({ page }) => {
  await page.goto('/sql');
  await runQuery(page, HOMICIDE_RO);
  await expect(cellForPeriod(page, '2008', 'value')).toHaveText('2.28');

  await runQuery(page, 'SELEC geo FROM crim_off_cat');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Parser Error: syntax error at or near "SELEC"');
  await expect(cellForPeriod(page, '2008', 'value')).toHaveText('2.28');

  await runQuery(page, 'SELECT nothing FROM crim_off_cat');
  await expect(alert).toContainText('Binder Error');
  await expect(alert).toContainText('nothing');
});

test('a long query can be cancelled, and the console answers the next one', async ({ page }) => {
  await page.goto('/sql');
  await runQuery(page, 'SELECT count(*) AS n FROM range(1000000) a, range(1000000) b');
  const status = page.getByTestId('sql-status');
  await expect(status).toHaveText('Running…');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(status).toHaveText('The query was cancelled.');
  await expect(page.getByRole('alert')).toHaveCount(0);

  await runQuery(page, 'SELECT 42 AS answer');
  await expect(
    page.getByTestId('result-grid').locator('[role="cell"][data-column="answer"]')
  ).toHaveText('42');
});

test('saved queries and the last query survive a reload', async ({ page }) => {
  await page.goto('/sql');
  await typeQuery(page, 'SELECT 7 AS seven');
  const saved = page.getByTestId('saved-queries');
  await saved.getByLabel('Name').fill('Lucky number');
  await saved.getByRole('button', { name: 'Save query' }).click();
  await typeQuery(page, 'SELECT 1 AS one');

  await page.reload();
  await expectQuery(page, 'SELECT 1 AS one');
  await saved.getByRole('button', { name: 'Run the saved query Lucky number' }).click();
  await expectQuery(page, 'SELECT 7 AS seven');
  await expect(
    page.getByTestId('result-grid').locator('[role="cell"][data-column="seven"]')
  ).toHaveText('7');

  await saved.getByRole('button', { name: 'Delete the saved query Lucky number' }).click();
  await page.reload();
  await expect(saved).toContainText('No saved queries yet.');
});

test('a 100 000-row result keeps few rows in the page and scrolls to the last', async ({
  page
}) => {
  await page.goto('/sql');
  await runQuery(page, 'SELECT range AS n, range * 0.5 AS half FROM range(100000)');
  await expect(page.getByTestId('sql-status')).toContainText('Rows: 100,000');
  const grid = page.getByTestId('result-grid');
  await expect(grid.locator('[data-row="0"] [data-column="n"]')).toHaveText('0');
  expect(await grid.locator('[data-row]').count()).toBeLessThan(200);

  await grid.evaluate((element) => (element.scrollTop = element.scrollHeight));
  await expect(grid.locator('[data-row="99999"] [data-column="n"]')).toHaveText('99,999');
  await expect(grid.locator('[data-row="99999"] [data-column="half"]')).toHaveText('49,999.5');
  expect(await grid.locator('[data-row]').count()).toBeLessThan(200);
});

test.describe('a link to a query', () => {
  const FOUR = [
    "SELECT geo, time, value, flag FROM crim_off_cat WHERE iccs = 'ICCS0101'",
    "AND unit = 'P_HTHAB' AND geo IN ('RO', 'NO', 'HU', 'BG') ORDER BY geo, time"
  ].join('\n');
  const href = `/sql?${new URLSearchParams({ q: FOUR, chart: 'time,value,geo' })}`;

  test('runs the query, draws its chart and shares it with its data and source', async ({
    page
  }) => {
    await page.goto(href);
    await expectQuery(page, FOUR);
    const chart = page.getByTestId('line-chart');
    await expect(chart.locator('g.series')).toHaveCount(4);
    const published = rawTsvCell(FILE, 'A,ICCS0101,P_HTHAB,NO', '2011') as string;
    await expect(
      chart.locator('g.series[data-series="NO"] circle[data-period="2011"]')
    ).toHaveAttribute('data-value', published);

    const panel = page.locator('section.result-chart');
    await panel.getByText('Edit chart text').click();
    await panel.getByTestId('edit-title').fill('Homicide rate, four countries');
    await expect(panel.getByRole('heading', { level: 3 })).toHaveText(
      'Homicide rate, four countries'
    );
    await panel.getByTestId('share-toggle').click();
    // The link is this very view: the query, the chart's columns and its edited title.
    const link = new URL(await panel.getByTestId('share-link').inputValue());
    expect(link.pathname + link.search).toBe(
      `${href}&${new URLSearchParams({ title: 'Homicide rate, four countries' })}`
    );

    const csv = await downloadText(page, panel, 'download-csv');
    // Named after the title the presenter gave it.
    expect(csv.name).toBe('Homicide-rate-four-countries.csv');
    const { header, records, after } = readCsv(csv.text);
    expect(header).toEqual(chartCsvHeader('geo'));
    expect(records).toHaveLength(4 * 15);
    expect(records).toContainEqual(
      expect.objectContaining({
        geo_code: 'NO',
        geo_label: 'Norway',
        time: '2011',
        value: published
      })
    );
    expect(after).toContain('Homicide rate, four countries');
    expect(after).toContainEqual(expect.stringMatching(/^Source: Eurostat \(crim_off_cat\)/));

    const svg = await downloadText(page, panel, 'download-svg');
    expect(svg.text).toContain('Homicide rate, four countries');
    expect(svg.text).toContain('Source: Eurostat (crim_off_cat)');

    // Its embed shows the chart alone, under the same title, with a way to the console.
    const snippet = await panel.getByTestId('share-embed').inputValue();
    const src = new URL(/src="([^"]+)"/.exec(snippet)![1].replaceAll('&amp;', '&'));
    expect(src.pathname).toBe('/embed');
    expect(src.search).toBe(link.search);
    await page.goto(src.pathname + src.search);
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(
      'Homicide rate, four countries'
    );
    await expect(page).toHaveTitle('Homicide rate, four countries');
    await expect(page.getByTestId('line-chart').locator('g.series')).toHaveCount(4);
    await expect(page.getByTestId('chart-x')).toHaveCount(0);
    await expect(page.getByTestId('share-toggle')).toHaveCount(0);
    await expect(page.getByTestId('embed-full-view')).toHaveAttribute('href', `/sql${link.search}`);

    // Followed, the link shows the chart under the same title.
    await page.goto(link.pathname + link.search);
    await expect(page.locator('section.result-chart h3')).toHaveText(
      'Homicide rate, four countries'
    );
  });

  test('keeps the reader’s own query, one click away', async ({ page }) => {
    await page.goto('/sql');
    await typeQuery(page, HOMICIDE_RO);
    await page.goto(href);
    await expectQuery(page, FOUR);
    await expect(page.getByTestId('sql-link-note')).toContainText('The query you had here is kept');
    await page.getByRole('button', { name: 'Back to my query' }).click();
    await expectQuery(page, HOMICIDE_RO);
    await page.goto('/sql');
    await expectQuery(page, HOMICIDE_RO);
  });

  test('an embedded query that fails says DuckDB’s reason in the frame', async ({ page }) => {
    await page.goto(`/embed?${new URLSearchParams({ q: 'SELECT * FROM no_such_table' })}`);
    await expect(page.getByRole('alert')).toContainText('no_such_table');

    // DuckDB's pointer at the mistake is shown once, in a fixed-width font for its caret.
    await page.goto(`/embed?${new URLSearchParams({ q: 'SELEC geo FROM crim_off_cat' })}`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('syntax error at or near "SELEC"');
    expect(((await alert.textContent()) ?? '').match(/LINE 1:/g)).toHaveLength(1);
    expect(await alert.evaluate((el) => el.localName)).toBe('pre');
    await expect(page.getByTestId('embed-full-view')).toHaveAttribute('href', /^\/sql\?q=/);
  });

  test('says which of its chart columns the result lacks, and when its chart is unreadable', async ({
    page
  }) => {
    await page.goto(`/sql?${new URLSearchParams({ q: HOMICIDE_RO, chart: 'year,value' })}`);
    await expect(page.getByTestId('sql-link-columns')).toContainText('no column year');
    // The chart still draws, on the columns the reader would get by default.
    await expect(page.getByTestId('line-chart').locator('g.series')).toHaveCount(1);

    // A column that holds no numbers cannot go up the side: the link is told so.
    await page.goto(`/sql?${new URLSearchParams({ q: HOMICIDE_RO, chart: 'time,geo' })}`);
    await expect(page.getByTestId('sql-link-y')).toContainText('“geo”');

    // A title longer than a link carries is cut, with a note, and never widens the page.
    await page.goto(
      `/sql?${new URLSearchParams({ q: HOMICIDE_RO, chart: 'time,value', title: 'T'.repeat(300) })}`
    );
    await expect(page.getByTestId('sql-link-text-cut')).toContainText('was cut: “title”');
    await expect(page.locator('section.result-chart h3')).toHaveText('T'.repeat(200));
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)
    ).toBe(true);

    await page.goto(`/sql?${new URLSearchParams({ q: HOMICIDE_RO, chart: 'time' })}`);
    await expect(page.getByTestId('sql-link-problem')).toContainText('“time” could not be read');
    await expect(cellForPeriod(page, '2008', 'value')).toHaveText('2.28');
  });
});
