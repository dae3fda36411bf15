import { test, expect } from './fixtures';
import { rawTsvCell } from '../support/raw';
import { downloadText, readCsv } from './support/downloads';
import { openInRomanian, switchToEnglish } from './support/locale';

const CRIME = 'eurostat/estat_crim_off_cat.tsv';
const HOMICIDE =
  '/explore?ds=crim_off_cat&iccs=ICCS0101&unit=P_HTHAB&geo=RO,NO&time=2008..2022&view=line';

test.describe.configure({ timeout: 150_000 });

test('the explorer names Romania and Norway in Romanian, and in English again after a switch', async ({
  page
}) => {
  await openInRomanian(page, HOMICIDE);
  const view = page.getByTestId('explore-view');
  await expect(view).toHaveAttribute('data-source', 'live', { timeout: 120_000 });

  // The lines' end labels, in the permalink's order.
  const endLabels = view.locator('svg[data-testid="line-chart"] text.end-label');
  await expect(endLabels).toHaveText(['România', 'Norvegia']);
  await expect(view.locator('.chart-subtitle')).toContainText('România, Norvegia');

  expect(rawTsvCell(CRIME, 'A,ICCS0101,P_HTHAB,RO', '2008')).toBe('2.28');
  expect(rawTsvCell(CRIME, 'A,ICCS0101,P_HTHAB,NO', '2022')).toBe('0.55');
  const summary = view.getByTestId('chart-summary');
  await expect(summary).toContainText('România: 2,28 în 2008');
  await expect(summary).toContainText(/Norvegia: .+, 0,55 în 2022/);

  const picker = page.locator('fieldset.code-picker[data-dimension=geo]');
  const choice = (geo: string) =>
    picker.locator('label').filter({ has: page.locator(`input[data-code="${geo}"]`) });
  await expect(choice('RO')).toContainText('România');
  await expect(choice('NO')).toContainText('Norvegia');
  // The search finds a country by its Romanian name as well as by the dataset's English one.
  const search = picker.getByRole('searchbox');
  await search.fill('Grecia');
  await expect(choice('EL')).toContainText('Grecia');
  await search.fill('Greece');
  await expect(choice('EL')).toContainText('Grecia');
  await search.fill('');

  // A CSV made in Romanian keeps its English column names; its labels follow the screen.
  await view.getByTestId('share-toggle').click();
  const { records } = readCsv((await downloadText(page, view, 'download-csv')).text);
  expect(records.find((r) => r.geo_code === 'RO' && r.time === '2008')).toMatchObject({
    geo_label: 'România',
    value: '2.28'
  });
  expect(records.find((r) => r.geo_code === 'NO')?.geo_label).toBe('Norvegia');

  const notReloaded = await switchToEnglish(page);
  await expect(endLabels).toHaveText(['Romania', 'Norway']);
  await expect(choice('RO')).toContainText('Romania');
  await expect(summary).toContainText('Romania: 2.28 in 2008');
  await notReloaded();
});

test('a Romanian programme indicator names the country in its comparator sentence', async ({
  page
}) => {
  await openInRomanian(page, '/programme/indicator/theft');
  const panel = page.locator('article[data-indicator=theft]');
  const result = panel.getByTestId('comparator-result');
  await expect(result).toContainText('România are indicele', { timeout: 90_000 });
  await expect(result).not.toContainText('Romania');

  const notReloaded = await switchToEnglish(page);
  await expect(result).toContainText('Romania');
  await expect(result).not.toContainText('România');
  await notReloaded();
});
