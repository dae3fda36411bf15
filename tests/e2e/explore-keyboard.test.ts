import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

// Issue 16, item 0: Space keeps the focus on its box, Tab after a search reaches the matches,
// and a skip link leads to the chart.
const picker = (page: Page, dimension: string) =>
  page.locator(`fieldset.code-picker[data-dimension="${dimension}"]`);
const focusedCode = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-code') ?? null);

test('Space on a country or an offence box ticks it and leaves the focus on it', async ({
  page
}) => {
  await page.goto('/explore?ds=crim_off_cat&iccs=ICCS0101&unit=P_HTHAB&geo=RO,NO');
  await expect(page.getByTestId('explore-view')).toHaveAttribute('data-source', /live|snapshot/);
  const bulgaria = picker(page, 'geo').locator('input[data-code="BG"]');
  await bulgaria.focus();
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/geo=RO,NO,BG/);
  await expect(bulgaria).toBeChecked();
  await expect(bulgaria).toBeFocused();
  expect(await focusedCode(page)).toBe('BG');

  // Space again unticks it, still in place.
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/geo=RO,NO(&|$)/);
  await expect(bulgaria).not.toBeChecked();
  await expect(bulgaria).toBeFocused();

  const theft = picker(page, 'iccs').locator('input[data-code="ICCS0502"]');
  await theft.focus();
  await page.keyboard.press('Space');
  // Two lists may hold several codes: homicide stays, theft joins it in a panel of its own.
  await expect(page).toHaveURL(/iccs=ICCS0101,ICCS0502/);
  await expect(theft).toBeChecked();
  await expect(theft).toBeFocused();
});

test('Tab after typing in the search goes to the first match, not to a ticked country', async ({
  page
}) => {
  await page.goto('/explore?ds=crim_off_cat&iccs=ICCS0101&unit=P_HTHAB&geo=RO,NO');
  const search = picker(page, 'geo').getByRole('searchbox');
  await search.fill('swe');
  await search.press('Tab');
  expect(await focusedCode(page)).toBe('SE');
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/geo=RO,NO,SE/);
  // Romania stays ticked.
  await expect(picker(page, 'geo').locator('input[data-code="RO"]')).toBeChecked();
});

test('a skip link near the top leads to the chart, the view tabs one Shift+Tab away', async ({
  page
}) => {
  await page.goto('/explore?ds=crim_off_cat');
  await expect(page.getByTestId('explore-view')).toBeVisible();
  // From the top of the page the skip link comes before any filter.
  let presses = 0;
  for (; presses < 20; presses++) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate(() => document.activeElement?.textContent?.trim());
    if (text === 'Skip to chart') break;
  }
  expect(presses).toBeLessThan(20);
  await page.keyboard.press('Enter');
  await expect(page.locator('#explore-panel')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('tab', { name: 'Line chart' })).toBeFocused();
});
