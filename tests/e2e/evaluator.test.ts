import { test, expect } from './fixtures';
import { rawTsvCell } from '../support/raw';
import { openInRomanian } from './support/locale';

test('the caveat on police-recorded crime is on crime series only', async ({ page }) => {
  test.slow();
  const comparatorDone = (id: string) =>
    expect(
      page.locator(`article[data-indicator=${id}]`).getByTestId('comparator-result')
    ).toBeVisible({
      timeout: 90_000
    });
  // Eurostat crim_off_cat: police-recorded offences.
  await page.goto('/programme/indicator/theft');
  await comparatorDone('theft');
  await expect(page.getByTestId('caveat-levels')).toHaveText(
    'Levels of police-recorded crime are not comparable between countries (definitions and recording practice differ): only changes are compared.'
  );
  // Eurostat migr_eipre: persons found illegally present, not crime.
  await page.goto('/programme/indicator/illegally-present-romania');
  await comparatorDone('illegally-present-romania');
  await expect(page.getByTestId('caveat-levels')).toHaveCount(0);
  await expect(page.locator('main')).not.toContainText('police-recorded');
  // UNODC GLOTIP: victims detected by any authority, with a caveat of its own on detection.
  await page.goto('/programme/indicator/trafficking-victims-romania');
  await comparatorDone('trafficking-victims-romania');
  await expect(page.getByTestId('caveat-levels')).toHaveCount(0);
  await expect(page.getByTestId('indicator-trend')).toContainText(
    'Detected victims depend on how intensely authorities look for them'
  );
});

test('the comparator names how many countries with data its median is of', async ({ page }) => {
  test.slow();
  // Read from the published file, not from the app: EU27 without Romania, with a value above
  // zero in the baseline year 2012 and a value in 2022, the latest year Romania has one.
  const EU27 = 'AT BE BG CY CZ DE DK EE EL ES FI FR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK';
  const value = (geo: string, year: string) =>
    Number.parseFloat(
      rawTsvCell('eurostat/estat_crim_off_cat.tsv', `A,ICCS0502,P_HTHAB,${geo}`, year) ?? ''
    );
  const withData = EU27.split(' ').filter(
    (geo) => geo !== 'RO' && value(geo, '2012') > 0 && Number.isFinite(value(geo, '2022'))
  );
  expect(withData.length).toBeGreaterThanOrEqual(3);

  await page.goto('/programme/indicator/theft');
  const figure = page.getByTestId('comparator-chart');
  const label = figure.locator('text.end-label').filter({ hasText: 'Median' });
  await expect(label).toHaveText(`Median of ${withData.length} EU27 countries with data`, {
    timeout: 90_000
  });
  await expect(page.getByTestId('comparator-result')).toContainText(
    `the median of ${withData.length} comparator countries`
  );
  const note = (await figure.locator('figcaption').textContent()) ?? '';
  const [, count, names] = /Comparator countries \((\d+)\): ([^.]+)\./.exec(
    note
  ) as RegExpExecArray;
  expect(Number(count)).toBe(withData.length);
  expect(names.split(', ')).toHaveLength(withData.length);
});

test('a count takes the singular or plural its number needs, in English and in Romanian', async ({
  page
}) => {
  await page.goto('/programme/indicator/good-practice-handbook');
  await expect(page.getByTestId('achieved')).toHaveText('1 handbook (2015) · published');
  await page.goto('/programme/indicator/compensation-brochures');
  await expect(page.getByTestId('target')).toHaveText('20,000 copies (2017) · project description');

  await openInRomanian(page, '/programme/indicator/good-practice-handbook');
  await expect(page.getByTestId('achieved')).toHaveText('1 manual (2015) · publicat');
  // Romanian puts "de" between a number from 20 on and its noun.
  await page.goto('/programme/indicator/compensation-brochures');
  await expect(page.getByTestId('target')).toContainText(/^20\.000 de exemplare \(2017\)/);
  await page.goto('/programme/indicator/diip-specialists-trained');
  await expect(page.getByTestId('target')).toContainText(/^110 persoane \(2017\)/);
});

test('the Romanian pages name the programme operator and the donor partner in Romanian', async ({
  page
}) => {
  await openInRomanian(page, '/programme');
  const meta = page.locator('p.meta');
  await expect(meta).toContainText('Operatorul programului: Ministerul Afacerilor Interne (MAI).');
  await expect(meta).toContainText(
    'Partenerul de program din statul donator: Directoratul Poliției Norvegiene (POD).'
  );
  await expect(meta).not.toContainText('Ministry');
  await expect(meta).not.toContainText('National Police Directorate');
});
