import { test, expect } from './fixtures';
import { rawTsvCell } from '../support/raw';
import { downloadText, readCsv } from './support/downloads';
import { openInRomanian, switchToEnglish } from './support/locale';

const CRIME = 'eurostat/estat_crim_off_cat.tsv';
const THEFT =
  '/explore?ds=crim_off_cat&iccs=ICCS0502&unit=P_HTHAB&geo=RO,NO&time=2008..2022&view=line';

const TITLE_RO = 'Infracțiuni înregistrate, pe categorii de infracțiuni – date ale poliției';
const TITLE_EN = 'Recorded offences by offence category – police data';
const CAVEAT_RO = 'Criminalitate înregistrată de poliție';
const CAVEAT_EN = 'Police-recorded crime';

test.describe.configure({ timeout: 150_000 });

test('the explorer names the dataset, its dimensions and units in Romanian, and in English after a switch', async ({
  page
}) => {
  await openInRomanian(page, THEFT);
  const view = page.getByTestId('explore-view');
  await expect(view).toHaveAttribute('data-source', 'live', { timeout: 120_000 });
  const heading = view.getByRole('heading', { level: 2 });
  await expect(heading).toHaveText(`${TITLE_RO} — Furt, la sută de mii de locuitori — 2008–2022`);
  await expect(view.locator('figcaption')).toContainText(CAVEAT_RO);

  const picker = (dimension: string) =>
    page.locator(`fieldset.code-picker[data-dimension=${dimension}]`);
  const choice = (dimension: string, code: string) =>
    picker(dimension)
      .locator('label')
      .filter({ has: page.locator(`input[data-code="${code}"]`) });
  await expect(picker('unit').locator('legend')).toHaveText('Unitate de măsură');
  await expect(choice('unit', 'P_HTHAB')).toContainText('La sută de mii de locuitori');
  await expect(choice('unit', 'NR')).toContainText('Număr');
  await expect(picker('iccs').locator('legend')).toHaveText(/^Infracțiune \(Clasificarea/);
  await expect(choice('iccs', 'ICCS0401')).toContainText('Tâlhărie');
  await expect(page.getByTestId('dataset-select').locator('option:checked')).toHaveText(
    `${TITLE_RO} (crim_off_cat)`
  );

  // The downloads say what the screen says: a Romanian title in the picture, Romanian labels
  // under English column names in the table, the published value unchanged.
  await view.getByTestId('share-toggle').click();
  const svg = (await downloadText(page, view, 'download-svg')).text;
  expect(svg).toMatch(new RegExp(`<title id="export-title">${TITLE_RO} — Furt`));
  expect(svg).toContain(CAVEAT_RO);
  expect(svg).not.toContain(TITLE_EN);
  const { header, records } = readCsv((await downloadText(page, view, 'download-csv')).text);
  expect(header).toContain('unit_label');
  expect(rawTsvCell(CRIME, 'A,ICCS0502,P_HTHAB,RO', '2010')).toBe('227.51');
  expect(records.find((r) => r.geo_code === 'RO' && r.time === '2010')).toMatchObject({
    iccs_label: 'Furt',
    unit_label: 'La sută de mii de locuitori',
    value: '227.51'
  });

  const notReloaded = await switchToEnglish(page);
  await expect(heading).toHaveText(
    `${TITLE_EN} — Theft, per hundred thousand inhabitants — 2008–2022`
  );
  await expect(picker('unit').locator('legend')).toHaveText('Unit of measure');
  await expect(choice('unit', 'P_HTHAB')).toContainText('Per hundred thousand inhabitants');
  await expect(choice('iccs', 'ICCS0401')).toContainText('Robbery');
  await expect(view.locator('figcaption')).toContainText(CAVEAT_EN);
  await notReloaded();
});

test('the data page lists the shipped datasets and their dimensions in Romanian', async ({
  page
}) => {
  await openInRomanian(page, '/data');
  const entry = page.locator('article[data-dataset=crim_off_cat]');
  await expect(entry.getByRole('heading', { level: 3 })).toHaveText(TITLE_RO);
  await expect(entry).toContainText(CAVEAT_RO);
  const unit = entry.locator('details').filter({ hasText: '(unit)' });
  await expect(unit.locator('summary')).toContainText('Unitate de măsură');
  await unit.locator('summary').click();
  await expect(unit.locator('tr').filter({ hasText: 'P_HTHAB' })).toContainText(
    'La sută de mii de locuitori'
  );

  const notReloaded = await switchToEnglish(page);
  await expect(entry.getByRole('heading', { level: 3 })).toHaveText(TITLE_EN);
  await expect(unit.locator('tr').filter({ hasText: 'P_HTHAB' })).toContainText(
    'Per hundred thousand inhabitants'
  );
  await notReloaded();
});
