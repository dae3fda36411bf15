import { test, expect } from './fixtures';
import { rawTsvCell } from '../support/raw';

const REGIONAL = 'eurostat/estat_crim_gen_reg.tsv';
// crim_gen_reg is the largest shipped table: loading it into DuckDB can take a while on a
// busy machine, and only then is the map drawn.
const FIRST_DRAW = { timeout: 60_000 };

test.describe.configure({ timeout: 120_000 });
const COUNTRIES = 'eurostat/estat_crim_off_cat.tsv';

// Romania's 42 NUTS 3 regions (41 counties and Bucharest), as GISCO's NUTS 2021 file has them.
const RO_COUNTIES = [
  ...['RO111', 'RO112', 'RO113', 'RO114', 'RO115', 'RO116', 'RO121', 'RO122', 'RO123'],
  ...['RO124', 'RO125', 'RO126', 'RO211', 'RO212', 'RO213', 'RO214', 'RO215', 'RO216'],
  ...['RO221', 'RO222', 'RO223', 'RO224', 'RO225', 'RO226', 'RO311', 'RO312', 'RO313'],
  ...['RO314', 'RO315', 'RO316', 'RO317', 'RO321', 'RO322', 'RO411', 'RO412', 'RO413'],
  ...['RO414', 'RO415', 'RO421', 'RO422', 'RO423', 'RO424']
];

test('robbery by Romanian county in 2021: every county coloured with the published count', async ({
  page
}) => {
  await page.goto(
    `/explore?ds=crim_gen_reg&iccs=ICCS0401&unit=NR&geo=${RO_COUNTIES.join(',')}&time=2021&view=map`
  );
  const map = page.getByTestId('choropleth-map');
  await expect(map).toBeVisible(FIRST_DRAW);
  await expect(map.locator('path.region')).toHaveCount(42);

  const published = new Map(
    RO_COUNTIES.map((geo) => [geo, rawTsvCell(REGIONAL, `A,NR,ICCS0401,${geo}`, '2021')])
  );
  for (const geo of ['RO321', 'RO111', 'RO424']) {
    const value = published.get(geo);
    expect(value, `${geo} in the raw file`).toMatch(/^\d+$/);
    const region = map.locator(`path.region[data-geo="${geo}"]`);
    await expect(region).toHaveAttribute('data-value', value as string);
    // The name and the number travel with the shape, not in its colour alone.
    await expect(region.locator('title')).toContainText(
      `(${geo}), 2021: ${Number(value).toLocaleString('en-GB')}`
    );
  }

  // The text summary names the highest county with its published value.
  const [highest, top] = [...published].sort((a, b) => Number(b[1]) - Number(a[1]))[0];
  const figure = page.locator('.choropleth');
  await expect(figure.locator('.summary')).toContainText(
    `the highest value is in ${await figure.locator(`tbody tr[data-geo="${highest}"] th`).textContent()}: ${Number(top).toLocaleString('en-GB')}`
  );

  // A legend of value classes with numbers, and the table holding every county.
  expect(await figure.locator('.legend li').count()).toBeGreaterThanOrEqual(3);
  await figure.getByText('Data table').click();
  await expect(figure.locator('tbody tr')).toHaveCount(42);
  await expect(figure.locator('tbody tr[data-geo="RO321"] td[data-value]')).toHaveAttribute(
    'data-value',
    published.get('RO321') as string
  );
  await expect(figure).toContainText('© EuroGeographics');
});

test('homicide rate by country in 2022: every country with a value coloured, the four chosen outlined', async ({
  page
}) => {
  await page.goto(
    '/explore?ds=crim_off_cat&iccs=ICCS0101&unit=P_HTHAB&geo=RO,NO,BG,HU&time=2022&view=map'
  );
  const map = page.getByTestId('choropleth-map');
  await expect(map.locator('path.region')).toHaveCount(37, FIRST_DRAW);
  // France is not selected, yet coloured with its published value; only the four are outlined.
  for (const geo of ['RO', 'NO', 'BG', 'HU', 'FR']) {
    const value = rawTsvCell(COUNTRIES, `A,ICCS0101,P_HTHAB,${geo}`, '2022') as string;
    expect(value).toMatch(/^\d+\.\d+$/);
    await expect(map.locator(`path.region[data-geo="${geo}"]`)).toHaveAttribute(
      'data-value',
      value
    );
  }
  await expect(map.locator('path.outline')).toHaveCount(4);
  await expect(map.locator('path.region[data-geo="FR"]')).not.toHaveAttribute('fill', /^url\(#/);
  await expect(page.locator('.choropleth .legend')).toContainText('selected');
  const ro = rawTsvCell(COUNTRIES, 'A,ICCS0101,P_HTHAB,RO', '2022');
  expect(ro).toBe('0.91');
  await expect(page.locator('.choropleth .summary')).toContainText(`Romania: ${ro}`);
  // The file has the United Kingdom's parts only, not the whole (UK): hatched, said in its
  // title and in the legend.
  expect(rawTsvCell(COUNTRIES, 'A,ICCS0101,P_HTHAB,UK', '2022')).toBeNull();
  const uk = map.locator('path.region[data-geo="UK"]');
  await expect(uk).toHaveAttribute('fill', /^url\(#/);
  await expect(uk.locator('title')).toContainText('no data');
  await expect(page.locator('.choropleth .legend')).toContainText('no data');
});
