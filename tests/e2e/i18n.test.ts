import { test, expect } from './fixtures';
import { rawTsvCell } from '../support/raw';

const FILE = 'eurostat/estat_crim_off_cat.tsv';

test('switching to Română translates the page, writes numbers with a decimal comma and is remembered', async ({
  page
}) => {
  await page.addInitScript(() => {
    // Only the first load starts from English; the reload must keep what the user chose.
    if (sessionStorage.getItem('i18n-test-started') === null) {
      sessionStorage.setItem('i18n-test-started', '1');
      localStorage.setItem('cooperare.locale', 'en');
    }
  });
  await page.goto('/');
  const figure = page.locator('figure.home-chart');
  await expect(figure).toHaveAttribute('data-source', 'live');
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('link', { name: 'Explore' })).toBeVisible();

  await page.getByTestId('language-switch').selectOption('ro');

  await expect(page.locator('html')).toHaveAttribute('lang', 'ro');
  await expect(nav.getByRole('link', { name: 'Explorare' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Program', exact: true })).toBeVisible();
  await expect(
    figure.getByRole('img', { name: /Omucideri intenționate la 100 000 de locuitori/ })
  ).toBeVisible();
  await expect(figure).toContainText('Sursa: Eurostat (crim_off_cat)');

  expect(rawTsvCell(FILE, 'A,ICCS0101,P_HTHAB,RO', '2008')).toBe('2.28');
  const cell = figure.locator('tr[data-series="RO"][data-period="2008"] td[data-value]');
  await expect(cell).toHaveAttribute('data-value', '2.28');
  await expect(cell).toHaveText('2,28');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ro');
  await expect(page.getByTestId('language-switch')).toHaveValue('ro');
  await expect(nav.getByRole('link', { name: 'Explorare' })).toBeVisible();
  await expect(cell).toHaveText('2,28');

  // Romania's population of 2021 is an estimate (flag e in tps00001): the legend explains it.
  await page.goto('/explore?ds=tps00001&geo=RO&view=line');
  const legend = page.locator('ul.flag-legend');
  await expect(legend.locator('li')).toHaveText([/^\s*e\s+estimat$/]);
  await page.goto('/explore?ds=tps00001&geo=RO&view=table');
  const estimate = page.locator('tr[data-series="RO"][data-period="2021"]');
  await expect(estimate.locator('td[data-value]')).toHaveText('19.186.201');
  await expect(estimate.locator('td[data-flag]')).toContainText('estimat');
});
