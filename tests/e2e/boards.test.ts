import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { rawTsvCell } from '../support/raw';
import { encodeBoard, type Board } from '../../src/lib/state/board-link';
import { downloadText } from './support/downloads';
import {
  expectFrameFits,
  lastPostedHeight,
  openPartnerPage,
  startPartnerSite
} from './support/partner-page';

const FILE = 'eurostat/estat_crim_off_cat.tsv';
const HOMICIDE = 'ds=crim_off_cat&iccs=ICCS0101&unit=P_HTHAB&geo=RO,NO&time=2010..2020';

const SQL_HOMICIDE = new URLSearchParams({
  q: "SELECT geo, time, value, flag FROM crim_off_cat WHERE iccs = 'ICCS0101' AND unit = 'P_HTHAB' AND geo IN ('RO', 'NO') ORDER BY geo, time",
  chart: 'time,value,geo'
}).toString();

const chartItem = (link: string, optOut = false) =>
  ({ kind: 'chart', link, span: 1, optOut }) as const;
const board = (items: Board['items'], title = 'Test board'): Board => ({
  title,
  filters: { geo: [], time: null },
  items
});

/** The board's items, in order: their kind and heading. */
async function itemOrder(page: Page): Promise<string[]> {
  return page
    .getByTestId('board-item')
    .evaluateAll((items) =>
      items.map(
        (item) =>
          `${item.getAttribute('data-kind')}: ${item.querySelector('h1, h2')?.textContent?.trim()}`
      )
    );
}

/** The value a chart draws for one country and period. */
const point = (chart: Locator, geo: string, period: string) =>
  chart.locator(`g.series[data-series="${geo}"] circle[data-period="${period}"]`);

test('a presenter composes a board: an explorer chart from its share menu, a text block, a keyboard move and a wider chart', async ({
  page
}) => {
  await page.goto(`/explore?${HOMICIDE}`);
  const explorer = page.getByTestId('explore-view');
  await expect(explorer).toHaveAttribute('data-source', 'live');
  await explorer.getByTestId('share-toggle').click();
  await explorer.getByTestId('add-to-board').click();

  await expect(page).toHaveURL(/\/boards$/);
  await expect(page.getByTestId('board-item')).toHaveCount(1);
  const chart = page.getByTestId('board-item').first();
  await expect(chart.getByRole('heading', { level: 2 })).toContainText('Intentional homicide');
  // Its share and download menu, text summary and data table come with it.
  await expect(chart.getByTestId('share-toggle')).toBeVisible();
  await expect(chart.getByTestId('chart-summary')).toContainText('Romania');
  await expect(chart.getByText('Data table')).toBeVisible();

  await page.getByTestId('board-add-text').click();
  const text = page.locator('[data-testid="board-item"][data-kind="text"]');
  await text.getByTestId('board-text-input').fill('# Meeting notes\n\nRomania **fell**.');
  await expect(text.getByRole('heading', { level: 1 })).toHaveText('Meeting notes');
  await expect(text.locator('strong')).toHaveText('fell');

  // Moved up by keyboard: the move is read out, and focus stays on the moved item.
  await text.getByTestId('board-move-up').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('board-announcement')).toHaveText(
    'Moved text “Meeting notes” to position 1 of 2.'
  );
  expect((await itemOrder(page))[0]).toBe('text: Meeting notes');
  await expect(page.locator('[data-testid="board-item"][data-kind="text"]')).toHaveCount(1);
  await expect(
    page.locator('[data-testid="board-item"][data-kind="text"] [data-testid="board-move-down"]')
  ).toBeFocused();

  // Three columns wide: the chart takes the board's whole width.
  const before = (await chart.boundingBox())?.width ?? 0;
  await chart.getByTestId('board-span').selectOption('3');
  await expect
    .poll(async () => (await chart.boundingBox())?.width ?? 0)
    .toBeGreaterThan(before * 2);

  // Kept in this browser: a reload shows the same board.
  await page.reload();
  await expect
    .poll(() => itemOrder(page))
    .toEqual(['text: Meeting notes', expect.stringMatching(/^chart: .*Intentional homicide/)]);
});

test('a presenter reorders a board by dragging an item’s handle onto another item', async ({
  page
}) => {
  const shared = board([
    { kind: 'text', markdown: '## First', span: 1 },
    { kind: 'text', markdown: '## Second', span: 1 },
    { kind: 'text', markdown: '## Third', span: 1 }
  ]);
  // Tall enough that the drop lands on the item itself, not on the fold below it.
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto(`/boards?b=${encodeBoard(shared)}`);
  const items = page.getByTestId('board-item');
  await items.nth(2).locator('.handle').dragTo(items.nth(0));
  await expect.poll(() => itemOrder(page)).toEqual(['text: Third', 'text: First', 'text: Second']);
  await expect(page.getByTestId('board-announcement')).toHaveText(
    'Moved text “Third” to position 1 of 3.'
  );
});

test('the board’s countries reach every explorer chart but the one that opted out', async ({
  page
}) => {
  const shared = board([chartItem(HOMICIDE), chartItem(HOMICIDE, true)]);
  await page.goto(`/boards?b=${encodeBoard(shared)}`);
  const [filtered, own] = [0, 1].map((i) =>
    page.getByTestId('board-item').nth(i).getByTestId('explore-view')
  );
  await expect(point(filtered, 'RO', '2015')).toHaveCount(1);
  await page.getByTestId('board-filter-geo').fill('Hungary, BG');
  await page.getByTestId('board-filter-apply').click();

  await expect(point(filtered, 'HU', '2015')).toHaveCount(1);
  await expect(point(filtered, 'BG', '2015')).toHaveCount(1);
  await expect(point(filtered, 'RO', '2015')).toHaveCount(0);
  // The opted-out chart keeps its link's countries.
  await expect(point(own, 'RO', '2015')).toHaveCount(1);
  await expect(point(own, 'HU', '2015')).toHaveCount(0);

  // A period the board cannot read is said, and the filters stay as they were.
  await page.getByTestId('board-filter-from').fill('twenty');
  await page.getByTestId('board-filter-to').fill('2020');
  await page.getByTestId('board-filter-apply').click();
  await expect(page.getByRole('alert')).toContainText('is not a period window');
  await expect(point(filtered, 'HU', '2015')).toHaveCount(1);
});

test('a value on a board is the value of the same view in the explorer, as Eurostat publishes it', async ({
  page
}) => {
  const published = rawTsvCell(FILE, 'A,ICCS0101,P_HTHAB,NO', '2016');
  expect(published).toBe('0.52');
  await page.goto(`/explore?${HOMICIDE}`);
  const explorer = page.getByTestId('explore-view');
  await expect(explorer).toHaveAttribute('data-source', 'live');
  const inExplorer = await point(explorer, 'NO', '2016').getAttribute('data-value');

  await page.goto(`/boards?b=${encodeBoard(board([chartItem(HOMICIDE)]))}`);
  const onBoard = page.getByTestId('board-item').getByTestId('explore-view');
  await expect(onBoard).toHaveAttribute('data-source', 'live');
  await expect(point(onBoard, 'NO', '2016')).toHaveAttribute('data-value', inExplorer as string);
  expect(inExplorer).toBe(published);
  await expect(
    onBoard.locator('tr[data-series="NO"][data-period="2016"] td[data-value]')
  ).toHaveAttribute('data-value', published as string);
});

test('a programme chart and a SQL console chart on a board each have their share menu, text summary and data table', async ({
  page
}) => {
  test.slow();
  const published = rawTsvCell(FILE, 'A,ICCS0101,P_HTHAB,NO', '2016');
  await page.goto(
    `/boards?b=${encodeBoard(
      board([chartItem('programme=budget'), chartItem(SQL_HOMICIDE), chartItem(SQL_HOMICIDE)])
    )}`
  );
  const [budget, sql] = [0, 1].map((i) => page.getByTestId('board-item').nth(i));
  await expect(budget.getByRole('heading', { level: 2 })).toHaveText('Budget by project');
  await expect(sql.getByRole('heading', { level: 2 })).toHaveText('value by time', {
    timeout: 90_000
  });

  for (const [item, title] of [
    [budget, 'Budget by project'],
    [sql, 'value by time']
  ] as const) {
    await item.getByTestId('share-toggle').click();
    const csv = await downloadText(page, item, 'download-csv');
    expect(csv.text, title).toContain(title);
    await expect(item.getByTestId('chart-summary'), title).toBeVisible();
    await item.getByText('Data table').click();
    await expect(item.getByTestId('observation-table'), title).toBeVisible();
  }
  // The SQL chart's summary and table say what the query read, as Eurostat publishes it.
  await expect(sql.getByTestId('chart-summary')).toContainText('Norway:');
  await expect(
    sql.locator('tr[data-series="NO"][data-period="2016"] td[data-value]')
  ).toHaveAttribute('data-value', published as string);
  // The budget's table adds up to the programme's bars, one row a bar.
  const bars = await budget.locator('[data-testid="budget-bars"] g.row').count();
  await expect(budget.locator('[data-testid="observation-table"] tbody tr')).toHaveCount(bars);
  // Two SQL charts' headings and lines never share an id.
  await expect(page.getByTestId('board-item').nth(2).getByTestId('line-chart')).toBeVisible();
  const ids = await page
    .locator('[data-testid="board"] [id]')
    .evaluateAll((elements) => elements.map((e) => e.id));
  expect(ids.length).toBeGreaterThan(0);
  expect(new Set(ids).size).toBe(ids.length);
});

test('a chart the board’s filters do not reach says so, and the period reaches every explorer chart', async ({
  page
}) => {
  const shared = board([
    chartItem(HOMICIDE),
    chartItem(HOMICIDE, true),
    chartItem('programme=budget'),
    chartItem(SQL_HOMICIDE)
  ]);
  await page.goto(`/boards?b=${encodeBoard(shared)}`);
  const items = page.getByTestId('board-item');
  const explorer = items.nth(0).getByTestId('explore-view');
  await expect(point(explorer, 'RO', '2011')).toHaveCount(1);
  // Without filters set, no chart has anything to say about them.
  await expect(page.getByTestId('board-filters-missed')).toHaveCount(0);

  await page.getByTestId('board-filter-from').fill('2014');
  await page.getByTestId('board-filter-to').fill('2018');
  await page.getByTestId('board-filter-apply').click();
  await expect(point(explorer, 'RO', '2011')).toHaveCount(0);
  await expect(point(explorer, 'RO', '2015')).toHaveCount(1);
  await expect(items.nth(0).getByTestId('board-filters-missed')).toHaveCount(0);
  await expect(items.nth(1).getByTestId('board-filters-missed')).toHaveText(
    'The board’s filters do not apply to this chart: it ignores them.'
  );
  await expect(items.nth(2).getByTestId('board-filters-missed')).toContainText(
    'it has neither countries nor the years of a statistic'
  );
  // The SQL chart's result has a time column: the period reaches it, and it says nothing.
  await expect(point(items.nth(3).getByTestId('line-chart'), 'RO', '2011')).toHaveCount(0);
  await expect(point(items.nth(3).getByTestId('line-chart'), 'RO', '2015')).toHaveCount(1);
  await expect(items.nth(3).getByTestId('board-filters-missed')).toHaveCount(0);
  await expect(point(items.nth(1).getByTestId('explore-view'), 'RO', '2011')).toHaveCount(1);
});

test('a board’s link opens the same board, and a damaged link says so and keeps the board kept here', async ({
  page,
  context
}) => {
  await page.goto('/boards');
  await page.getByTestId('board-title-input').fill('Kept board');
  await page.getByTestId('board-add-text').click();
  await page.getByTestId('board-text-input').fill('Kept here');
  await page.getByText('Share or embed this board').click();
  const link = await page.getByTestId('board-link').inputValue();
  expect(link).toMatch(/\/boards\?b=2\.[A-Za-z0-9_-]+$/);

  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByRole('heading', { name: 'Kept board' })).toBeVisible();
  await expect(other.getByTestId('board-text')).toContainText('Kept here');
  await expect(other.getByTestId('board-not-kept')).toBeVisible();

  await other.goto('/boards?b=1.garbage');
  await expect(other.getByTestId('board-link-problem')).toHaveText(
    'The board’s link or file is damaged or not a board.'
  );
  // The board kept in this browser is shown instead, untouched.
  await expect(other.getByTestId('board-text')).toContainText('Kept here');
  await other.close();
});

test('a board downloads as a file and opens again from it; a file that is not a board is refused with a message', async ({
  page
}) => {
  const shared = board([
    { kind: 'text', markdown: '## From a file', span: 2 },
    chartItem(HOMICIDE)
  ]);
  await page.goto(`/boards?b=${encodeBoard(shared)}`);
  await expect(page.getByTestId('board-item')).toHaveCount(2);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('board-download').click()
  ]);
  expect(download.suggestedFilename()).toBe('Test-board.cooperare-board.json');
  const content = readFileSync(await download.path(), 'utf8');
  expect(JSON.parse(content)).toMatchObject({ format: 'cooperare-board', version: 2 });

  await page.goto('/boards');
  await expect(page.getByTestId('board-empty')).toBeVisible();
  const input = page.getByTestId('board-import');
  await input.setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"title": "not a board"}')
  });
  await expect(page.getByTestId('board-tools-problem')).toHaveText(
    'Could not open notes.json: The board’s link or file is damaged or not a board. The board on screen is unchanged.'
  );
  await expect(page.getByTestId('board-empty')).toBeVisible();

  await input.setInputFiles({
    name: 'board.json',
    mimeType: 'application/json',
    buffer: Buffer.from(content)
  });
  await expect(page.getByRole('heading', { name: 'From a file' })).toBeVisible();
  await expect
    .poll(() => itemOrder(page))
    .toEqual(['text: From a file', expect.stringMatching(/^chart: .*Intentional homicide/)]);
});

test('a board prints without its controls, with its charts as vector graphics', async ({
  page
}) => {
  const shared = board([{ kind: 'text', markdown: 'Printed note', span: 1 }, chartItem(HOMICIDE)]);
  await page.goto(`/boards?b=${encodeBoard(shared)}`);
  const chart = page.getByTestId('board-item').nth(1).getByTestId('explore-view');
  await expect(chart).toHaveAttribute('data-source', 'live');
  await page.emulateMedia({ media: 'print' });
  for (const control of [
    'board-item-controls',
    'board-tools',
    'board-filters',
    'share-toggle',
    'board-title-input'
  ])
    for (const element of await page.getByTestId(control).all())
      await expect(element, control).toBeHidden();
  await expect(page.getByTestId('board-text')).toContainText('Printed note');
  await expect(chart.locator('svg[role="img"]')).toBeVisible();
  await expect(page.locator('[data-testid="board"] canvas')).toHaveCount(0);
  // On a page as wide as a landscape sheet the grid keeps its rows: the two side by side.
  await page.setViewportSize({ width: 1100, height: 800 });
  const tops = await page
    .getByTestId('board-item')
    .evaluateAll((items) => items.map((item) => Math.round(item.getBoundingClientRect().top)));
  expect(tops[0]).toBe(tops[1]);
});

test.describe('a board embedded on another site', () => {
  let partner: Awaited<ReturnType<typeof startPartnerSite>>;
  test.beforeAll(async () => (partner = await startPartnerSite()));
  test.afterAll(() => partner.close());

  test('shows the whole board and fits its frame by the height message', async ({
    page,
    context,
    baseURL
  }) => {
    const shared = {
      ...board([
        { kind: 'text', markdown: '**Embedded** board', span: 3 },
        chartItem(HOMICIDE),
        chartItem('programme=budget')
      ]),
      filters: { geo: [], time: { from: '2014', to: '2018' } }
    };
    await page.goto(`/boards?b=${encodeBoard(shared)}`);
    await page.getByText('Share or embed this board').click();
    const snippet = await page.getByTestId('board-embed').inputValue();
    expect(snippet).toContain(`src="${baseURL}/embed?board=2.`);
    const measuredWidth = await page.getByTestId('board-tools').evaluate((el) => el.clientWidth);
    const snippetHeight = async () =>
      Number(/height:(\d+)px/.exec(await page.getByTestId('board-embed').inputValue())?.[1]);
    partner.paste(snippet);
    const appOrigin = new URL(baseURL as string).origin;
    const { page: hostPage, problems } = await openPartnerPage(context, partner.origin, appOrigin);
    const frame = hostPage.frameLocator('iframe');
    // The snippet starts at the height the board's embed page measured at the board's width.
    await hostPage.setViewportSize({ width: measuredWidth + 16, height: 1400 });
    await expect(frame.getByRole('img', { name: /Intentional homicide/ })).toBeVisible();
    await expect.poll(async () => (await lastPostedHeight(hostPage))?.height).toBeGreaterThan(300);
    await expect
      .poll(async () => (await snippetHeight()) - ((await lastPostedHeight(hostPage))?.height ?? 0))
      .toBe(0);
    await expect(frame.getByTestId('board-item')).toHaveCount(3);
    await expect(frame.getByText('Embedded')).toBeVisible();
    await expect(frame.getByRole('img', { name: /Intentional homicide/ })).toBeVisible();
    await expect(frame.getByRole('img', { name: /Budget by project/ })).toBeVisible();
    // Drawn with the board's period, as on /boards.
    const embeddedChart = frame.getByTestId('explore-view');
    await expect(point(embeddedChart, 'RO', '2015')).toHaveCount(1);
    await expect(point(embeddedChart, 'RO', '2011')).toHaveCount(0);
    await expect(frame.getByTestId('board-item-controls')).toHaveCount(0);
    await expect(frame.getByTestId('share-toggle')).toHaveCount(0);
    await expectFrameFits(hostPage, appOrigin);
    expect(problems).toEqual([]);
  });
});
