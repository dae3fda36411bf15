import { test, expect } from './fixtures';
import { rawTsvCell } from '../support/raw';

// Issue 16, item 0: Romania's 42 counties without ticking 42 boxes, a search that knows codes,
// and a regional map that colours every region with data.
const REGIONAL = 'eurostat/estat_crim_gen_reg.tsv';
// crim_gen_reg is the largest shipped table: loading it into DuckDB takes a while.
const FIRST_DRAW = { timeout: 60_000 };
test.describe.configure({ timeout: 120_000 });

const BASE = '/explore?ds=crim_gen_reg&iccs=ICCS0401&unit=NR&time=2021';

test('"all regions of Romania at NUTS level 3" ticks the 42 counties at once', async ({ page }) => {
  await page.goto(`${BASE}&geo=RO`);
  const picker = page.locator('fieldset.code-picker[data-dimension="geo"]');
  await expect(picker.locator('input:checked')).toHaveCount(1);
  await page.getByTestId('region-country').selectOption('RO');
  await page.getByTestId('region-level').selectOption('3');
  await expect(page.getByTestId('region-level')).toContainText('NUTS 3 (42 regions)');
  await page.getByRole('button', { name: 'Select these regions' }).click();
  await expect(picker.locator('input:checked')).toHaveCount(42);
  await expect(page).toHaveURL(/geo=RO111,RO112/);
  const geo = new URL(page.url()).searchParams.get('geo')!.split(',');
  expect(geo).toHaveLength(42);
  expect(geo.every((code) => /^RO\d{3}$/.test(code))).toBe(true);
});

test('typing RO lists Romania and its regions first', async ({ page }) => {
  await page.goto(`${BASE}&geo=RO`);
  const picker = page.locator('fieldset.code-picker[data-dimension="geo"]');
  await picker.getByRole('searchbox').fill('RO');
  const boxes = picker.locator('input[type="checkbox"]');
  await expect(boxes.first()).toHaveAttribute('data-code', 'RO');
  const codes = await boxes.evaluateAll((inputs) =>
    inputs.slice(0, 20).map((input) => input.getAttribute('data-code'))
  );
  expect(codes.every((code) => code?.startsWith('RO'))).toBe(true);
});

test('the regional map colours every county with data and outlines the four chosen', async ({
  page
}) => {
  const chosen = ['RO321', 'RO111', 'RO424', 'RO113'];
  await page.goto(`${BASE}&geo=${chosen.join(',')}&view=map`);
  const map = page.getByTestId('choropleth-map');
  await expect(map.locator('path.region')).toHaveCount(42, FIRST_DRAW);
  await expect(map.locator('path.region[data-value=""]')).toHaveCount(0);
  await expect(map.locator('path.outline')).toHaveCount(4);
  // Counties nobody ticked carry their published values.
  for (const geo of ['RO122', 'RO316', 'RO421']) {
    const value = rawTsvCell(REGIONAL, `A,NR,ICCS0401,${geo}`, '2021');
    expect(value).toMatch(/^\d+$/);
    await expect(map.locator(`path.region[data-geo="${geo}"]`)).toHaveAttribute(
      'data-value',
      value as string
    );
  }
  await expect(page.locator('.choropleth .summary')).toContainText(
    'Regions drawn with a value: 42 of 42.'
  );
});
