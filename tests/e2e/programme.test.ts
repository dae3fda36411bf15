import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { rawTsvCell } from '../support/raw';
import { pdfPages } from './support/pdf-text';

const framework = JSON.parse(readFileSync('datasets/programme/ro21.json', 'utf8')) as {
  objectives: { id: string; number: number }[];
  indicators: { id: string; objective: string; name: { en: string } }[];
};

async function amounts(locator: import('@playwright/test').Locator): Promise<number[]> {
  return (
    await locator.evaluateAll((cells) => cells.map((c) => c.getAttribute('data-amount')))
  ).map(Number);
}

test('budgets on screen sum to €6,235,294', async ({ page }) => {
  await page.goto('/programme');
  // The framework file is read after the page mounts: wait for its rows before counting.
  const financingCells = page.locator('[data-testid=financing] tbody td[data-amount]');
  await expect(financingCells).toHaveCount(2);
  const financing = await amounts(financingCells);
  expect(financing).toEqual([5_300_000, 935_294]);
  expect(financing.reduce((a, b) => a + b, 0)).toBe(6_235_294);
  await expect(page.getByTestId('financing-total')).toHaveText('€6,235,294');

  // Six project budgets as in the programme description, plus the remainder no source assigns.
  const budgetCells = page.locator('[data-testid=project-budgets] tbody td.budget');
  await expect(budgetCells).toHaveCount(7);
  const budgets = await amounts(budgetCells);
  expect(budgets).toEqual([3_376_667, 170_310, 250_000, 791_550, 800_000, 686_260, 160_507]);
  expect(budgets.reduce((a, b) => a + b, 0)).toBe(6_235_294);
  await expect(page.getByTestId('budget-total')).toHaveText('€6,235,294');
  await expect(page.locator('[data-project=not-allocated]')).toContainText(
    'Not allocated to the six projects in the published description'
  );
  await expect(page.getByRole('img', { name: /Budget by project/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /Budget by promoter/ })).toBeVisible();
});

test('every objective shows a status for each of its indicators', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/programme');
  const cards = page.locator('article.card');
  await expect(cards).toHaveCount(6);
  for (const objective of framework.objectives) {
    const count = framework.indicators.filter((i) => i.objective === objective.id).length;
    expect(count).toBeGreaterThan(0);
    const card = page.locator(`article.card[data-objective=${objective.id}]`);
    await expect(card.getByTestId('indicator-status')).toHaveCount(count, { timeout: 90_000 });
  }
  // Published facts only: the DIIP training target is known, its achievement is not.
  await expect(
    page.locator('li[data-indicator=diip-specialists-trained] [data-status]')
  ).toHaveAttribute('data-status', 'insufficient');
});

test('an edited target changes the status and survives a reload', async ({ page }) => {
  test.setTimeout(180_000);
  const baseline = rawTsvCell('eurostat/estat_crim_off_cat.tsv', 'A,ICCS0502,P_HTHAB,RO', '2012');
  const latest = rawTsvCell('eurostat/estat_crim_off_cat.tsv', 'A,ICCS0502,P_HTHAB,RO', '2022');
  expect([Number(baseline), Number(latest)]).toEqual([282.3, 311.37]);

  await page.goto('/programme/indicator/theft');
  const panel = page.locator('article[data-indicator=theft]');
  await expect(panel.getByTestId('baseline')).toContainText('282.3 (2012)', { timeout: 60_000 });
  await expect(panel.getByTestId('latest')).toContainText('311.37 (2022)');
  // Theft should go down; it rose from the baseline, and no target is published.
  await expect(panel.getByTestId('indicator-status')).toHaveAttribute('data-status', 'off-track');
  await expect(panel.getByTestId('target')).toHaveText('not published');
  await expect(panel.getByTestId('edited-mark')).toHaveCount(0);

  await panel.getByText('Edit baseline, target, comparator and desired direction').click();
  await panel.locator('input[name=target-year]').fill('2017');
  await panel.locator('input[name=target-value]').fill('1000');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByTestId('indicator-status')).toHaveAttribute('data-status', 'on-track');
  await expect(panel.getByTestId('target')).toContainText('1,000 (2017) · evaluator');
  await expect(panel.getByTestId('edited-mark')).toHaveText('Edited by evaluator');
  await expect(panel.locator('g.marker.target')).toHaveAttribute('data-value', '1000');

  await page.reload();
  const again = page.locator('article[data-indicator=theft]');
  await expect(again.getByTestId('indicator-status')).toHaveAttribute('data-status', 'on-track', {
    timeout: 60_000
  });
  await expect(again.getByTestId('edited-mark')).toBeVisible();

  // Back to the shipped file: the edit is gone.
  await page.goto('/programme');
  await expect(page.getByTestId('framework-edited')).toBeVisible();
  await page.getByRole('button', { name: 'Reset to the shipped framework' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(page.getByTestId('framework-edited')).toHaveCount(0);
  await expect(page.locator('li[data-indicator=theft] [data-status]')).toHaveAttribute(
    'data-status',
    'off-track'
  );
});

test('an invalid framework file is refused with an alert and changes nothing', async ({ page }) => {
  await page.goto('/programme');
  await page.getByTestId('framework-import').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'cooperare-results-framework', version: 1 }))
  });
  const alert = page.getByTestId('import-errors');
  await expect(alert).toHaveAttribute('role', 'alert');
  await expect(alert).toContainText('programme: should be an object');
  await expect(page.getByTestId('framework-edited')).toHaveCount(0);
  await expect(page.locator('article.card')).toHaveCount(6);
});

test('the report opens with a summary of every indicator, has a Print button, and prints to numbered A4 pages', async ({
  page
}) => {
  // Thirteen statistics load from five datasets before the report is complete.
  test.setTimeout(180_000);
  await page.goto('/report');
  const report = page.getByTestId('report');
  const sections = report.locator('section.objective[data-objective]');
  await expect(sections).toHaveCount(framework.objectives.length);
  const panels = report.locator('article.indicator');
  await expect(panels.getByTestId('indicator-status')).toHaveCount(framework.indicators.length, {
    timeout: 120_000
  });
  // Every chart has finished loading before the charts are counted.
  await expect(report.getByText('Loading the data…')).toHaveCount(0);
  for (const id of ['so4', 'so5', 'so6']) {
    const section = report.locator(`section[data-objective=${id}]`);
    const statistics = framework.indicators.filter((i) => i.objective === id).length;
    await expect(section.getByTestId('line-chart').first()).toBeVisible();
    expect(await section.getByTestId('line-chart').count()).toBeGreaterThanOrEqual(statistics - 1);
  }

  // The summary: a row per indicator with the status its panel shows, and no fake columns.
  const summary = report.getByTestId('report-summary');
  await expect(summary.locator('tbody tr')).toHaveCount(framework.indicators.length);
  await expect(summary.locator('thead th')).toHaveText([
    'Obj.',
    'Indicator',
    'Status',
    'Latest value',
    'Baseline',
    'Target',
    'Against comparator (index points)',
    'Projection against the target',
    'Gap to its synthetic control (p)',
    'Breaks in series'
  ]);
  // The later readings: a verdict only where a target is set, a gap with its p-value, the breaks.
  await expect(summary.locator('tr[data-indicator=theft] td[data-column=verdict]')).toHaveText(
    'no target set'
  );
  await expect(summary.locator('tr[data-indicator=theft] td[data-column=synthetic]')).toHaveText(
    /^[+−-]?[\d,.]+ \(p = 0\.\d+\)$/
  );
  await expect(summary.locator('tr[data-indicator=burglary] td[data-column=breaks]')).toHaveText(
    '2014 (new Criminal Code)'
  );
  for (const indicator of framework.indicators) {
    const row = summary.locator(`tr[data-indicator="${indicator.id}"]`);
    const panelStatus = await report
      .locator(`article[data-indicator="${indicator.id}"] [data-status]`)
      .getAttribute('data-status');
    await expect(row.locator('[data-status]')).toHaveAttribute(
      'data-status',
      panelStatus as string
    );
  }
  await expect(summary.locator('tr[data-indicator=theft] td[data-column=latest]')).toHaveText(
    '311.37 (2022)'
  );
  await expect(
    summary.locator('tr[data-indicator=good-practice-handbook] td[data-column=latest]')
  ).toHaveText('1 handbook (2015)');

  const print = page.getByRole('button', { name: 'Print' });
  await page.evaluate(() => {
    window.print = () => document.body.setAttribute('data-printed', '');
  });
  await print.click();
  await expect(page.locator('body')).toHaveAttribute('data-printed', '');

  await page.emulateMedia({ media: 'print' });
  await expect(print).toBeHidden();
  // The programme period stays shaded on paper, where the page's surface colour is white.
  const bandFill = await report
    .locator('[data-testid=chart-band] rect')
    .first()
    .evaluate((rect) => getComputedStyle(rect).fill);
  expect(bandFill).toBe('rgb(230, 230, 230)');

  // Printed as a reader's browser prints by default: without background graphics.
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pages = pdfPages(pdf);
  // The summary and the programme, then each objective starts on a page of its own.
  expect(pages.length).toBeGreaterThanOrEqual(framework.objectives.length + 2);
  pages.forEach((text, i) => {
    const lines = text.split('\n').filter((line) => line.trim() !== '');
    expect(lines.at(-1)?.trim(), `page ${i + 1}'s number`).toBe(`${i + 1} / ${pages.length}`);
    expect(lines.length - 1, `lines of text on page ${i + 1}`).toBeGreaterThan(1);
  });
  expect(pages[0]).toContain('Summary of the indicators');
  expect(pages[0].match(/On track|Off track|Insufficient data/g)).toHaveLength(
    framework.indicators.length
  );
  // Each objective opens a page, after the summary and the programme, in their order.
  const opens = framework.objectives.map((o) =>
    pages.findIndex((text) => text.trimStart().startsWith(`Objective ${o.number}:`))
  );
  expect(opens[0]).toBeGreaterThan(1);
  expect(opens).toEqual([...opens].sort((a, b) => a - b));
});
