import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { rawTsvCell } from '../support/raw';

// Issue 16, item 0: a column of NUTS codes under another name is named as the places, a
// column labels another, and two value columns import as one dataset with an indicator.
const REGIONAL = 'eurostat/estat_crim_gen_reg.tsv';
const ENGINE = { timeout: 90_000 };
test.describe.configure({ timeout: 180_000 });

const COUNTIES: [string, string][] = [
  ['RO321', 'București'],
  ['RO111', 'Bihor'],
  ['RO424', 'Timiș']
];
const published = (iccs: string, geo: string) => {
  const cell = rawTsvCell(REGIONAL, `A,NR,${iccs},${geo}`, '2021');
  expect(cell, `${iccs} ${geo} 2021 in the published file`).toMatch(/^\d+$/);
  return cell as string;
};

test('cod_nuts named as the places, judet as its labels, two value columns as indicators', async ({
  page
}) => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'data-e2e-')), 'judete.csv');
  writeFileSync(
    file,
    [
      'cod_nuts,judet,an,talharii,furturi',
      ...COUNTIES.map(
        ([code, name]) =>
          `${code},${name},2021,${published('ICCS0401', code)},${published('ICCS0502', code)}`
      ),
      ''
    ].join('\n')
  );
  await page.goto('/data');
  await page.getByLabel(/Import a file/).setInputFiles(file);
  await expect(
    page.getByRole('heading', { name: 'Which columns of judete.csv hold what?' })
  ).toBeVisible();
  // cod_nuts is guessed as the places from its name.
  await expect(page.getByTestId('mapping-geo')).toHaveValue('cod_nuts');
  await page.getByLabel('Value column').selectOption('talharii');
  await page
    .getByRole('group', { name: /More value columns/ })
    .getByLabel('furturi')
    .check();
  await page.getByLabel('Labels of cod_nuts').selectOption('judet');
  await page.getByRole('button', { name: 'Import with this mapping' }).click();

  await expect(
    page.getByRole('status').filter({ hasText: 'judete.csv was imported as “judete”' })
  ).toBeVisible(ENGINE);
  const article = page.locator('article[data-dataset="judete"]');
  await expect(article.locator('dd[data-rows]')).toHaveAttribute('data-rows', '6');
  await expect(article).toContainText('3 areas with values');

  // In the explorer: the counties by their labels, the indicator a dimension, and the map.
  await page.goto('/explore?ds=judete&indicator=furturi&view=map');
  const map = page.getByTestId('choropleth-map');
  await expect(map.locator('path.region')).toHaveCount(42, ENGINE);
  for (const [code] of COUNTIES)
    await expect(map.locator(`path.region[data-geo="${code}"]`)).toHaveAttribute(
      'data-value',
      published('ICCS0502', code)
    );
  await expect(map.locator('path.region[data-geo="RO321"] title')).toContainText('București');
  await expect(
    page.locator('fieldset.code-picker[data-dimension="indicator"] input[data-code="talharii"]')
  ).toBeVisible();
});
