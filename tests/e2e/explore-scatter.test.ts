import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { openWorkbook } from '../../src/lib/ingest/xlsx';
import { rawTsvCell } from '../support/raw';
import { downloadText, readCsv } from './support/downloads';

const CRIME = 'eurostat/estat_crim_off_cat.tsv';
const manifest = JSON.parse(readFileSync('datasets/manifest.json', 'utf8'));
const datasets: { id: string; geo: string[] }[] = Array.isArray(manifest)
  ? manifest
  : manifest.datasets;
const geoOf = (id: string) => datasets.find((d) => d.id === id)!.geo;

// Each page starts DuckDB and loads two or three tables; on a busy machine that takes a while.
test.describe.configure({ timeout: 150_000 });

/** A published crim_off_cat cell as a number (flag letters dropped); null for `:` or no row. */
function published(key: string, year: string): number | null {
  const cell = rawTsvCell(CRIME, key, year);
  if (cell === null) return null;
  const number = cell.split(' ')[0];
  return number === ':' ? null : Number(number);
}

async function open(page: Page, path: string) {
  await page.goto(path);
  const view = page.getByTestId('explore-view');
  await expect(view.getByTestId('scatter-correlation')).toBeVisible({ timeout: 120_000 });
  await expect(view.locator('.loading')).toHaveCount(0);
  return view;
}

const THEFT_BURGLARY =
  '/explore?ds=crim_off_cat&iccs=ICCS0502&unit=P_HTHAB&view=scatter&time=2020' +
  '&y=crim_off_cat&y.iccs=ICCS0501&y.unit=P_HTHAB';

test('the scatter of theft against burglary draws one point per country with both published', async ({
  page
}) => {
  const view = await open(page, THEFT_BURGLARY);
  const both = geoOf('crim_off_cat').filter(
    (geo) =>
      published(`A,ICCS0502,P_HTHAB,${geo}`, '2020') !== null &&
      published(`A,ICCS0501,P_HTHAB,${geo}`, '2020') !== null
  );
  expect(both.length).toBeGreaterThan(20);
  await expect(view.locator('[data-testid="scatter-chart"] g.point')).toHaveCount(both.length);
  await expect(view.getByTestId('scatter-correlation')).toContainText(`n = ${both.length}`);
  await expect(view.getByTestId('scatter-correlation')).toContainText("Pearson's r =");
  await expect(view.getByTestId('scatter-correlation')).toContainText('not a cause');

  // Romania's point and its row in the table hold the published values.
  const romania = view.locator('[data-testid="scatter-chart"] g.point[data-unit="RO"]');
  await expect(romania).toHaveAttribute(
    'data-x',
    String(published('A,ICCS0502,P_HTHAB,RO', '2020'))
  );
  await expect(romania).toHaveAttribute(
    'data-y',
    String(published('A,ICCS0501,P_HTHAB,RO', '2020'))
  );
  const cells = view.locator('[data-testid="scatter-table"] tr[data-unit="RO"] td[data-value]');
  await expect(cells.nth(0)).toHaveAttribute(
    'data-value',
    String(published('A,ICCS0502,P_HTHAB,RO', '2020'))
  );
  await expect(cells.nth(1)).toHaveAttribute(
    'data-value',
    String(published('A,ICCS0501,P_HTHAB,RO', '2020'))
  );
  // Norway publishes theft but no burglary for 2020: named in the list, not drawn.
  expect(published('A,ICCS0501,P_HTHAB,NO', '2020')).toBeNull();
  await expect(view.getByTestId('scatter-only')).toContainText('Norway');
  await expect(view.locator('g.point[data-unit="NO"]')).toHaveCount(0);
  // Romania is named on the chart and its point is reached by the keyboard with its values.
  await expect(romania.locator('text.name')).toHaveText('Romania');
  await romania.locator('circle').focus();
  await expect(romania.locator('circle')).toHaveAttribute('aria-label', /^Romania, 2020: x /);
});

test('illegally present per 100 000 against thefts per 100 000: correlation, one-measure countries and a CSV with both sources', async ({
  page
}) => {
  const view = await open(
    page,
    '/explore?ds=migr_eipre&transform=rate&view=scatter&time=2021&y=crim_off_cat&y.iccs=ICCS0502&y.unit=P_HTHAB'
  );
  const romania = view.locator('[data-testid="scatter-chart"] g.point[data-unit="RO"]');
  await expect(romania).toHaveAttribute(
    'data-y',
    String(published('A,ICCS0502,P_HTHAB,RO', '2021'))
  );
  await expect(view.getByTestId('scatter-correlation')).toContainText("Spearman's ρ =");
  // Countries that publish thefts but do not report to migr_eipre are listed by name.
  const reporting = new Set(geoOf('migr_eipre'));
  const theftOnly = geoOf('crim_off_cat').filter(
    (geo) => !reporting.has(geo) && published(`A,ICCS0502,P_HTHAB,${geo}`, '2021') !== null
  );
  expect(theftOnly).toEqual(expect.arrayContaining(['AL', 'RS', 'TR']));
  const only = view.getByTestId('scatter-only').locator('li[data-measure="y"]');
  for (const name of ['Albania', 'Serbia']) await expect(only).toContainText(name);

  const title = ((await view.locator('h2').textContent()) ?? '').trim();
  await view.getByTestId('share-toggle').click();
  const csv = readCsv((await downloadText(page, view, 'download-csv')).text);
  expect(csv.about.find((line) => line.field === 'title')?.text).toBe(title);
  const source = csv.about.find((line) => line.field === 'source')?.text ?? '';
  expect(source).toContain('migr_eipre');
  expect(source).toContain('crim_off_cat');
  const theft = csv.records.find(
    (r) => r.dataset === 'crim_off_cat' && r.geo_code === 'RO' && r.time === '2021'
  );
  expect(theft?.value).toBe(String(published('A,ICCS0502,P_HTHAB,RO', '2021')));

  // The XLSX holds the same rows and says the same about them; the SVG is the chart with its text.
  const [xlsxFile] = await Promise.all([
    page.waitForEvent('download'),
    view.getByTestId('download-xlsx').click()
  ]);
  const book = openWorkbook(
    new Uint8Array(readFileSync(await xlsxFile.path())),
    xlsxFile.suggestedFilename()
  );
  expect(book.readSheet('Data').length - 1).toBe(csv.records.length);
  expect(book.readSheet('About').map((r) => ({ field: r.cells[0], text: r.cells[1] }))).toEqual(
    csv.about
  );
  const svg = (await downloadText(page, view, 'download-svg')).text;
  expect(svg).toContain('data-unit="RO"');
  expect(svg).toContain('migr_eipre');
  expect(svg).toContain('crim_off_cat');
});

test('a change of the y measure goes into the link', async ({ page }) => {
  const view = await open(page, THEFT_BURGLARY);
  await page.getByTestId('scatter-y-iccs').selectOption('ICCS0401');
  await expect(page).toHaveURL(/y\.iccs=ICCS0401/);
  await expect(view.getByRole('heading', { level: 2 })).toContainText('robbery');
});
