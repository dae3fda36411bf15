import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { rawTsvCell } from '../support/raw';
import { downloadText, readCsv } from './support/downloads';

const framework = JSON.parse(readFileSync('datasets/programme/ro21.json', 'utf8')) as {
  indicators: { id: string; kind: string }[];
};

/** Romania's value of an offence per 100 000 inhabitants in the published TSV. */
function raw(iccs: string, year: number): number {
  return Number(
    rawTsvCell('eurostat/estat_crim_off_cat.tsv', `A,${iccs},P_HTHAB,RO`, String(year))
  );
}

test('the dashboard shows every indicator as a card with its latest value, trend and status', async ({
  page
}) => {
  test.setTimeout(120_000);
  await page.goto('/programme');
  const cards = page.locator('li.indicator-card');
  await expect(cards).toHaveCount(framework.indicators.length);
  const theft = page.locator('li[data-indicator=theft]');
  await expect(theft.getByTestId('indicator-status')).toHaveAttribute('data-status', 'off-track', {
    timeout: 90_000
  });
  await expect(theft.locator('.latest')).toHaveText(`${raw('ICCS0502', 2022)} (2022)`);
  await expect(theft.getByTestId('sparkline')).toHaveAttribute('aria-label', /Romania, 2008–2022/);
  await expect(theft.getByTestId('card-synthetic')).toContainText(
    'against its synthetic control since 2014'
  );
  // A statistic indicator has a sparkline; an output the programme reports has none.
  const statistics = framework.indicators.filter((i) => i.kind === 'statistic').length;
  await expect(page.getByTestId('sparkline')).toHaveCount(statistics, { timeout: 90_000 });
  // The whole card opens the indicator's page, not only its name.
  await theft.scrollIntoViewIfNeeded();
  const box = await theft.locator('.latest').boundingBox();
  if (!box) throw new Error('the card has no latest value on screen');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page).toHaveURL(/\/programme\/indicator\/theft$/);
});

test('burglary: the 2014 break is named, and the projection starts after it, drawn as a fan', async ({
  page
}) => {
  test.setTimeout(120_000);
  await page.goto('/programme/indicator/burglary');
  const panel = page.locator('article[data-indicator=burglary]');
  const trend = panel.getByTestId('indicator-trend');
  await expect(trend.getByTestId('projection-fan')).toBeVisible({ timeout: 60_000 });
  const mark = trend.getByTestId('series-break');
  await expect(mark).toHaveAttribute('data-year', '2014');
  await expect(mark).toHaveAttribute('data-kind', 'known');
  await expect(mark).toContainText('new Criminal Code');

  // The status compares 2012 with 2022 across the break, and says so with the change since.
  await expect(panel.getByTestId('status-break-note')).toContainText(
    `spans a break in 2014 (new Criminal Code)`
  );
  await expect(panel.getByTestId('status-break-note')).toContainText(
    `went from ${raw('ICCS0501', 2014)} to ${raw('ICCS0501', 2022)}`
  );
  await expect(panel.getByTestId('projection-summary')).toContainText(
    'Projected from the years since 2014 only'
  );

  // The random walk carries the last published value forward; the table says it is projected.
  await trend.getByText('Data table').click();
  const table = trend.getByTestId('projection-table');
  await expect(table.locator('caption')).toHaveText('Projection (not published figures)');
  const years = await table.locator('tbody th').allTextContents();
  expect(years[0]).toBe('2023');
  const middle = await table.locator('tbody tr').first().locator('td').first().textContent();
  expect(Number(middle?.replaceAll(',', ''))).toBeCloseTo(raw('ICCS0501', 2022), 2);

  // The CSV marks each line published or projected, the projected ones with their intervals.
  await trend.getByTestId('share-toggle').click();
  const { records } = readCsv((await downloadText(page, trend, 'download-csv')).text);
  const published = records.filter((r) => r.value_kind === 'published');
  const projected = records.filter((r) => r.value_kind === 'projected');
  expect(published.find((r) => r.time === '2014')?.value).toBe(String(raw('ICCS0501', 2014)));
  expect(projected.map((r) => r.time)).toEqual(years);
  for (const r of projected) {
    expect(Number(r.lower_95)).toBeLessThan(Number(r.lower_80));
    expect(Number(r.upper_80)).toBeLessThan(Number(r.upper_95));
    expect(r.flag).toBe('');
  }
});

test('a target set by the evaluator gets a verdict with its probability', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/programme/indicator/theft');
  const panel = page.locator('article[data-indicator=theft]');
  await expect(panel.getByTestId('projection-summary')).toBeVisible({ timeout: 60_000 });
  await expect(panel.getByTestId('projection-verdict')).toHaveCount(0);
  await panel.getByText('Edit baseline, target, comparator and desired direction').click();
  await panel.locator('input[name=target-year]').fill('2026');
  // Three times the latest value: theft should go down, so that target is met unless it triples.
  await panel.locator('input[name=target-value]').fill(String(raw('ICCS0502', 2022) * 3));
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByTestId('projection-verdict')).toContainText(
    /^Likely to meet the target: a \d+ % chance by 2026/
  );
  await panel.locator('input[name=target-value]').fill(String(raw('ICCS0502', 2022) / 3));
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByTestId('projection-verdict')).toContainText(
    /^Unlikely to meet the target: a \d+ % chance by 2026/
  );
});

test('the synthetic control: weights, placebos, a table per year, and a start the evaluator sets', async ({
  page
}) => {
  test.setTimeout(120_000);
  await page.goto('/programme/indicator/theft');
  const section = page.locator('#synthetic-theft');
  await expect(section.getByTestId('synthetic-summary')).toContainText('Fitted on 2008–2013', {
    timeout: 60_000
  });
  await expect(section.getByTestId('synthetic-placebo')).toContainText(/so p = 0\.\d+/);
  await expect(section.getByTestId('gap-chart').locator('path.placebo').first()).toBeAttached();
  // The 2014 start is the year of the new Criminal Code: the estimate says it spans that break.
  await expect(section.getByTestId('synthetic-break-note')).toContainText(
    '2014 (new Criminal Code)'
  );

  const weights = await section.getByTestId('synthetic-weights').locator('td').allTextContents();
  const sum = weights.reduce((s, w) => s + Number(w), 0);
  expect(sum).toBeGreaterThan(0.99);
  expect(sum).toBeLessThan(1.01);

  // Romania's values in the table are the published ones.
  await section.getByText('Data table').click();
  const row2016 = section.getByTestId('synthetic-rows').locator('tr', { hasText: '2016' });
  await expect(row2016.locator('td').first()).toHaveText(String(raw('ICCS0502', 2016)));

  // A later start: fitted on more years; an impossible one: a message, and nothing drawn.
  await section.locator('input[name=synthetic-start]').fill('2016');
  await expect(section.getByTestId('synthetic-summary')).toContainText('Fitted on 2008–2015');
  await section.locator('input[name=synthetic-start]').fill('1990');
  await expect(section.getByRole('alert')).toContainText('must be a year from');
  await expect(section.getByTestId('synthetic-summary')).toHaveCount(0);
});
