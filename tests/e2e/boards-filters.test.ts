import type { Locator, Page } from '@playwright/test';
import { deflateSync, strToU8 } from 'fflate';
import { test, expect } from './fixtures';
import { rawTsvCell } from '../support/raw';
import { encodeBoard, type Board } from '../../src/lib/state/board-link';

const FILE = 'eurostat/estat_crim_off_cat.tsv';
const THEFT = 'programme=indicator&id=theft';
const THEFT_INDEX = 'programme=comparator&id=theft';
const HOMICIDE_SQL =
  "SELECT geo, time, value, flag FROM crim_off_cat WHERE iccs = 'ICCS0101' AND unit = 'P_HTHAB' AND geo IN ('RO', 'NO', 'HU') ORDER BY geo, time";
const sqlLink = (q: string) => new URLSearchParams({ q, chart: 'time,value,geo' }).toString();

const chartItem = (link: string, optOut = false) =>
  ({ kind: 'chart', link, span: 1, optOut }) as const;
const board = (items: Board['items'], filters: Board['filters']): Board => ({
  title: 'Filtered board',
  filters,
  items
});

/** The value a chart draws for one series and period. */
const point = (chart: Locator, series: string, period: string) =>
  chart.locator(`g.series[data-series="${series}"] circle[data-period="${period}"]`);
/** The periods a chart's data table lists for one series. */
const tablePeriods = (chart: Locator, series: string) =>
  chart
    .locator(`[data-testid="observation-table"] tr[data-series="${series}"]`)
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-period')));

async function applyFilters(page: Page, geo: string, from: string, to: string) {
  await page.getByTestId('board-filter-geo').fill(geo);
  await page.getByTestId('board-filter-from').fill(from);
  await page.getByTestId('board-filter-to').fill(to);
  await page.getByTestId('board-filter-apply').click();
}

test('the board’s period narrows a programme indicator’s chart to its years, with the same values as its own page, and names the baseline left out', async ({
  page
}) => {
  test.slow();
  const published = rawTsvCell(FILE, 'A,ICCS0502,P_HTHAB,RO', '2016');
  expect(published).toBe('466.08');
  await page.goto(`/embed?${THEFT}`);
  const alone = page.getByTestId('indicator-trend');
  await expect(point(alone, 'RO', '2010')).toHaveCount(1, { timeout: 60_000 });
  const unfiltered = await point(alone, 'RO', '2016').getAttribute('data-value');
  expect(unfiltered).toBe(published);
  await expect(alone.locator('[data-kind="baseline"]')).toHaveCount(1);

  await page.goto(
    `/boards?b=${encodeBoard(
      board([chartItem(THEFT), chartItem('programme=budget'), chartItem(THEFT_INDEX)], {
        geo: [],
        time: null
      })
    )}`
  );
  const [item, budget] = [0, 1].map((i) => page.getByTestId('board-item').nth(i));
  const trend = item.getByTestId('indicator-trend');
  await expect(point(trend, 'RO', '2010')).toHaveCount(1, { timeout: 60_000 });
  await applyFilters(page, 'Hungary', '2014', '2018');

  await expect(point(trend, 'RO', '2013')).toHaveCount(0);
  await expect(point(trend, 'RO', '2019')).toHaveCount(0);
  await expect(point(trend, 'RO', '2016')).toHaveAttribute('data-value', published as string);
  await item.getByText('Data table').click();
  expect(await tablePeriods(trend, 'RO')).toEqual(['2014', '2015', '2016', '2017', '2018']);
  // The baseline year is outside the window: not drawn, but named with its value.
  await expect(trend.locator('[data-kind="baseline"]')).toHaveCount(0);
  await expect(trend).toContainText('Outside the board’s period, so not drawn: Baseline 2012:');
  // Its own link opens it unfiltered: its notes, downloaded with it, say what the board drew.
  await expect(trend).toContainText('Drawn with the board’s filters: periods 2014 to 2018.');
  // It shows Romania whatever the board's countries, and says so; the budget has no years.
  await expect(item.getByTestId('board-filters-missed')).toHaveText(
    'The board’s countries do not apply to this chart: it follows its indicator’s own country. The period does.'
  );
  await expect(budget.getByTestId('board-filters-missed')).toContainText(
    'it has neither countries nor the years of a statistic'
  );

  // The comparison against the EU27 median is cut to the same years; its index keeps its base
  // year, and its summary reads Romania's index as published values divided, to one decimal.
  const index = page.getByTestId('board-item').nth(2).getByTestId('comparator-chart');
  await expect(point(index, 'RO', '2013')).toHaveCount(0);
  const theft = (year: string) => Number(rawTsvCell(FILE, 'A,ICCS0502,P_HTHAB,RO', year));
  const romania2014 = ((theft('2014') / theft('2012')) * 100).toFixed(1);
  expect(romania2014).toBe('291.9');
  await expect(index.getByTestId('chart-summary')).toContainText(`Romania: ${romania2014} in 2014`);

  // Opted out, it draws every year again.
  await item.getByTestId('board-opt-out').check();
  await expect(point(trend, 'RO', '2010')).toHaveCount(1);
  await expect(item.getByTestId('board-filters-missed')).toHaveText(
    'The board’s filters do not apply to this chart: it ignores them.'
  );
});

test('the board’s countries and period reach a SQL console chart through its geo and time columns, with the values of the same query filtered in the console', async ({
  page
}) => {
  test.slow();
  const filteredByHand = HOMICIDE_SQL.replace(
    "geo IN ('RO', 'NO', 'HU')",
    "geo IN ('RO', 'NO', 'HU') AND geo = 'NO' AND time BETWEEN '2014' AND '2018'"
  );
  await page.goto(`/sql?${sqlLink(filteredByHand)}`);
  const consoleChart = page.getByTestId('line-chart');
  await expect(point(consoleChart, 'NO', '2016')).toHaveCount(1, { timeout: 90_000 });
  const inConsole = await point(consoleChart, 'NO', '2016').getAttribute('data-value');
  expect(inConsole).toBe(rawTsvCell(FILE, 'A,ICCS0101,P_HTHAB,NO', '2016'));

  const noGeo =
    "SELECT time, value FROM crim_off_cat WHERE iccs = 'ICCS0101' AND unit = 'P_HTHAB' AND geo = 'RO' ORDER BY time";
  await page.goto(
    `/boards?b=${encodeBoard(
      board(
        [chartItem(sqlLink(HOMICIDE_SQL)), chartItem(new URLSearchParams({ q: noGeo }).toString())],
        {
          geo: [],
          time: null
        }
      )
    )}`
  );
  const [item, other] = [0, 1].map((i) => page.getByTestId('board-item').nth(i));
  const chart = item.getByTestId('line-chart');
  await expect(point(chart, 'HU', '2016')).toHaveCount(1, { timeout: 90_000 });
  await applyFilters(page, 'Norway', '2014', '2018');

  await expect(point(chart, 'HU', '2016')).toHaveCount(0);
  await expect(point(chart, 'RO', '2016')).toHaveCount(0);
  await expect(point(chart, 'NO', '2013')).toHaveCount(0);
  await expect(point(chart, 'NO', '2016')).toHaveAttribute('data-value', inConsole as string);
  await item.getByText('Data table').click();
  expect(await tablePeriods(item, 'NO')).toEqual(['2014', '2015', '2016', '2017', '2018']);
  await expect(item.getByTestId('board-filters-missed')).toHaveCount(0);
  await expect(item).toContainText(
    'Drawn with the board’s filters: countries Norway; periods 2014 to 2018.'
  );
  // A result without a geo column takes the period and says the countries miss it.
  await expect(other.getByTestId('board-filters-missed')).toHaveText(
    'The board’s countries do not apply to this chart: its query’s result has no geo column. The period does.'
  );
  // The chart's own link is the console's query as written, not the board's wrapping.
  await item.getByTestId('share-toggle').click();
  const shared = await item.getByTestId('share-link').inputValue();
  expect(new URL(shared).searchParams.get('q')).toBe(HOMICIDE_SQL);
});

test('a version 1 board link with filters opens as it did: its programme and SQL charts ignore them', async ({
  page
}) => {
  const v1 = {
    t: 'Shared before',
    p: ['2014', '2018'],
    i: [
      ['c', THEFT, 1, 0],
      ['c', sqlLink(HOMICIDE_SQL), 1, 0]
    ]
  };
  const bytes = deflateSync(strToU8(JSON.stringify(v1)));
  const value = btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
  await page.goto(`/boards?b=1.${value}`);
  const items = page.getByTestId('board-item');
  await expect(items).toHaveCount(2);
  for (const i of [0, 1]) {
    await expect(items.nth(i).getByTestId('board-opt-out')).toBeChecked();
    await expect(items.nth(i).getByTestId('board-filters-missed')).toHaveText(
      'The board’s filters do not apply to this chart: it ignores them.'
    );
  }
  await expect(point(items.nth(1).getByTestId('line-chart'), 'RO', '2010')).toHaveCount(1, {
    timeout: 90_000
  });
});
