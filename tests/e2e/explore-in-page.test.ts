import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { rawTsvCell } from '../support/raw';
import { tableValues } from './support/table-values';

const CRIME = 'eurostat/estat_crim_off_cat.tsv';
const HOMICIDE = '/explore?ds=crim_off_cat&iccs=ICCS0101&unit=P_HTHAB';

test.describe.configure({ timeout: 150_000 });

/** A published cell as a number (flag letters dropped), or null for `:`. */
function published(geo: string, year: number): number | null {
  const cell = rawTsvCell(CRIME, `A,ICCS0101,P_HTHAB,${geo}`, String(year));
  if (cell === null) throw new Error(`No cell ${geo} ${year}`);
  const number = cell.split(' ')[0];
  return number === ':' ? null : Number(number);
}

/** The table the source's values give for `geos` over `years`, each worked out by `value`. */
function expectedTable(
  geos: string[],
  years: number[],
  value: (geo: string, year: number) => number | null
): Record<string, string> {
  return Object.fromEntries(
    geos.flatMap((geo) => years.map((year) => [`${geo} ${year}`, String(value(geo, year) ?? '')]))
  );
}

/** The view was answered in the page, and its table holds what `value` gives from the file. */
async function shownFromPage(
  page: Page,
  years: number[],
  value: (geo: string, year: number) => number | null
): Promise<void> {
  await expect.poll(() => tableValues(page)).toEqual(expectedTable(['BG', 'RO'], years, value));
  await expect(page.getByTestId('explore-view')).toHaveAttribute('data-source', 'page');
}

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

test('changes that re-slice the rows held are answered in the page with the source’s values', async ({
  page
}) => {
  await page.goto(`${HOMICIDE}&geo=RO,NO,BG&time=2008..2022&view=table`);
  const view = page.getByTestId('explore-view');
  await expect(view).toHaveAttribute('data-source', 'live', { timeout: 120_000 });
  // The page holds crim_off_cat's rows once the first chart is live and the engine is idle.
  await page.waitForFunction(() => performance.getEntriesByName('cooperare:rows-held').length > 0);

  // Norway unticked: Romania and Bulgaria, as published.
  await page.locator('[data-dimension="geo"] input[data-code="NO"]').uncheck();
  await expect(page).not.toHaveURL(/NO/);
  await shownFromPage(page, range(2008, 2022), published);

  // The window narrowed to 2012–2022 from the keyboard.
  const from = page.getByRole('slider', { name: 'From' });
  await from.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/time=2012\.\.2022/);
  await shownFromPage(page, range(2012, 2022), published);

  // A 3-period average reaches back before the window, to 2010 and 2011.
  await page.getByTestId('transform-select').selectOption('ma3');
  const average = (geo: string, year: number) => {
    const values = [year - 2, year - 1, year].map((y) => published(geo, y));
    return values.every((v) => v !== null)
      ? ((values[0] as number) + (values[1] as number) + (values[2] as number)) / 3
      : null;
  };
  await shownFromPage(page, range(2012, 2022), average);

  // An index on the window's first year, shown with one decimal.
  await page.getByTestId('transform-select').selectOption('index');
  const indexed = (geo: string, year: number) => {
    const [value, base] = [published(geo, year), published(geo, 2012)];
    return value !== null && base !== null && base > 0 ? (value / base) * 100 : null;
  };
  await shownFromPage(page, range(2012, 2022), indexed);
  await expect(
    view.locator('tr[data-series="RO"][data-period="2022"] td[data-value]')
  ).toContainText(
    (((published('RO', 2022) as number) / (published('RO', 2012) as number)) * 100).toFixed(1)
  );

  // Narrowed to 2020–2022, the countries without a value in it are marked, as the file has
  // them (Bosnia and Herzegovina, the United Kingdom's regions).
  await from.focus();
  for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/time=2020\.\.2022/);
  const boxes = page.locator('[data-dimension="geo"] li input[data-code]');
  const listed = await boxes.evaluateAll((nodes) => nodes.map((n) => n.dataset.code!));
  const withoutData = listed.filter((geo) =>
    range(2020, 2022).every((year) => {
      const cell = rawTsvCell(CRIME, `A,ICCS0101,P_HTHAB,${geo}`, String(year));
      return cell === null || cell.startsWith(':');
    })
  );
  expect(withoutData.length).toBeGreaterThan(0);
  await expect
    .poll(() =>
      page
        .locator('[data-dimension="geo"] li.no-data input[data-code]')
        .evaluateAll((nodes) => nodes.map((n) => n.dataset.code!).sort())
    )
    .toEqual(withoutData.sort());
});
