import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { openRoute } from './platform-routes';
import { encodeBoard } from '../../src/lib/state/board-link';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Opens every page after this with `theme` chosen, as the header's switch remembers it. */
async function chooseTheme(page: Page, theme: string) {
  await page.addInitScript((t) => localStorage.setItem('cooperare.theme', t), theme);
}
// THEME=dark runs every audit in the dark theme (as scripts/screenshot.ts reads THEME).
const THEME = process.env.THEME;
if (THEME) test.beforeEach(({ page }) => chooseTheme(page, THEME));
const VIEWS = [
  'line',
  'multiples',
  'bars',
  'slope',
  'map',
  'table',
  'crosstab',
  'scatter',
  'sources'
];

/** Waits until the page has drawn its data: no "Loading…" left on screen. */
async function settled(page: Page) {
  await expect(page.getByText(/Loading|Se încarcă/).filter({ visible: true })).toHaveCount(0, {
    timeout: 45_000
  });
}

/** Every WCAG 2.1 A and AA violation axe finds, as one readable line each. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
  );
}

async function audit(page: Page, problems: string[], path: string) {
  const exists = await openRoute(page, problems, path);
  test.skip(!exists, `${path} does not exist yet: nothing to audit`);
  await settled(page);
  expect(await violations(page), `axe on ${path}`).toEqual([]);
}

const SQL_CHART = new URLSearchParams({
  q: "SELECT geo, time, value FROM crim_off_cat WHERE iccs = 'ICCS0101' AND unit = 'P_HTHAB' AND geo IN ('RO', 'NO')",
  chart: 'time,value,geo'
});
/**
 * A board of every kind of item: text, an explorer chart, programme charts, a SQL console
 * chart, an indicator, with filters that reach some and miss others (their notes said).
 */
const BOARD = encodeBoard({
  title: 'Audit',
  filters: { geo: ['RO', 'NO'], time: { from: '2014', to: '2018' } },
  items: [
    { kind: 'text', markdown: '## Notes\n\n[Eurostat](https://ec.europa.eu/eurostat)', span: 1 },
    { kind: 'chart', link: 'programme=indicator&id=burglary', span: 1, optOut: false },
    { kind: 'chart', link: 'ds=crim_off_cat&view=line', span: 2, optOut: false },
    { kind: 'chart', link: 'programme=budget', span: 1, optOut: false },
    { kind: 'chart', link: SQL_CHART.toString(), span: 1, optOut: false },
    { kind: 'indicator', id: 'burglary', span: 1 }
  ]
});
const PAGES = [
  '/',
  '/boards',
  `/boards?b=${BOARD}`,
  `/embed?board=${BOARD}`,
  '/programme',
  // A statistic indicator: its fan, its breaks and its synthetic control.
  '/programme/indicator/burglary',
  '/report',
  '/data',
  '/sql',
  `/sql?${SQL_CHART}`,
  '/embed?ds=crim_off_cat&view=line',
  `/embed?${SQL_CHART}`,
  '/embed?programme=comparator&id=theft'
];
for (const path of PAGES) {
  test(`no WCAG 2.1 AA violations on ${path}`, async ({ page, problems }) => {
    await audit(page, problems, path);
  });
}

// The console's table names once read 1.6:1 on the dark background: both themes, every run.
for (const theme of ['light', 'dark']) {
  test(`no WCAG 2.1 AA violations on /sql in the ${theme} theme`, async ({ page, problems }) => {
    await chooseTheme(page, theme);
    await audit(page, problems, '/sql');
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
  });
}

for (const view of VIEWS) {
  test(`no WCAG 2.1 AA violations in the explorer's ${view} view`, async ({ page, problems }) => {
    await audit(page, problems, `/explore?ds=crim_off_cat&view=${view}`);
  });
}

// Two dimensions varying: lines by country in a panel per offence.
for (const view of ['line', 'bars', 'crosstab']) {
  test(`no WCAG 2.1 AA violations in the explorer's ${view} view of two offences`, async ({
    page,
    problems
  }) => {
    await audit(
      page,
      problems,
      `/explore?ds=crim_off_cat&iccs=ICCS0501,ICCS0502&unit=P_HTHAB&geo=RO,NO,BG&view=${view}&v=2`
    );
  });
}

for (const kind of ['objective', 'indicator']) {
  test(`no WCAG 2.1 AA violations on a programme ${kind} page`, async ({ page, problems }) => {
    const exists = await openRoute(page, problems, '/programme');
    test.skip(!exists, '/programme does not exist yet');
    const link = page.locator(`a[href^="/programme/${kind}/"]`).first();
    test.skip((await link.count()) === 0, `/programme links to no ${kind} page yet`);
    await audit(page, problems, (await link.getAttribute('href')) as string);
  });
}

test('the keyboard reaches the language switch, the navigation and the chart reader, with a visible focus ring', async ({
  page
}) => {
  await page.goto('/');
  await expect(page.locator('figure.home-chart')).toHaveAttribute('data-source', 'live');
  const wanted = new Map<string, boolean>([
    ['language switch', false],
    ['nav link', false],
    ['chart reader', false]
  ]);
  for (let i = 0; i < 40 && [...wanted.values()].includes(false); i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return {
        kind: el.matches('[data-testid="language-switch"]')
          ? 'language switch'
          : el.matches('nav a')
            ? 'nav link'
            : el.matches('figure.home-chart input[type="range"]')
              ? 'chart reader'
              : null,
        ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2
      };
    });
    if (focused?.kind) {
      expect(focused.ring, `${focused.kind} shows where the focus is`).toBe(true);
      wanted.set(focused.kind, true);
    }
  }
  expect(Object.fromEntries(wanted)).toEqual({
    'language switch': true,
    'nav link': true,
    'chart reader': true
  });
});

for (const path of ['/', '/explore?ds=crim_off_cat', `/boards?b=${BOARD}`]) {
  test(`no WCAG 2.1 AA violations on ${path} in Romanian`, async ({ page, problems }) => {
    await page.addInitScript(() => localStorage.setItem('cooperare.locale', 'ro'));
    await audit(page, problems, path);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ro');
  });
}

// WCAG 1.4.10: at 320 CSS pixels wide nothing makes the reader scroll the page sideways
// (a wide table scrolls inside its own region).
for (const path of [
  '/',
  '/explore?ds=crim_off_cat&iccs=ICCS0101&unit=P_HTHAB&geo=RO,NO&view=line',
  '/explore?ds=migr_eipre&transform=rate&view=scatter&time=2021&y=crim_off_cat&y.iccs=ICCS0502&y.unit=P_HTHAB',
  '/programme',
  '/data',
  '/sql',
  `/boards?b=${BOARD}`
]) {
  test(`${path} reflows to a 320 px wide screen`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 700 });
    await page.goto(path);
    await settled(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320
    );
  });
}
