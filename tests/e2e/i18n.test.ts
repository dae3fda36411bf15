import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { openInLanguage, switchLanguage } from './support/locale';
import { rawTsvCell } from '../support/raw';

const FILE = 'eurostat/estat_crim_off_cat.tsv';

test('switching to Română translates the page, writes numbers with a decimal comma and is remembered', async ({
  page
}) => {
  // Only the first load starts from English; the reload must keep what the user chose.
  await openInLanguage(page, 'en', '/');
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

/** Words of the home page's lead, in each language's messages only (messages/*.json). */
const LEAD = {
  en: 'Crime, trafficking and illegal-migration statistics',
  ro: 'Statistici privind criminalitatea, traficul'
};

/** The page's scripts so far, as received: `texts()` once they have arrived. */
function scriptsOf(page: Page): () => Promise<string[]> {
  const bodies: Promise<string>[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.endsWith('.js'))
      bodies.push(response.text().catch(() => ''));
  });
  return () => Promise.all(bodies);
}

const holds = (scripts: string[], text: string) => scripts.some((s) => s.includes(text));

test('a visit downloads the texts of its language only, and the other language when switched to', async ({
  page
}) => {
  const scripts = scriptsOf(page);
  await openInLanguage(page, 'en', '/');
  await expect(page.getByText(LEAD.en)).toBeVisible();
  await expect(page.locator('figure.home-chart')).toHaveAttribute('data-source', 'live');
  expect(holds(await scripts(), LEAD.en)).toBe(true);
  expect(holds(await scripts(), LEAD.ro)).toBe(false);

  const sameDocument = await switchLanguage(page, 'ro');
  await expect(page.getByText(LEAD.ro)).toBeVisible();
  await sameDocument();
  expect(holds(await scripts(), LEAD.ro)).toBe(true);
});

test('a reader who chose Romanian gets the page in Romanian from the first paint, without the English texts', async ({
  page
}) => {
  const scripts = scriptsOf(page);
  // Anything in English on the way to the Romanian page would show here.
  const english: string[] = [];
  await page.exposeFunction('sawEnglish', (text: string) => english.push(text));
  await page.addInitScript(() => {
    localStorage.setItem('cooperare.locale', 'ro');
    new MutationObserver(() => {
      const nav = document.querySelector('nav');
      if (nav?.textContent?.includes('Explore') && !nav.textContent.includes('Explorare'))
        (window as unknown as { sawEnglish(t: string): void }).sawEnglish(nav.textContent);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.goto('/');
  await expect(page.getByText(LEAD.ro)).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Explorare' })).toBeVisible();
  await expect(page.locator('figure.home-chart')).toHaveAttribute('data-source', 'live');
  expect(english).toEqual([]);
  expect(holds(await scripts(), LEAD.ro)).toBe(true);
  expect(holds(await scripts(), LEAD.en)).toBe(false);
});

test('a switch whose texts cannot be downloaded says so, keeps the page as it was, and works when chosen again', async ({
  page,
  problems
}) => {
  let refuse = true;
  await page.route('**/*.js', async (route) => {
    const response = await route.fetch();
    if (refuse && (await response.text()).includes(LEAD.ro)) return route.abort();
    return route.fulfill({ response });
  });
  await openInLanguage(page, 'en', '/');
  await expect(page.getByText(LEAD.en)).toBeVisible();

  const language = page.getByTestId('language-switch');
  await language.selectOption('ro');
  await expect(page.getByRole('status')).toContainText(
    "The other language's texts could not be downloaded"
  );
  await expect(language).toHaveValue('en');
  await expect(page.getByText(LEAD.en)).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // The refused download is what the browser reports; nothing else may fail.
  const refused = (p: string) =>
    /Failed to (load resource|fetch dynamically imported module)/.test(p);
  expect(problems.filter(refused).length).toBeGreaterThan(0);
  problems.splice(0, problems.length, ...problems.filter((p) => !refused(p)));

  refuse = false;
  await language.selectOption('ro');
  await expect(page.getByText(LEAD.ro)).toBeVisible();
  await expect(page.getByRole('status')).not.toContainText('could not be downloaded');
});
