import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { rawTsvCell } from '../support/raw';
import { openInRomanian } from './support/locale';

const STORAGE_KEY = 'cooperare.programme.framework';

/** The theft indicator's own page, its data loaded and its editor open. */
async function openTheftEditor(page: Page) {
  await page.goto('/programme/indicator/theft');
  const panel = page.locator('article[data-indicator=theft]');
  await expect(panel.getByTestId('baseline')).toContainText('282.3 (2012)', { timeout: 60_000 });
  await panel.getByText('Edit baseline, target, comparator and desired direction').click();
  return panel;
}

const stored = (page: Page) =>
  page.evaluate((key) => {
    const text = localStorage.getItem(key);
    return text === null
      ? null
      : (JSON.parse(text) as { indicators: { id: string; target: { value: number } | null }[] });
  }, STORAGE_KEY);

test('reset asks first, Cancel keeps the edits, Reset drops them and Undo brings them back', async ({
  page
}) => {
  test.slow();
  const panel = await openTheftEditor(page);
  await panel.locator('input[name=target-year]').fill('2017');
  await panel.locator('input[name=target-value]').fill('1000');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByTestId('edited-mark')).toBeVisible();

  await page.goto('/programme');
  const edited = page.getByTestId('framework-edited');
  await expect(edited).toBeVisible();
  const reset = page.getByRole('button', { name: 'Reset to the shipped framework' });
  const dialog = page.getByRole('dialog', { name: 'Reset to the shipped framework?' });

  await reset.click();
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('You can undo this');
  await dialog.getByRole('button', { name: 'Keep my edits' }).click();
  await expect(dialog).toBeHidden();
  await expect(edited).toBeVisible();
  expect((await stored(page))?.indicators.find((i) => i.id === 'theft')?.target?.value).toBe(1000);

  // Escape is a Cancel too.
  await reset.click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(edited).toBeVisible();

  await reset.click();
  await dialog.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(edited).toHaveCount(0);
  const tools = page.getByRole('region', { name: "Evaluator's edits" });
  await expect(tools.getByRole('status')).toContainText('Back to the shipped framework.');
  expect(await stored(page)).toBeNull();
  await expect(page.locator('li[data-indicator=theft] [data-status]')).toHaveAttribute(
    'data-status',
    'off-track',
    { timeout: 60_000 }
  );

  const undo = page.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeFocused();
  await undo.click();
  await expect(edited).toBeVisible();
  await expect(undo).toHaveCount(0);
  await expect(tools.getByRole('status')).toHaveText('Your edits are back.');
  expect((await stored(page))?.indicators.find((i) => i.id === 'theft')?.target?.value).toBe(1000);
  await expect(page.locator('li[data-indicator=theft] [data-status]')).toHaveAttribute(
    'data-status',
    'on-track'
  );
  await page.reload();
  await expect(page.getByTestId('framework-edited')).toBeVisible();
});

test('a target year before the baseline year is refused with a message, and nothing is saved', async ({
  page
}) => {
  const panel = await openTheftEditor(page);
  await panel.locator('input[name=target-year]').fill('2010');
  await panel.locator('input[name=target-value]').fill('200');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByRole('alert')).toHaveText(
    'Not saved: the target year (2010) must come after the baseline year (2012), where the path to the target starts.'
  );
  await expect(panel.getByTestId('target')).toHaveText('not published');
  await expect(panel.getByTestId('edited-mark')).toHaveCount(0);
  expect(await stored(page)).toBeNull();

  // The baseline year counts as before it too: a path needs two years.
  await panel.locator('input[name=target-year]').fill('2012');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByRole('alert')).toContainText('the target year (2012) must come after');
  expect(await stored(page)).toBeNull();
});

test('a target against the desired direction is flagged; the direction is editable and marked as an edit', async ({
  page
}) => {
  const panel = await openTheftEditor(page);
  await expect(panel.getByTestId('direction')).toHaveText('down');
  // Theft should go down from 282.3; a target of 400 would be a rise.
  await panel.locator('input[name=target-year]').fill('2017');
  await panel.locator('input[name=target-value]').fill('400');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByTestId('target')).toContainText('400 (2017) · evaluator');
  await expect(panel.getByTestId('target-contradicts')).toHaveText(
    'The target (400) is above the baseline (282.3), but the desired direction is down: reaching it would be a move the wrong way. Check the target or the direction.'
  );

  await panel.locator('select[name=direction]').selectOption('up');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByTestId('direction')).toHaveText('up · evaluator');
  await expect(panel.getByTestId('target-contradicts')).toHaveCount(0);
  await expect(panel.getByTestId('edited-mark')).toHaveText('Edited by evaluator');
  // Up is now wanted, and theft rose from 282.3 to 311.37: short of the path to 400.
  await expect(panel.getByTestId('indicator-status')).toHaveAttribute('data-status', 'off-track');
  const direction = await page.evaluate(
    (key) =>
      (
        JSON.parse(localStorage.getItem(key) as string) as {
          indicators: { id: string; direction: string }[];
        }
      ).indicators.find((i) => i.id === 'theft')?.direction,
    STORAGE_KEY
  );
  expect(direction).toBe('up');

  // Back to the shipped direction: no longer an edit of the direction.
  await panel.locator('select[name=direction]').selectOption('down');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByTestId('direction')).toHaveText('down');
  await expect(panel.getByTestId('target-contradicts')).toBeVisible();
});

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
