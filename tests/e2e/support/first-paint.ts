import type { Locator, Page } from '@playwright/test';
import { expect } from '../fixtures';
import { rawTsvCell } from '../../support/raw';

/**
 * Holds back every request for `url` until `release()` is called, so a test can look at the
 * page as it is before that file arrives; `requested()` says whether the page asked for it.
 */
export async function holdRequests(
  page: Page,
  url: string | RegExp
): Promise<{ release: () => void; requested: () => boolean }> {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  let requested = false;
  await page.route(url, async (route) => {
    requested = true;
    await held;
    await route.continue();
  });
  return { release: () => release(), requested: () => requested };
}

/**
 * Opens the explorer's crim_off_cat permalink and checks that its chart is drawn from the
 * build snapshot, with Norway's 2011 homicide rate as the published file has it.
 */
export async function expectExplorerSnapshot(page: Page): Promise<Locator> {
  await page.goto('/explore?ds=crim_off_cat');
  const figure = page.getByTestId('explore-view');
  await expect(figure).toHaveAttribute('data-source', 'snapshot');
  const published = rawTsvCell('eurostat/estat_crim_off_cat.tsv', 'A,ICCS0101,P_HTHAB,NO', '2011');
  expect(published).toBe('2.26');
  await expect(
    figure.locator('g.series[data-series="NO"] circle[data-period="2011"]')
  ).toHaveAttribute('data-value', published as string);
  return figure;
}
