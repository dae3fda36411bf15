import { test, expect } from './fixtures';
import { rawTsvCell } from '../support/raw';

const FILE = 'eurostat/estat_crim_off_cat.tsv';

test('home chart shows intentional homicide rates exactly as Eurostat publishes them', async ({
  page
}) => {
  await page.goto('/');
  const figure = page.locator('figure.home-chart');
  await expect(figure.getByRole('img', { name: /Intentional homicide per 100 000/ })).toBeVisible();
  // The bulk file states no release date, so the source line dates the data by its last year.
  await expect(figure).toContainText(
    'Source: Eurostat (crim_off_cat), data to 2022; the file states no release date. Licence: CC BY 4.0'
  );

  const checks: [string, string, string][] = [
    ['RO', '2008', '2.28'],
    ['RO', '2022', '0.91'],
    ['NO', '2011', '2.26']
  ];
  for (const [geo, year, published] of checks) {
    expect(rawTsvCell(FILE, `A,ICCS0101,P_HTHAB,${geo}`, year)).toBe(published);
    const cell = figure.locator(`tr[data-series="${geo}"][data-period="${year}"] td[data-value]`);
    await expect(cell).toHaveAttribute('data-value', published);
    await expect(cell).toHaveText(published);
    await expect(
      figure.locator(`g.series[data-series="${geo}"] circle[data-period="${year}"]`)
    ).toHaveAttribute('data-value', published);
  }
  // The generated text summary says what the chart shows, in words.
  await expect(figure.getByTestId('chart-summary')).toContainText(
    'Romania: 2.28 in 2008, 0.91 in 2022'
  );
  // Every point of the table is drawn and every drawn point is in the table.
  const rows = await figure.locator('tbody tr').count();
  expect(rows).toBeGreaterThan(60);
  await expect(figure.locator('circle.point')).toHaveCount(rows);
});

// The link's address is written by code fetched when the reader reaches for it: a click that
// comes at once still opens the shipped board, not an empty one.
test("the home board's link opens the shipped board, even clicked before its address is written", async ({
  page
}) => {
  await page.goto('/');
  const open = page.getByTestId('home-board-open');
  // Not written yet: the click below is the one that comes first.
  await expect(open).toHaveAttribute('href', '/boards');
  await open.click();
  await expect(page).toHaveURL(/\/boards\?b=2\./);
  await expect(page.getByRole('heading', { level: 2, name: 'RO21 at a glance' })).toBeVisible();
  await expect(page.getByTestId('board-title-input')).toHaveValue('RO21 at a glance');
});
