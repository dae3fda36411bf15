import { test, expect } from './fixtures';
import { rawTsvCell } from '../support/raw';
import { openLive as open } from './support/explore';

const CRIME = 'eurostat/estat_crim_off_cat.tsv';
// Burglary per 100 000: Norway's series stops in 2014, Romania's and Bulgaria's run to 2022.
const BURGLARY =
  '/explore?ds=crim_off_cat&iccs=ICCS0501&unit=P_HTHAB&geo=RO,NO,BG&time=2008..2022&view=line';

test.describe.configure({ timeout: 180_000 });

const published = (geo: string, year: string) => {
  const cell = rawTsvCell(CRIME, `A,ICCS0101,P_HTHAB,${geo}`, year) ?? ':';
  return Number(cell.split(' ')[0]);
};

test('a year-on-year summary says the change in percentage points, with one minus sign', async ({
  page
}) => {
  const figure = await open(
    page,
    '/explore?ds=crim_off_cat&iccs=ICCS0101&unit=P_HTHAB&geo=RO&time=2009..2022&transform=yoy&view=line'
  );
  // Worked out here from the file: the change on a year before in 2009 and 2022, then the points.
  const first = (published('RO', '2009') / published('RO', '2008') - 1) * 100;
  const last = (published('RO', '2022') / published('RO', '2021') - 1) * 100;
  const signed = (value: number, sign: string) =>
    `${value < 0 ? '\u2212' : sign}${Math.abs(value).toFixed(2)}`;
  const summary = figure.getByTestId('chart-summary').locator('li');
  await expect(summary).toHaveText(
    `Romania: ${signed(first, '')} in 2009, ${signed(last, '')} in 2022, ${signed(last - first, '+')} percentage points`
  );
  const english = (await summary.textContent()) ?? '';
  expect(english).not.toContain('-');
  expect(english).not.toContain('%');

  await page.getByTestId('language-switch').selectOption('ro');
  await expect(summary).toContainText('puncte procentuale');
  await expect(summary).toContainText(`${signed(first, '').replace('.', ',')} în 2009`);
  expect((await summary.textContent()) ?? '').not.toContain('-');
});

test('the tooltip lists every series, “no value” for one that has none, beside the lines', async ({
  page
}) => {
  const figure = await open(page, BURGLARY);
  expect(rawTsvCell(CRIME, 'A,ICCS0501,P_HTHAB,NO', '2020')).toBe(':');
  expect(rawTsvCell(CRIME, 'A,ICCS0501,P_HTHAB,RO', '2020')).toBe('133.17');
  expect(rawTsvCell(CRIME, 'A,ICCS0501,P_HTHAB,BG', '2020')).toBe('76.88');
  await figure.getByRole('slider', { name: 'Read values' }).focus();
  await page.keyboard.press('End');
  for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowLeft');
  const tooltip = figure.getByRole('status').filter({ hasText: 'Source' });
  await expect(tooltip.locator('strong')).toHaveText('2020');
  await expect(tooltip.locator('li')).toHaveText([
    /^\s*Romania: 133\.17\s/,
    /^\s*Norway: no value\s*$/,
    /^\s*Bulgaria: 76\.88\s/
  ]);
  await expect(tooltip.locator('small')).toHaveText('Source: Eurostat (crim_off_cat)');
  await expect(tooltip).not.toContainText('Licence');
  // It stands away from the period read: the cursor line is not under it.
  const cursor = await figure.locator('line.cursor').boundingBox();
  const box = await tooltip.boundingBox();
  expect(cursor && box).toBeTruthy();
  expect(cursor!.x < box!.x || cursor!.x > box!.x + box!.width).toBe(true);
});

test('the end label of a series that stops early stands beside its last point', async ({
  page
}) => {
  const figure = await open(page, BURGLARY);
  expect(rawTsvCell(CRIME, 'A,ICCS0501,P_HTHAB,NO', '2014')).toBe('291.51');
  expect(rawTsvCell(CRIME, 'A,ICCS0501,P_HTHAB,NO', '2015')).toBe(':');
  const chart = figure.getByTestId('line-chart');
  const last = await chart
    .locator('g.series[data-series="NO"] circle[data-period="2014"]')
    .boundingBox();
  const label = await chart.locator('text.end-label[data-series="NO"]').boundingBox();
  const romania = await chart.locator('text.end-label[data-series="RO"]').boundingBox();
  expect(last && label && romania).toBeTruthy();
  // Just right of Norway's 2014 point, level with it; Romania's label stays at the right edge.
  expect(label!.x - (last!.x + last!.width)).toBeGreaterThanOrEqual(0);
  expect(label!.x - (last!.x + last!.width)).toBeLessThan(12);
  expect(Math.abs(label!.y + label!.height / 2 - (last!.y + last!.height / 2))).toBeLessThan(8);
  expect(romania!.x - label!.x).toBeGreaterThan(200);
});
