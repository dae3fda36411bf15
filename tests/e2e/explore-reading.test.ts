import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { rawTsvCell } from '../support/raw';

const CRIME = 'eurostat/estat_crim_off_cat.tsv';
const HOMICIDE = '/explore?ds=crim_off_cat&iccs=ICCS0101&unit=P_HTHAB&geo=RO,NO';
// Kidnapping per 100 000 inhabitants in Romania: 2009 is `:` in the file.
const KIDNAPPING = '/explore?ds=crim_off_cat&iccs=ICCS020221&unit=P_HTHAB&geo=RO';

test.describe.configure({ timeout: 150_000 });

async function open(page: Page, path: string, locale: 'en' | 'ro' = 'en'): Promise<void> {
  await page.addInitScript((chosen) => localStorage.setItem('cooperare.locale', chosen), locale);
  await page.goto(path);
  await expect(page.getByTestId('explore-view')).toHaveAttribute('data-source', 'live', {
    timeout: 120_000
  });
}

test('reading a line chart with the keyboard shows each series’ value, unit and source', async ({
  page
}) => {
  await open(page, `${HOMICIDE}&time=2008..2022&view=line`);
  const reader = page.getByRole('slider', { name: 'Read values' });
  await reader.focus();
  const box = page.getByTestId('explore-view').getByRole('status').filter({ hasText: 'Source' });
  await expect(box.locator('strong')).toHaveText('2022');
  expect(rawTsvCell(CRIME, 'A,ICCS0101,P_HTHAB,RO', '2022')).toBe('0.91');
  expect(rawTsvCell(CRIME, 'A,ICCS0101,P_HTHAB,NO', '2022')).toBe('0.55');
  await expect(box.locator('li')).toContainText([/Romania: 0\.91/, /Norway: 0\.55/]);
  await expect(box).toContainText('Source: Eurostat (crim_off_cat)');
  await expect(box.locator('li').first()).toContainText('Per hundred thousand inhabitants');

  await page.keyboard.press('Home');
  await expect(box.locator('strong')).toHaveText('2008');
  expect(rawTsvCell(CRIME, 'A,ICCS0101,P_HTHAB,RO', '2008')).toBe('2.28');
  expect(rawTsvCell(CRIME, 'A,ICCS0101,P_HTHAB,NO', '2008')).toBe('0.72');
  await expect(box.locator('li')).toContainText([/Romania: 2\.28/, /Norway: 0\.72/]);
});

test('a slope chart point names its series, period, value and source on hover', async ({
  page
}) => {
  await open(page, `${HOMICIDE}&time=2008..2022&view=slope`);
  const point = page.locator('g.slope[data-series="RO"] circle[data-period="2008"]');
  await expect(point).toHaveAttribute('data-value', '2.28');
  await expect(point.locator('title')).toHaveText(
    /^Romania, 2008: 2\.28 .+\nSource: Eurostat \(crim_off_cat\)/
  );
});

test('a note on a value that cannot be computed is worded in the interface language', async ({
  page
}) => {
  await open(page, `${KIDNAPPING}&time=2008..2022&transform=yoy&view=line`);
  expect(rawTsvCell(CRIME, 'A,ICCS020221,P_HTHAB,RO', '2009')).toBe(':');
  const view = page.getByTestId('explore-view');
  await expect(view).toContainText('No value in 2009 to compare with.');

  await page.getByTestId('language-switch').selectOption('ro');
  await expect(view).toContainText('Nu există valoare în 2009 cu care să se compare.');
  await expect(view).not.toContainText('No value in 2009');
});

test('bars of the last year leave out the notes about the years they do not show', async ({
  page
}) => {
  await open(page, `${KIDNAPPING}&time=2008..2022&transform=yoy&view=bars`);
  const view = page.getByTestId('explore-view');
  await expect(view.locator('h2')).toContainText('2022');
  await expect(view.locator('figcaption')).toContainText('Source: Eurostat (crim_off_cat)');
  await expect(view).not.toContainText('No value in 2009');
});

test('a Romanian link note quotes the unknown value „like this”', async ({ page }) => {
  await open(page, '/explore?ds=crim_off_cat&view=pie', 'ro');
  await expect(page.getByTestId('link-notes')).toContainText(
    'Vizualizare necunoscută „pie”; se afișează graficul liniar.'
  );
});
