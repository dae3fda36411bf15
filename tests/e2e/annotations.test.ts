import type { Locator } from '@playwright/test';
import { test, expect } from './fixtures';
import { rawTsvCell } from '../support/raw';
import { openLive as open } from './support/explore';
import { downloadText, readCsv } from './support/downloads';

const CRIME = 'eurostat/estat_crim_off_cat.tsv';
const HOMICIDE =
  '/explore?ds=crim_off_cat&iccs=ICCS0101&unit=P_HTHAB&geo=RO,NO&time=2008..2022&view=line';

test.describe.configure({ timeout: 180_000 });

/** The centre of an SVG element on the page. */
async function centre(element: Locator): Promise<{ x: number; y: number }> {
  const box = await element.boundingBox();
  if (!box) throw new Error('not drawn');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

test('the 22 July 2011 attacks are marked on Norway’s 2011 homicide rate, with their source', async ({
  page
}) => {
  const figure = await open(page, HOMICIDE);
  // The peak the event explains is in the file: 2.26 in 2011 against 0.60 and 0.54 around it.
  expect(rawTsvCell(CRIME, 'A,ICCS0101,P_HTHAB,NO', '2011')).toBe('2.26');
  const chart = figure.getByTestId('line-chart');
  const mark = chart.locator('[data-testid="chart-annotation"][data-kind="event"]');
  await expect(mark).toHaveCount(1);
  await expect(mark).toHaveAttribute('data-period', '2011');
  await expect(mark).toHaveAttribute('data-series', 'NO');
  await expect(mark.locator('text')).toContainText('22 July attacks');
  // The ring surrounds Norway's 2011 point.
  const ring = await centre(mark.locator('circle'));
  const point = await centre(
    chart.locator('g.series[data-series="NO"] circle[data-period="2011"]')
  );
  expect(Math.abs(ring.x - point.x)).toBeLessThan(1);
  expect(Math.abs(ring.y - point.y)).toBeLessThan(1);

  const list = figure.getByTestId('annotation-list');
  await expect(list).toContainText('22 July 2011: 22 July attacks in Norway (77 killed)');
  await expect(list.getByRole('link', { name: 'source' }).last()).toHaveAttribute(
    'href',
    'https://www.regjeringen.no/no/dokumenter/nou-2012-14/id697260/'
  );
  // Romania is drawn too, so the RO21 programme period is the shaded band.
  await expect(chart.getByTestId('chart-band')).toContainText('RO21 programme period');
  await expect(list).toContainText('17 June 2013 – 31 December 2017: RO21 programme period');
});

test('a note added with the keyboard travels in the link, the embed and the downloads', async ({
  page
}) => {
  const figure = await open(page, HOMICIDE);
  const reader = figure.getByRole('slider', { name: 'Read values' });
  await reader.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
  await expect(
    figure.getByRole('status').filter({ hasText: 'Source' }).locator('strong')
  ).toHaveText('2014');
  // Enter on the chart's reader opens the form at that period, with the text field focused.
  await page.keyboard.press('Enter');
  const text = figure.getByTestId('annotation-text');
  await expect(text).toBeFocused();
  await expect(figure.getByTestId('annotation-period')).toHaveValue('2014');
  await page.keyboard.type('Burglary law, ~ and #');
  await page.keyboard.press('Enter');
  await expect(figure.getByTestId('annotation-editor')).toContainText(
    'Annotation added: Burglary law, ~ and #'
  );
  const list = figure.getByTestId('annotation-list');
  await expect(list).toContainText('2014: Burglary law, ~ and #');
  const mark = figure.locator('[data-testid="chart-annotation"][data-kind="reader"]');
  await expect(mark).toHaveAttribute('data-period', '2014');

  await figure.getByTestId('share-toggle').click();
  const link = await figure.getByTestId('share-link').inputValue();
  expect(new URL(link).searchParams.getAll('note')).toEqual(['2014~~Burglary law, ~ and #']);

  const csv = readCsv((await downloadText(page, figure, 'download-csv')).text);
  expect(csv.about).toContainEqual({ field: 'annotation', text: '2014: Burglary law, ~ and #' });
  expect(csv.about.some((line) => line.text.includes('nou-2012-14'))).toBe(true);
  const svg = (await downloadText(page, figure, 'download-svg')).text;
  expect(svg).toContain('data-testid="chart-annotation"');
  expect(svg).toContain('Burglary law, ~ and #');
  expect(svg).toContain('22 July attacks');

  // Reopened from the link, the note is there again.
  const again = await open(page, link);
  await expect(again.getByTestId('annotation-list')).toContainText('2014: Burglary law, ~ and #');
  await expect(again.locator('[data-testid="chart-annotation"][data-kind="reader"]')).toHaveCount(
    1
  );

  // And in the embed.
  await page.goto(link.replace('/explore?', '/embed?'));
  const embedded = page.getByTestId('explore-view');
  await expect(embedded).toHaveAttribute('data-source', 'live', { timeout: 150_000 });
  await expect(embedded.getByTestId('annotation-list')).toContainText(
    '2014: Burglary law, ~ and #'
  );
  await expect(
    embedded.locator('[data-testid="chart-annotation"][data-kind="reader"] text')
  ).toHaveText('Burglary law, ~ and #');
});

test('a link note nobody can place is listed, said and kept in the link', async ({ page }) => {
  const figure = await open(page, `${HOMICIDE}&note=Look%20here`);
  await expect(page.getByText('annotation “Look here” names no period')).toBeVisible();
  await expect(figure.getByTestId('annotation-list')).toContainText('(no period): Look here');
  await figure.getByTestId('share-toggle').click();
  const link = await figure.getByTestId('share-link').inputValue();
  expect(new URL(link).searchParams.getAll('note')).toEqual(['~~Look here']);
});
