import type { Page, Worker } from '@playwright/test';
import { test, expect } from './fixtures';
import { rawTsvCell } from '../support/raw';

const RO_2008 = rawTsvCell('eurostat/estat_crim_off_cat.tsv', 'A,ICCS0101,P_HTHAB,RO', '2008');

function duckdbWorkers(page: Page): Worker[] {
  return page.workers().filter((worker) => /duckdb-browser-.*\.worker\./.test(worker.url()));
}

test('when the DuckDB worker dies, the user is told, the engine restarts and the data comes back', async ({
  page
}) => {
  await page.goto('/');
  const figure = page.locator('figure.home-chart');
  await expect(figure).toHaveAttribute('data-source', 'live');
  await expect.poll(() => duckdbWorkers(page).length).toBe(1);
  const [first] = duckdbWorkers(page);

  // A real failure of the worker, as a wasm trap outside any request would cause: an
  // uncaught error in the worker's own global scope. No hook in the app is involved.
  await first.evaluate(() => {
    setTimeout(() => {
      throw new Error('simulated crash of the DuckDB worker');
    });
  });

  await expect(page.getByRole('status').filter({ hasText: 'query engine stopped' })).toHaveText(
    /The query engine stopped and was restarted; your data is safe\./
  );
  // The old worker is ended and a new one started in its place.
  await expect.poll(() => duckdbWorkers(page).includes(first)).toBe(false);
  await expect.poll(() => duckdbWorkers(page).length).toBe(1);

  // The new engine must load a table again by itself: the SQL console, reached inside the
  // same page (a reload would start another engine), always asks the engine.
  await page.getByRole('navigation').getByRole('link', { name: 'SQL' }).click();
  await expect(page).toHaveURL(/\/sql/);
  await page.getByLabel('SQL query').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(
    "SELECT value FROM crim_off_cat WHERE iccs = 'ICCS0101' AND unit = 'P_HTHAB' AND geo = 'RO' AND time = '2008'"
  );
  await page.keyboard.press('Control+Enter');
  await expect(
    page.getByTestId('result-grid').locator('[role="cell"][data-column="value"]')
  ).toHaveText(String(Number(RO_2008)));

  // Coming back, the home chart shows the same value: from the new engine, or from the rows
  // the page holds when the engine answered the chart's rows before leaving ('page').
  await page.getByRole('navigation').getByRole('link', { name: 'Home' }).click();
  await expect(figure).toHaveAttribute('data-source', /^(live|page)$/);
  await expect(
    figure.locator('tr[data-series="RO"][data-period="2008"] td[data-value]')
  ).toHaveAttribute('data-value', RO_2008 as string);

  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByText('The query engine stopped')).toHaveCount(0);
});
