import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { rawTsvCell } from '../support/raw';

// A change is drawn before its address is written; these check that the address and the
// history still hold every change, however quickly the changes come.

const CRIME = 'eurostat/estat_crim_off_cat.tsv';
const BURGLARY = '/explore?ds=crim_off_cat&iccs=ICCS0501&unit=P_HTHAB';

test.describe.configure({ timeout: 150_000 });

async function settled(page: Page): Promise<void> {
  await expect(page.locator('[data-testid="explore-view"] .loading')).toHaveCount(0, {
    timeout: 120_000
  });
  await expect(page.locator('[data-testid="explore-view"][aria-busy="true"]')).toHaveCount(0, {
    timeout: 120_000
  });
}

/** The table's 2015 cell of a country, as the user reads it. */
const cell2015 = (page: Page, geo: string) =>
  page.locator(`tr[data-series="${geo}"][data-period="2015"] td[data-value]`);

function published2015(geo: string): string {
  const raw = rawTsvCell(CRIME, `A,ICCS0501,P_HTHAB,${geo}`, '2015');
  if (raw === null || raw.startsWith(':')) throw new Error(`No 2015 value for ${geo}`);
  return String(Number(raw.split(' ')[0]));
}

test('two quick ticks each get their own Back step, and the address is the view drawn', async ({
  page
}) => {
  await page.goto(`${BURGLARY}&geo=RO,NO&time=2008..2022&view=table`);
  await settled(page);
  await expect(cell2015(page, 'RO')).toHaveAttribute('data-value', published2015('RO'));

  // The second tick comes before the first one's answer is drawn.
  const geo = page.locator('fieldset[data-dimension="geo"]');
  await geo.locator('input[data-code="BG"]').click();
  await geo.locator('input[data-code="HU"]').click();
  await expect(page).toHaveURL(/geo=RO,NO,BG,HU(&|$)/);
  await settled(page);
  await expect(cell2015(page, 'HU')).toHaveAttribute('data-value', published2015('HU'));
  await expect(cell2015(page, 'BG')).toHaveAttribute('data-value', published2015('BG'));

  // A reload of the address shows the same view.
  await page.reload();
  await settled(page);
  await expect(cell2015(page, 'HU')).toHaveAttribute('data-value', published2015('HU'));

  await page.goBack();
  await expect(page).toHaveURL(/geo=RO,NO,BG(&|$)/);
  await settled(page);
  await expect(cell2015(page, 'BG')).toHaveAttribute('data-value', published2015('BG'));
  await expect(cell2015(page, 'HU')).toHaveCount(0);

  await page.goBack();
  await expect(page).toHaveURL(/geo=RO,NO(&|$)/);
  await settled(page);
  await expect(cell2015(page, 'BG')).toHaveCount(0);

  await page.goForward();
  await expect(page).toHaveURL(/geo=RO,NO,BG(&|$)/);
  await settled(page);
  await expect(cell2015(page, 'BG')).toHaveAttribute('data-value', published2015('BG'));
});

test('a change of chart type is in the address at once and leaves the numbers as they are', async ({
  page
}) => {
  await page.goto(`${BURGLARY}&geo=RO,NO&time=2008..2022&view=table`);
  await settled(page);
  await page.getByRole('tab', { name: 'Ranked bars' }).click();
  await expect(page).toHaveURL(/view=bars/);
  await expect(page.getByTestId('ranked-bars').locator('g.bar')).toHaveCount(2);
  await page.goBack();
  await expect(page).toHaveURL(/view=table/);
  await expect(cell2015(page, 'RO')).toHaveAttribute('data-value', published2015('RO'));
});
