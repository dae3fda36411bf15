import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { syntheticControl } from '../../src/lib/indicators/synthetic-control';
import { test, expect } from './fixtures';
import { rawTsvCell } from '../support/raw';
import { downloadText, readCsv } from './support/downloads';

const RAW_FILE = 'eurostat/estat_crim_off_cat.tsv';
const COUNTRY_NAMES: Record<string, string> = {
  BG: 'Bulgaria',
  HU: 'Hungary',
  PL: 'Poland',
  CZ: 'Czechia',
  SK: 'Slovakia',
  AT: 'Austria'
};
const YEARS = Array.from({ length: 15 }, (_, i) => 2008 + i);
// DuckDB starts on the first live query; on a loaded machine that takes a while.
const LIVE = { timeout: 90_000 };
test.describe.configure({ timeout: 240_000 });

/** A published value of the Eurostat file, read with a plain split; null for `:` or a flag. */
function published(iccs: string, geo: string, year: number): number | null {
  const cell = rawTsvCell(RAW_FILE, `A,${iccs},P_HTHAB,${geo}`, String(year));
  return cell && /^[0-9.]+$/.test(cell) ? Number(cell) : null;
}

/** Every published year of each country, as a panel for synthetic-control.ts. */
function panel(iccs: string, geos: readonly string[]) {
  return geos.flatMap((unit) =>
    YEARS.flatMap((period) => {
      const value = published(iccs, unit, period);
      return value === null ? [] : [{ unit, period, value }];
    })
  );
}

/** The weights as the table shows them: rounded to three decimals, in British English. */
const shownWeight = (weight: number) =>
  new Intl.NumberFormat('en-GB', { maximumFractionDigits: 6 }).format(
    Math.round(weight * 1000) / 1000
  );

async function liveView(page: Page, query: string): Promise<Locator> {
  await page.goto(`/explore?${query}`);
  const figure = page.getByTestId('explore-view');
  await expect(figure).toHaveAttribute('data-source', 'live', LIVE);
  return figure;
}

/** The weights table's rows as [unit shown, weight shown]. */
async function weightsShown(figure: Locator): Promise<string[][]> {
  const rows = figure.getByTestId('synthetic-weights').locator('tbody tr');
  return rows.evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? ''))
  );
}

/** The CSV download's treated and synthetic values by year. */
async function downloadedPaths(page: Page, figure: Locator, treated: string) {
  await figure.getByTestId('share-toggle').click();
  const { records } = readCsv((await downloadText(page, figure, 'download-csv')).text);
  const of = (code: string) =>
    new Map(records.filter((r) => r.geo_code === code).map((r) => [Number(r.time), r.value]));
  return { treated: of(treated), synthetic: of('synthetic') };
}

test('a synthetic control of a CSV imported on /data gives the weights and gaps synthetic-control.ts gives', async ({
  page
}) => {
  const geos = ['RO', 'BG', 'HU', 'PL', 'CZ', 'SK', 'AT'];
  const values = panel('ICCS0101', geos);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'evalx-e2e-'));
  const file = path.join(dir, 'homicide panel.csv');
  writeFileSync(
    file,
    ['geo,time,value', ...values.map((v) => `${v.unit},${v.period},${v.value}`)].join('\n') + '\n'
  );
  await page.goto('/data');
  await page.getByLabel(/Import a file/).setInputFiles(file);
  await expect(page.getByLabel('Long: one value per row')).toBeChecked();
  await page.getByRole('button', { name: 'Import with this mapping' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'was imported as' })).toBeVisible();

  const figure = await liveView(
    page,
    'ds=homicide_panel&view=synthetic&treated=RO&start=2014&time=2008..2022'
  );
  const expected = syntheticControl(values, {
    treated: 'RO',
    donors: geos.slice(1),
    firstTreatedPeriod: 2014
  });
  if (expected.kind !== 'ok') throw new Error(expected.message);
  const weights = await weightsShown(figure);
  const nonZero = expected.weights.filter((w) => w.weight > 0);
  expect(weights.map((w) => w[1])).toEqual(nonZero.map((w) => shownWeight(w.weight)));
  expect(weights.map((w) => w[0])).toEqual(nonZero.map((w) => COUNTRY_NAMES[w.unit]));

  // The download holds the treated values and the synthetic twin to full precision.
  const paths = await downloadedPaths(page, figure, 'RO');
  for (const row of expected.rows) {
    expect(Number(paths.treated.get(row.period)), `RO ${row.period}`).toBe(row.treated);
    if (row.synthetic === null) continue;
    const synthetic = Number(paths.synthetic.get(row.period));
    expect(synthetic, `synthetic ${row.period}`).toBeCloseTo(row.synthetic, 9);
    expect(row.treated - synthetic).toBeCloseTo(row.gap as number, 9);
  }
  await expect(figure.getByTestId('synthetic-placebo')).toContainText('p =');
});

test('the shipped data’s synthetic link: weights, gaps, placebos, caveats and its messages', async ({
  page
}) => {
  const donors = ['BG', 'HU', 'PL', 'CZ', 'SK'];
  const query = `ds=crim_off_cat&iccs=ICCS0101&unit=P_HTHAB&geo=RO,${donors.join(',')}&time=2008..2022&view=synthetic`;
  const figure = await liveView(page, `${query}&treated=RO&start=2014`);
  const expected = syntheticControl(panel('ICCS0101', ['RO', ...donors]), {
    treated: 'RO',
    donors,
    firstTreatedPeriod: 2014
  });
  if (expected.kind !== 'ok') throw new Error(expected.message);
  const weights = await weightsShown(figure);
  expect(weights.map((w) => w[1])).toEqual(
    expected.weights.filter((w) => w.weight > 0).map((w) => shownWeight(w.weight))
  );
  await expect(figure.getByTestId('synthetic-chart').locator('svg')).toBeVisible();
  await expect(figure.locator('[data-testid="synthetic-placebo"]')).toContainText('p =');
  await expect(figure.getByTestId('synthetic-leave-one-out')).toBeVisible();
  await expect(figure.getByText(/evidence, not proof/)).toBeVisible();
  // Romania's homicide series is not one the 2014 codes break: no break note here.
  await expect(figure.getByTestId('synthetic-problem')).toHaveCount(0);

  await liveView(page, `${query}&start=2014`);
  await expect(page.getByTestId('synthetic-problem')).toContainText('Choose the treated unit');
  await liveView(page, `${query}&treated=RO&start=2009`);
  await expect(page.getByTestId('synthetic-problem')).toContainText('“2009”');
  await liveView(
    page,
    `ds=crim_off_cat&iccs=ICCS0101&unit=P_HTHAB&geo=RO,BG&view=synthetic&treated=RO&start=2014`
  );
  await expect(page.getByTestId('synthetic-problem')).toContainText('at least two donors');
});

test('proj=1: the fan is drawn, the table lists projected rows, and the CSV marks them', async ({
  page
}) => {
  const query = 'ds=crim_off_cat&iccs=ICCS0101&unit=P_HTHAB&geo=RO,NO&time=2008..2022';
  const figure = await liveView(page, `${query}&view=line&proj=1`);
  await expect(figure.getByTestId('projection-fan')).toHaveCount(2);
  // The fan's legend names the method under the chart.
  await expect(
    figure
      .locator('p')
      .filter({ hasText: /^Projection \(random walk from the last published value\)/ })
  ).toBeVisible();

  await figure.getByTestId('share-toggle').click();
  const { records } = readCsv((await downloadText(page, figure, 'download-csv')).text);
  const projected = records.filter((r) => r.value_kind === 'projected');
  const present = new Date().getFullYear();
  expect(projected.filter((r) => r.geo_code === 'RO').map((r) => Number(r.time))).toEqual(
    Array.from({ length: present - 2022 }, (_, i) => 2023 + i)
  );
  // The random walk's middle is the last published value; its intervals widen from there.
  const ro2022 = published('ICCS0101', 'RO', 2022) as number;
  for (const row of projected.filter((r) => r.geo_code === 'RO')) {
    expect(Number(row.value)).toBeCloseTo(ro2022, 9);
    expect(Number(row.lower_95)).toBeLessThan(Number(row.lower_80));
    expect(row.flag).toBe('');
  }
  const publishedRo = records.find((r) => r.geo_code === 'RO' && r.time === '2022');
  expect(publishedRo?.value_kind).toBe('published');
  expect(Number(publishedRo?.value)).toBe(ro2022);

  const table = await liveView(page, `${query}&view=table&proj=1`);
  await expect(table.getByTestId('projection-table')).toHaveCount(2);
  await expect(table.getByTestId('projection-table').first()).toContainText(String(present));

  // An old link without proj keeps its view: no fan.
  const old = await liveView(page, `${query}&view=line`);
  await expect(old.getByTestId('line-chart')).toBeVisible();
  await expect(old.getByTestId('projection-fan')).toHaveCount(0);
});

test('Romania’s burglary shows the 2014 break of the new Criminal Code, named under the chart', async ({
  page
}) => {
  const figure = await liveView(
    page,
    'ds=crim_off_cat&iccs=ICCS0501&unit=P_HTHAB&geo=RO,NO&time=2008..2022&view=line'
  );
  const mark = figure.locator('[data-testid="series-break"][data-year="2014"]');
  await expect(mark).toHaveAttribute('data-kind', 'known');
  await expect(mark).toContainText('new Criminal Code');
  await expect(figure.getByTestId('break-notes')).toContainText(
    'Romania: the series breaks in 2014 (new Criminal Code)'
  );
  await expect(figure.getByTestId('break-notes')).not.toContainText('Norway');
});

test('the synthetic view and the projection pass axe (WCAG 2.1 A and AA)', async ({ page }) => {
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
  for (const query of [
    'ds=crim_off_cat&iccs=ICCS0501&unit=P_HTHAB&geo=RO,NO&time=2008..2022&view=line&proj=1',
    'ds=crim_off_cat&iccs=ICCS0101&unit=P_HTHAB&geo=RO,BG,HU,PL,CZ,SK&time=2008..2022&view=synthetic&treated=RO&start=2014'
  ]) {
    await liveView(page, query);
    const results = await new AxeBuilder({ page }).withTags(tags).analyze();
    const found = results.violations.map(
      (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
    );
    expect(found, query).toEqual([]);
  }
});
