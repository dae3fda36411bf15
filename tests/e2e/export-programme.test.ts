import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { rawTsvCell } from '../support/raw';
import { chartCsvHeader, downloadText, readCsv } from './support/downloads';
import { expectFrameFits, openPartnerPage, startPartnerSite } from './support/partner-page';

const FRAMEWORK = JSON.parse(readFileSync('datasets/programme/ro21.json', 'utf8')) as {
  programme: { sources: string[]; approved: string; eligibleUntil: string };
  financing: { total: number };
  projects: { id: string; title: string; budget: number }[];
  events: { date: string; label: { en: string } }[];
};
const PERIOD = `${FRAMEWORK.programme.approved}/${FRAMEWORK.programme.eligibleUntil}`;

/** A chart's figure on the programme page with its share menu open. */
async function openMenu(page: Page, figure: Locator): Promise<Locator> {
  await figure.getByTestId('share-toggle').click();
  await expect(figure.getByTestId('share-panel')).toBeVisible();
  return figure;
}

/** What a downloaded SVG shows, read by the browser's own XML parser. */
function readSvg(page: Page, markup: string) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      title: root.querySelector(':scope > title')?.textContent ?? '',
      texts: [...root.querySelectorAll('text')].map((t) => t.textContent?.trim() ?? ''),
      // As rgb(), however the file writes it.
      background: (() => {
        const probe = document.createElement('div');
        probe.style.color = root.querySelector(':scope > rect')?.getAttribute('fill') ?? '';
        document.body.append(probe);
        const colour = getComputedStyle(probe).color;
        probe.remove();
        return colour;
      })(),
      bar: root.querySelector('rect.bar:not(.unassigned)')?.getAttribute('style') ?? ''
    };
  }, markup);
}

const budgetFigure = (page: Page) => page.locator('figure[data-budget="project"]');

test('the budget CSV has one row per project with the published budgets, adding up to the total', async ({
  page
}) => {
  await page.goto('/programme');
  const figure = await openMenu(page, budgetFigure(page));
  const file = await downloadText(page, figure, 'download-csv');
  expect(file.name).toBe('ro21_budget-by-project.csv');
  const { header, records, after } = readCsv(file.text);
  expect(header).toEqual(chartCsvHeader('project'));
  const projects = records.filter((r) => r.project_code !== 'not-allocated');
  expect(projects.map((r) => [r.project_code, Number(r.value)])).toEqual(
    FRAMEWORK.projects.map((p) => [p.id, p.budget])
  );
  for (const record of records)
    expect(record).toMatchObject({ dataset: 'ro21', unit: 'EUR', time: PERIOD, flag: '' });
  expect(records[0].project_label).toContain(FRAMEWORK.projects[0].title);
  expect(records.reduce((sum, r) => sum + Number(r.value), 0)).toBe(FRAMEWORK.financing.total);
  expect(after).toContain('Budget by project');
  expect(after).toContainEqual(
    expect.stringMatching(
      `^Source: RO21 programme pages, read in 2026: ${FRAMEWORK.programme.sources[0]};.*Licence:`
    )
  );
});

test('the budget SVG parses and carries the edited title and the source', async ({ page }) => {
  await page.goto('/programme');
  const figure = budgetFigure(page);
  await figure.getByText('Edit chart text').click();
  await figure.getByTestId('edit-title').fill('RO21 money for the steering committee');
  await expect(figure.locator('h2')).toHaveText('RO21 money for the steering committee');
  await openMenu(page, figure);
  const file = await downloadText(page, figure, 'download-svg');
  // Named after the title the presenter wrote.
  expect(file.name).toBe('RO21-money-for-the-steering-committee.svg');
  const svg = await readSvg(page, file.text);
  expect(svg.error).toBeNull();
  expect(svg.title).toBe('RO21 money for the steering committee');
  expect(svg.texts).toContain('RO21 money for the steering committee');
  expect(svg.texts.some((t) => t.includes(FRAMEWORK.programme.sources[0]))).toBe(true);
  // The bars keep their amounts as drawn.
  expect(svg.texts).toContain(`€${FRAMEWORK.projects[0].budget.toLocaleString('en-GB')}`);
});

test('the timeline CSV lists the programme period and every dated event', async ({ page }) => {
  await page.goto('/programme');
  const figure = await openMenu(page, page.locator('figure:has([data-testid="timeline"])'));
  const file = await downloadText(page, figure, 'download-csv');
  expect(file.name).toBe('ro21_timeline.csv');
  const { header, records } = readCsv(file.text);
  expect(header.slice(0, 4)).toEqual(['dataset', 'event_code', 'event_label', 'time']);
  expect(records[0]).toMatchObject({ event_code: 'period', time: PERIOD });
  for (const event of FRAMEWORK.events)
    expect(records).toContainEqual(
      expect.objectContaining({ time: event.date, event_label: event.label.en })
    );
  expect(records).toHaveLength(FRAMEWORK.events.length + 1);
});

test('on a dark screen the picture is light by default, and dark when asked', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('cooperare.theme', 'dark'));
  await page.goto('/programme');
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(18, 20, 23)');
  const figure = await openMenu(page, budgetFigure(page));
  const colours = figure.getByTestId('export-colours');
  await expect(colours.getByRole('radio', { name: 'Light background' })).toBeChecked();

  const light = await readSvg(page, (await downloadText(page, figure, 'download-svg')).text);
  expect(light.background).toBe('rgb(255, 255, 255)');
  expect(light.bar).toMatch(/fill:\s*rgb\(31, 78, 121\)/);

  await colours.getByRole('radio', { name: 'Dark background' }).check();
  const dark = await readSvg(page, (await downloadText(page, figure, 'download-svg')).text);
  expect(dark.background).toBe('rgb(18, 20, 23)');
  expect(dark.bar).toMatch(/fill:\s*rgb\(91, 155, 213\)/);
  // The screen stayed dark throughout.
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
    'rgb(18, 20, 23)'
  );
});

test('in Romanian the CSV keeps English column names and says what a provisional value is', async ({
  page
}) => {
  await page.addInitScript(() => localStorage.setItem('cooperare.locale', 'ro'));
  test.slow();
  await page.goto('/explore?ds=tps00001&geo=BE&time=2019..2022&view=line&v=1');
  const figure = page.getByTestId('explore-view');
  await expect(figure).toHaveAttribute('data-source', 'live', { timeout: 90_000 });
  await openMenu(page, figure);
  const { header, records, after } = readCsv(
    (await downloadText(page, figure, 'download-csv')).text
  );
  expect(header).toContain('flag_meaning');
  const belgium2021 = records.find((r) => r.geo_code === 'BE' && r.time === '2021');
  const [published, flag] = (rawTsvCell('eurostat/tps00001.tsv', 'JAN,BE', '2021') ?? '').split(
    ' '
  );
  expect(flag).toBe('p');
  expect(belgium2021).toMatchObject({ value: published, flag: 'p', flag_meaning: 'provizoriu' });
  expect(after.some((line) => line.startsWith('Sursa: Eurostat'))).toBe(true);

  const svg = await readSvg(page, (await downloadText(page, figure, 'download-svg')).text);
  expect(svg.error).toBeNull();
  expect(svg.texts).toContain('p provizoriu');
});

test.describe('an embedded programme chart', () => {
  let partner: Awaited<ReturnType<typeof startPartnerSite>>;
  test.beforeAll(async () => (partner = await startPartnerSite()));
  test.afterAll(() => partner.close());

  test('the budget shows alone in a frame on another origin, with title, source and a link', async ({
    page,
    context,
    baseURL
  }) => {
    await page.goto('/programme');
    const figure = await openMenu(page, budgetFigure(page));
    const snippet = await figure.getByTestId('share-embed').inputValue();
    expect(snippet).toContain(`src="${baseURL}/embed?programme=budget"`);
    partner.paste(snippet);
    const appOrigin = new URL(baseURL as string).origin;
    const { page: hostPage, problems } = await openPartnerPage(context, partner.origin, appOrigin);
    const frame = hostPage.frameLocator('iframe');
    await expect(frame.getByRole('img', { name: /Budget by project/ })).toBeVisible();
    await expect(frame.getByRole('heading', { level: 2 })).toHaveText('Budget by project');
    await expect(frame.locator('g.row')).toHaveCount(FRAMEWORK.projects.length + 1);
    await expect(
      frame.getByText(
        `Source: RO21 programme pages, read in 2026: ${FRAMEWORK.programme.sources[0]}`
      )
    ).toBeVisible();
    await expect(frame.getByRole('navigation')).toHaveCount(0);
    await expect(frame.getByTestId('share-toggle')).toHaveCount(0);
    const full = frame.getByTestId('embed-full-view');
    await expect(full).toHaveAttribute('href', '/programme#budget-projects');
    await expect(full).toHaveAttribute('target', '_blank');
    await expectFrameFits(hostPage, appOrigin);
    expect(problems).toEqual([]);
  });
});

test('/embed shows the timeline and an indicator trend, and says so when a chart is unknown', async ({
  page
}) => {
  await page.goto('/embed?programme=timeline');
  await expect(page.getByTestId('timeline')).toBeVisible();
  await expect(page).toHaveTitle('Programme period');
  await expect(page.getByTestId('embed-full-view')).toHaveAttribute('href', '/programme#timeline');

  await page.goto('/embed?programme=chart-of-nothing');
  await expect(page.getByRole('alert')).toHaveText(/no programme chart “chart-of-nothing”/);

  await page.goto('/embed?programme=indicator&id=officers-deployed-norway');
  await expect(page.getByRole('alert')).toContainText('has no chart');

  test.slow();
  await page.goto('/embed?programme=indicator&id=theft');
  await expect(page.getByTestId('line-chart')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('chart-band')).toBeVisible();
  await expect(page.getByTestId('embed-full-view')).toHaveAttribute(
    'href',
    '/programme/indicator/theft'
  );
});

test.describe('the comparator chart of an indicator', () => {
  const RAW = 'eurostat/estat_crim_off_cat.tsv';
  const theft = (year: string) => Number(rawTsvCell(RAW, 'A,ICCS0502,P_HTHAB,RO', year));

  test('downloads the indexed series it draws and names the countries compared', async ({
    page
  }) => {
    test.slow();
    await page.goto('/programme/indicator/theft');
    const result = page.getByTestId('comparator-result');
    await expect(result).toContainText('comparator countries at', { timeout: 90_000 });
    // "… the median of 26 comparator countries at 93.4: …" as the page says it.
    const [, count, median] = /median of (\d+) comparator countries at ([\d.]+)/.exec(
      (await result.textContent()) ?? ''
    ) as RegExpExecArray;

    const figure = page.getByTestId('comparator-chart');
    await expect(figure).toContainText(`Comparator countries (${count}): Austria, Belgium`);
    await openMenu(page, figure);
    await expect(figure.getByTestId('share-link')).toHaveValue(
      /\/programme\/indicator\/theft#comparator-theft$/
    );
    await expect(figure.getByTestId('share-embed')).toHaveValue(
      /src="[^"]*\/embed\?programme=comparator&amp;id=theft"/
    );
    const file = await downloadText(page, figure, 'download-csv');
    expect(file.name).toMatch(/^crim_off_cat_ICCS0502_P_HTHAB_RO-comparator_median_2012-2022/);
    const { header, records, after } = readCsv(file.text);
    expect(header).toEqual(chartCsvHeader('iccs', 'unit', 'geo'));
    const own = records.filter((r) => r.geo_code === 'RO');
    expect(own.find((r) => r.time === '2012')?.value).toBe('100');
    // Romania's index is its own published series divided by its 2012 value.
    expect(Number(own.find((r) => r.time === '2022')?.value)).toBeCloseTo(
      (theft('2022') / theft('2012')) * 100,
      9
    );
    const comparator = records.find((r) => r.geo_code === 'comparator_median' && r.time === '2022');
    expect(comparator?.geo_label).toBe(`Median of ${count} EU27 countries with data`);
    expect(Number(comparator?.value).toFixed(1)).toBe(median);
    expect(records.every((r) => r.unit === 'index points')).toBe(true);
    expect(after).toContainEqual(expect.stringMatching(`^Comparator countries \\(${count}\\): `));
  });

  test('shows alone in /embed, titled after its chart', async ({ page }) => {
    test.slow();
    await page.goto('/embed?programme=comparator&id=theft');
    await expect(page.getByTestId('comparator-chart').getByTestId('line-chart')).toBeVisible({
      timeout: 90_000
    });
    await expect(page).toHaveTitle(/index, 2012 = 100/);
    await expect(page.getByTestId('embed-full-view')).toHaveAttribute(
      'href',
      '/programme/indicator/theft#comparator-theft'
    );
    await expect(page.getByTestId('share-toggle')).toHaveCount(0);
  });
});

test('an edited programme chart embeds with its new title', async ({ page }) => {
  await page.goto('/programme');
  const figure = budgetFigure(page);
  await figure.getByText('Edit chart text').click();
  await figure.getByTestId('edit-title').fill('Where the RO21 money went');
  await openMenu(page, figure);
  const snippet = await figure.getByTestId('share-embed').inputValue();
  expect(snippet).toContain('title="Where the RO21 money went"');
  const src = /src="([^"]+)"/.exec(snippet)?.[1].replaceAll('&amp;', '&') as string;
  expect(new URL(src).searchParams.get('title')).toBe('Where the RO21 money went');
  await page.goto(src);
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('Where the RO21 money went');
  await expect(page).toHaveTitle('Where the RO21 money went');
  await expect(page.locator('g.row')).toHaveCount(FRAMEWORK.projects.length + 1);

  // A title longer than a link carries is cut with a note, and wraps inside the frame.
  await page.goto(`/embed?programme=timeline&title=${'T'.repeat(300)}`);
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('T'.repeat(200));
  await expect(page.getByText('was cut: “title”')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(
    true
  );
});
