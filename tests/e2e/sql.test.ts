import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';
import { rawTsvCell } from '../support/raw';

const FILE = 'eurostat/estat_crim_off_cat.tsv';
const HOMICIDE_RO = [
  'SELECT geo, time, value, flag FROM crim_off_cat',
  "WHERE iccs='ICCS0101' AND unit='P_HTHAB' AND geo='RO' ORDER BY time"
].join('\n');

async function runQuery(page: Page, sql: string) {
  const editor = page.getByLabel('SQL query');
  await editor.fill(sql);
  await editor.press('Control+Enter');
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
  await page.getByLabel('SQL query').fill('SELECT 7 AS seven');
  const saved = page.getByTestId('saved-queries');
  await saved.getByLabel('Name').fill('Lucky number');
  await saved.getByRole('button', { name: 'Save query' }).click();
  await page.getByLabel('SQL query').fill('SELECT 1 AS one');

  await page.reload();
  await expect(page.getByLabel('SQL query')).toHaveValue('SELECT 1 AS one');
  await saved.getByRole('button', { name: 'Run the saved query Lucky number' }).click();
  await expect(page.getByLabel('SQL query')).toHaveValue('SELECT 7 AS seven');
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
