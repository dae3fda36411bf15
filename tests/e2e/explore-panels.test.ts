import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { rawTsvCell } from '../support/raw';

const FILE = 'eurostat/estat_crim_off_cat.tsv';
const COUNTRIES = ['RO', 'NO', 'BG', 'HU'];
const BURGLARY = `/explore?ds=crim_off_cat&iccs=ICCS0501&unit=P_HTHAB&geo=${COUNTRIES.join(',')}&time=2008..2022&view=line&v=2`;

test.describe.configure({ timeout: 150_000 });

/** The view's answer is drawn: DuckDB's, or after a change the page's, from the rows it holds. */
async function live(page: Page): Promise<void> {
  test.slow();
  await expect(page.getByTestId('explore-view')).toHaveAttribute('data-source', /^(live|page)$/, {
    timeout: 120_000
  });
}

const panelSeries = (page: Page, panel: string) =>
  page
    .locator(`section.panel[data-panel="${panel}"] g.series`)
    .evaluateAll((groups) => groups.map((g) => g.getAttribute('data-series')?.split('\u001f')[0]));

test('two offences across four countries: lines by country in a panel per offence, in the link too', async ({
  page
}) => {
  await page.goto(BURGLARY);
  await live(page);
  // Ticking theft keeps burglary and the four countries.
  await page.locator('[data-dimension="iccs"] input[data-code="ICCS0502"]').check();
  await expect(page).toHaveURL(/iccs=ICCS0501,ICCS0502&/);
  await expect(page).toHaveURL(/geo=RO,NO,BG,HU&/);
  await expect(page.locator('[data-dimension="iccs"] input[data-code="ICCS0501"]')).toBeChecked();
  await live(page);

  const view = page.getByTestId('explore-view');
  await expect(view.locator('section.panel h3')).toHaveText(['Burglary', 'Theft']);
  expect(await panelSeries(page, 'ICCS0501')).toEqual(COUNTRIES);
  expect(await panelSeries(page, 'ICCS0502')).toEqual(COUNTRIES);
  // The title and subtitle name both dimensions.
  await expect(view.locator('h2')).toContainText('Burglary, Theft');
  await expect(view.locator('.chart-subtitle')).toContainText('Romania, Norway, Bulgaria, Hungary');
  await expect(view.locator('.chart-subtitle')).toContainText('Burglary, Theft');

  // The link reopens the same view.
  const link = page.url();
  await page.goto('/explore');
  await page.goto(link);
  await live(page);
  await expect(view.locator('section.panel h3')).toHaveText(['Burglary', 'Theft']);
  expect(await panelSeries(page, 'ICCS0502')).toEqual(COUNTRIES);
});

test('the table of two offences across four countries holds the file’s values under both names', async ({
  page
}) => {
  await page.goto(
    BURGLARY.replace('iccs=ICCS0501', 'iccs=ICCS0501,ICCS0502').replace('view=line', 'view=table')
  );
  await live(page);
  const table = page.getByTestId('observation-table');
  const names = { RO: 'Romania', NO: 'Norway', BG: 'Bulgaria', HU: 'Hungary' } as const;
  for (const [iccs, offence] of [
    ['ICCS0501', 'Burglary'],
    ['ICCS0502', 'Theft']
  ])
    for (const geo of COUNTRIES) {
      const raw = rawTsvCell(FILE, `A,${iccs},P_HTHAB,${geo}`, '2010');
      expect(raw).toMatch(/^\d/);
      const row = table.locator(`tr[data-series="${geo}\u001f${iccs}"][data-period="2010"]`);
      await expect(row.locator('th')).toHaveText(
        `${offence} — ${names[geo as keyof typeof names]}`
      );
      await expect(row.locator('td.num')).toHaveAttribute('data-value', String(Number(raw)));
    }
});

test('an old link with two offences and four countries opens as it did: the first offence only', async ({
  page
}) => {
  await page.goto(
    BURGLARY.replace('iccs=ICCS0501', 'iccs=ICCS0501,ICCS0502').replace('v=2', 'v=1')
  );
  await live(page);
  const view = page.getByTestId('explore-view');
  await expect(view.locator('section.panel')).toHaveCount(0);
  await expect(view.locator('svg[data-testid="line-chart"] g.series')).toHaveCount(4);
  await expect(view.locator('h2')).toContainText('Burglary');
  await expect(view.locator('h2')).not.toContainText('Theft');
});

test('the map of two offences says it draws one at a time; the slope draws every pair', async ({
  page
}) => {
  const both = BURGLARY.replace('iccs=ICCS0501', 'iccs=ICCS0501,ICCS0502');
  await page.goto(both.replace('view=line', 'view=map'));
  await live(page);
  const view = page.getByTestId('explore-view');
  await expect(view.getByRole('status')).toContainText(
    'The map draws one “Offence (International Classification of Crime for Statistical Purposes)” at a time'
  );
  await page.getByRole('tab', { name: 'Slope chart' }).click();
  // One slope per pair: two offences × four countries.
  await expect(view.locator('g.slope')).toHaveCount(8);
  await expect(view.getByTestId('chart-summary')).toContainText('Theft — Norway');
});
