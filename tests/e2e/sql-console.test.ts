import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

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

/** Asks for completion, waits for `option` to be offered and takes it with Enter. */
async function complete(page: Page, option: RegExp) {
  await page.keyboard.press('Control+Space');
  await expect(page.getByRole('listbox').getByRole('option', { name: option })).toBeVisible();
  // CodeMirror ignores Enter for 75 ms after the list opens, so a fast typist's Enter is a line.
  await page.waitForTimeout(150);
  await page.keyboard.press('Enter');
}

const editorText = (page: Page) =>
  page
    .getByLabel('SQL query')
    .evaluate((el) => Array.from(el.querySelectorAll('.cm-line'), (l) => l.textContent).join('\n'));

test('the console cannot change a catalogue table, only the reader’s own', async ({ page }) => {
  await page.goto('/sql');
  await runQuery(page, "SELECT count(*) AS n FROM crim_off_cat WHERE geo = 'RO'");
  const grid = page.getByTestId('result-grid');
  await expect(grid.locator('[role="cell"][data-column="n"]')).not.toHaveText('');
  const count = await grid.locator('[role="cell"][data-column="n"]').textContent();

  const alert = page.getByRole('alert');
  for (const statement of [
    'DROP TABLE crim_off_cat',
    'ALTER TABLE crim_off_cat RENAME TO gone',
    "DELETE FROM crim_off_cat WHERE geo = 'RO'",
    'CREATE OR REPLACE TABLE crim_off_cat AS SELECT 1 AS x'
  ]) {
    await runQuery(page, statement);
    await expect(alert).toContainText('crim_off_cat is a dataset of the catalogue');
    await expect(alert).toContainText('CREATE TABLE my_crim_off_cat AS SELECT * FROM crim_off_cat');
    // The result on screen is the one before, and says so.
    await expect(page.getByTestId('sql-previous-result')).toBeVisible();
  }

  // The reader's own copy is theirs to change and drop.
  await runQuery(
    page,
    [
      "CREATE TABLE my_crim_off_cat AS SELECT * FROM crim_off_cat WHERE geo = 'RO';",
      "DELETE FROM my_crim_off_cat WHERE time < '2015';",
      'SELECT count(*) AS kept FROM my_crim_off_cat'
    ].join('\n')
  );
  await expect(grid.locator('[role="cell"][data-column="kept"]')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('sql-previous-result')).toHaveCount(0);
  await runQuery(page, 'DROP TABLE my_crim_off_cat');
  await expect(page.getByRole('alert')).toHaveCount(0);

  // The catalogue table is whole, in the console and in the explorer.
  await runQuery(page, "SELECT count(*) AS n FROM crim_off_cat WHERE geo = 'RO'");
  await expect(grid.locator('[role="cell"][data-column="n"]')).toHaveText(count as string);
  await page.goto('/explore?ds=crim_off_cat&geo=RO,NO');
  await expect(page.getByTestId('line-chart').locator('g.series')).toHaveCount(2, {
    timeout: 60_000
  });
  await expect(page.getByText('Catalog Error')).toHaveCount(0);
});

test('the editor completes table and column names and DuckDB keywords', async ({ page }) => {
  await page.goto('/sql');
  await typeQuery(page, 'SELECT ge FROM crim_o');
  await complete(page, /^crim_off_cat/);
  expect(await editorText(page)).toBe('SELECT ge FROM crim_off_cat');

  // Back after "ge": the columns of the table the statement names.
  for (let i = 0; i < ' FROM crim_off_cat'.length; i++) await page.keyboard.press('ArrowLeft');
  await complete(page, /^geo/);
  expect(await editorText(page)).toBe('SELECT geo FROM crim_off_cat');

  await typeQuery(page, 'SUMMAR');
  await complete(page, /^SUMMARIZE/);
  expect(await editorText(page)).toBe('SUMMARIZE');

  // Highlighting: keywords are marked apart from names.
  const keyword = page.locator('.cm-content span', { hasText: /^SUMMARIZE$/ });
  const colour = await keyword.evaluate((el) => getComputedStyle(el).color);
  const plain = await page
    .getByLabel('SQL query')
    .evaluate((el) => getComputedStyle(el.querySelector('.cm-line') as Element).color);
  expect(colour).not.toBe(plain);
});

test('the editor is fetched on /sql only', async ({ page }) => {
  const scripts = () =>
    page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((name) => name.endsWith('.js'))
    );
  await page.goto('/');
  await expect(page.locator('figure.home-chart')).toHaveAttribute('data-source', 'live');
  const home = new Set(await scripts());
  await page.getByRole('link', { name: 'SQL', exact: true }).first().click();
  await expect(page.getByLabel('SQL query')).toBeVisible();
  const added = (await scripts()).filter((url) => !home.has(url));
  const editorChunks: string[] = [];
  for (const url of added)
    if ((await (await page.request.get(url)).text()).includes('cm-content')) editorChunks.push(url);
  expect(editorChunks.length).toBeGreaterThan(0);
});

test('the result grid’s columns line up across rows, whatever a cell holds', async ({ page }) => {
  await page.goto('/sql');
  await runQuery(
    page,
    [
      "SELECT CASE WHEN n % 7 = 3 THEN repeat('a long label ', 3) ELSE 'x' END AS label,",
      '  n * 1000.5 AS amount, n AS id',
      'FROM range(40) t(n)'
    ].join('\n')
  );
  const grid = page.getByTestId('result-grid');
  await expect(grid.locator('[data-row="3"] [data-column="label"]')).toContainText('a long label');
  for (const column of ['label', 'amount', 'id']) {
    const lefts = await grid
      .locator(`[data-column="${column}"]`)
      .evaluateAll((cells) => cells.map((c) => Math.round(c.getBoundingClientRect().left)));
    expect(lefts.length).toBeGreaterThan(10);
    expect(new Set(lefts), `the ${column} column starts at one x`).toHaveProperty('size', 1);
  }
});

for (const theme of ['light', 'dark']) {
  test(`the console has no WCAG 2.1 AA violations in the ${theme} theme`, async ({ page }) => {
    await page.addInitScript((t) => localStorage.setItem('cooperare.theme', t), theme);
    await page.goto('/sql');
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await runQuery(page, "SELECT geo, time, value FROM crim_off_cat WHERE geo = 'RO' LIMIT 5");
    await expect(page.getByTestId('result-grid').locator('[data-row="4"]')).toBeVisible();
    await typeQuery(page, 'SELECT * FROM cr');
    await page.keyboard.press('Control+Space');
    await expect(page.getByRole('listbox')).toBeVisible();
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    ).toEqual([]);
  });
}
