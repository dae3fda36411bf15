import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { rawTsvCell } from '../support/raw';

const CRIME = 'eurostat/estat_crim_off_cat.tsv';
const POPULATION = 'eurostat/tps00001.tsv';
const BURGLARY = '/explore?ds=crim_off_cat&iccs=ICCS0501&unit=P_HTHAB';

// Each page starts DuckDB and loads its tables; on a busy machine that alone can take a while.
test.describe.configure({ timeout: 150_000 });

/** Opens a permalink and waits until the view has finished loading (or failed). */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await settled(page);
}

/** Waits until the view shows its result (or an error) rather than “Loading…”. */
async function settled(page: Page): Promise<void> {
  await expect(page.getByTestId('explore-view')).toBeVisible({ timeout: 120_000 });
  await expect(page.locator('[data-testid="explore-view"] .loading')).toHaveCount(0, {
    timeout: 120_000
  });
  // A change keeps the previous chart on screen, marked busy, until the new one is drawn.
  await expect(page.locator('[data-testid="explore-view"][aria-busy="true"]')).toHaveCount(0, {
    timeout: 120_000
  });
}

/** A published cell as a number (flag letters dropped), or null for `:`. */
function published(file: string, key: string, period: string): number | null {
  const cell = rawTsvCell(file, key, period);
  if (cell === null) throw new Error(`No cell ${key} ${period} in ${file}`);
  const number = cell.split(' ')[0];
  return number === ':' ? null : Number(number);
}

test('table view shows the burglary rate exactly as Eurostat publishes it', async ({ page }) => {
  await open(page, `${BURGLARY}&geo=RO,NO,BG&time=2008..2022&view=table`);
  const view = page.getByTestId('explore-view');
  await expect(page.getByRole('tab', { name: 'Table' })).toHaveAttribute('aria-selected', 'true');
  for (const [geo, year] of [
    ['RO', '2008'],
    ['BG', '2022'],
    ['NO', '2014']
  ]) {
    const value = published(CRIME, `A,ICCS0501,P_HTHAB,${geo}`, year);
    const cell = view.locator(`tr[data-series="${geo}"][data-period="${year}"] td[data-value]`);
    await expect(cell).toHaveAttribute('data-value', String(value));
  }
  // Norway publishes nothing after 2014: no number is made up for 2015.
  expect(published(CRIME, 'A,ICCS0501,P_HTHAB,NO', '2015')).toBeNull();
  await expect(
    view.locator('tr[data-series="NO"][data-period="2015"] td[data-value]:not([data-value=""])')
  ).toHaveCount(0);
  await expect(view).toContainText('Source: Eurostat (crim_off_cat)');
});

test('ranked bars order the countries by their 2022 values, missing ones last', async ({
  page
}) => {
  const geos = ['RO', 'NO', 'BG', 'HU', 'DE', 'PL'];
  await open(page, `${BURGLARY}&geo=${geos.join(',')}&time=2008..2022&view=bars`);
  const bars = page.getByTestId('ranked-bars');
  await expect(bars).toBeVisible();
  const expected = geos
    .map((geo) => ({ geo, value: published(CRIME, `A,ICCS0501,P_HTHAB,${geo}`, '2022') }))
    .sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity));
  const shown = await bars
    .locator('g.bar')
    .evaluateAll((nodes) =>
      nodes.map((n) => [n.getAttribute('data-series'), n.getAttribute('data-value')])
    );
  expect(shown).toEqual(expected.map((e) => [e.geo, e.value === null ? '' : String(e.value)]));
  // Romania is highlighted, and the title names the one year shown.
  await expect(bars.locator('g.bar.highlight')).toHaveAttribute('data-series', 'RO');
  await expect(page.getByRole('heading', { level: 2 })).toContainText('— 2022');
});

test('slope chart shows both end values of every series', async ({ page }) => {
  await open(page, `${BURGLARY}&geo=RO,BG&time=2010..2020&view=slope`);
  const slope = page.getByTestId('slope-chart');
  await expect(slope).toBeVisible();
  for (const geo of ['RO', 'BG'])
    for (const year of ['2010', '2020']) {
      const value = published(CRIME, `A,ICCS0501,P_HTHAB,${geo}`, year);
      await expect(
        slope.locator(`g.slope[data-series="${geo}"] circle[data-period="${year}"]`)
      ).toHaveAttribute('data-value', String(value));
    }
  const ro2010 = published(CRIME, 'A,ICCS0501,P_HTHAB,RO', '2010') as number;
  const ro2020 = published(CRIME, 'A,ICCS0501,P_HTHAB,RO', '2020') as number;
  const change = Math.round((ro2020 / ro2010 - 1) * 100);
  await expect(page.getByTestId('chart-summary')).toContainText(
    `Romania: ${ro2010} in 2010, ${ro2020} in 2020, +${change} %`
  );
});

test('line chart: estimated values are hollow, gaps stay gaps, breaks are marked', async ({
  page
}) => {
  await open(page, '/explore?ds=tps00001&geo=AD,RO&view=line');
  const andorra = page.locator('[data-testid="line-chart"] g.series[data-series="AD"]');
  await expect(andorra.locator('circle.point').first()).toBeVisible();

  // 2018 is published as `74794 e`: an estimate, drawn hollow.
  expect(rawTsvCell(POPULATION, 'JAN,AD', '2018')).toBe('74794 e');
  const estimate = andorra.locator('circle[data-period="2018"]');
  await expect(estimate).toHaveAttribute('data-value', '74794');
  await expect(estimate).toHaveClass(/hollow/);

  // 2014 and 2015 are `:`: no point, and no line from 2013 to 2016.
  expect(rawTsvCell(POPULATION, 'JAN,AD', '2014')).toBe(':');
  await expect(andorra.locator('circle[data-period="2014"]')).toHaveCount(0);
  await expect(andorra.locator('circle[data-period="2016"]')).toHaveCount(1);
  // Segments: 2010 | 2011–2013 (after the break) | 2016 alone | 2018–2020.
  await expect(andorra.locator('path.line')).toHaveCount(2);

  // 2011 is `78115 b`: a break in series, marked on the chart and in the legend.
  expect(rawTsvCell(POPULATION, 'JAN,AD', '2011')).toBe('78115 b');
  await expect(andorra.locator('g.break-mark[data-period="2011"]')).toHaveCount(1);
  await expect(page.getByRole('list', { name: 'Flags' })).toContainText('break in time series');
});

test('small multiples draw one panel per country on one shared axis', async ({ page }) => {
  await open(page, `${BURGLARY}&geo=RO,BG,PL&time=2008..2022&view=multiples`);
  const panels = page.getByTestId('small-multiples').locator('section.panel');
  await expect(panels).toHaveCount(3);
  const ticks = await panels.evaluateAll((nodes) =>
    nodes.map((n) => [...n.querySelectorAll('.grid text')].map((t) => t.textContent).join('|'))
  );
  expect(new Set(ticks).size).toBe(1);
});

test('sources list the publisher, the source file and the comparability caveat', async ({
  page
}) => {
  await open(page, '/explore?ds=crim_off_cat&view=sources');
  const sources = page.getByTestId('sources');
  await expect(sources).toContainText('Eurostat');
  await expect(sources).toContainText('crim_off_cat');
  await expect(sources).toContainText('estat_crim_off_cat.tsv');
  await expect(sources).toContainText(/commit [0-9a-f]{40}/);
  await expect(sources).toContainText('levels are not comparable between countries');
});

test('map view draws the chosen countries', async ({ page }) => {
  await open(page, `${BURGLARY}&geo=RO,BG,PL&time=2008..2022&view=map`);
  await expect(page.locator('#explore-panel svg[role="img"]').first()).toBeVisible();
});

test('a hostile link shows notes and the default view, and the page keeps working', async ({
  page
}) => {
  await open(page, '/explore?ds=<script>&geo=%E2%80%AEXX&view=nope');
  const notes = page.getByTestId('link-notes');
  await expect(notes).toHaveAttribute('role', 'status');
  await expect(notes).toContainText('Unknown dataset “<script>”');
  await expect(notes).toContainText('Unknown country code “XX”');
  await expect(notes).toContainText('Unknown view “nope”');
  await expect(page.getByRole('tab', { name: 'Line chart' })).toHaveAttribute(
    'aria-selected',
    'true'
  );
  await expect(page.getByTestId('line-chart')).toBeVisible();
});

test('a changed view is in the address: reload reproduces it and Back undoes it', async ({
  page
}) => {
  await open(page, `${BURGLARY}&geo=RO,NO,BG&time=2008..2022&view=line`);
  await expect(page.getByTestId('line-chart')).toBeVisible();

  await page.getByRole('tab', { name: 'Ranked bars' }).click();
  await expect(page).toHaveURL(/view=bars/);
  await page.getByTestId('transform-select').selectOption('index');
  await expect(page).toHaveURL(/transform=index&base=2008/);
  await page.locator('[data-dimension="geo"] input[data-code="HU"]').check();
  await expect(page).toHaveURL(/geo=RO,NO,BG,HU/);
  await settled(page);
  await expect(page.getByTestId('ranked-bars').locator('g.bar')).toHaveCount(4);
  const title = await page.getByRole('heading', { level: 2 }).textContent();

  await page.reload();
  await settled(page);
  await expect(page.getByRole('tab', { name: 'Ranked bars' })).toHaveAttribute(
    'aria-selected',
    'true'
  );
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(title ?? '');
  await expect(page.getByTestId('ranked-bars').locator('g.bar')).toHaveCount(4);

  await page.goBack();
  await settled(page);
  await expect(page).not.toHaveURL(/HU/);
  await expect(page.getByTestId('ranked-bars').locator('g.bar')).toHaveCount(3);
});

test('views and years can be changed with the keyboard alone', async ({ page }) => {
  await open(page, `${BURGLARY}&geo=RO,NO&view=line`);
  const lineTab = page.getByRole('tab', { name: 'Line chart' });
  await lineTab.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Small multiples' })).toBeFocused();
  await expect(page).toHaveURL(/view=multiples/);

  const from = page.getByRole('slider', { name: 'From' });
  await from.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/time=2010\.\.2022/);
  await expect(page.getByTestId('chart-summary')).toContainText('in 2010');
});

test('a rate from counts is computed with population and says so', async ({ page }) => {
  await open(page, '/explore?ds=migr_eipre&geo=RO,NO&time=2015..2020&transform=rate&view=table');
  const view = page.getByTestId('explore-view');
  await expect(view.getByRole('heading', { level: 2 })).toContainText('(computed)');
  await expect(view).toContainText('population on 1 January (demo_gind)');
  await expect(view.locator('tbody tr').first()).toBeVisible();
});
