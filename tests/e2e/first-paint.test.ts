import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { rawTsvCell } from '../support/raw';
import { expectExplorerSnapshot, holdRequests } from './support/first-paint';

/** Every drawn point: series, period, value, flag and where it sits on screen. */
async function drawnPoints(page: Page, figure: string): Promise<string[]> {
  return page.locator(`${figure} g.series circle.point`).evaluateAll((circles) =>
    circles.map((c) =>
      ['series', 'period', 'value', 'flag']
        .map((key) =>
          key === 'series'
            ? c.closest('g.series')?.getAttribute('data-series')
            : c.getAttribute(`data-${key}`)
        )
        .concat([c.getAttribute('cx'), c.getAttribute('cy')])
        .join(' ')
    )
  );
}

test('the home chart is drawn from the build snapshot before DuckDB starts, then handed to the live query unchanged', async ({
  page
}) => {
  // Hold DuckDB's wasm back until the snapshot chart has been read: the first chart must
  // not depend on the engine at all.
  const wasm = await holdRequests(page, '**/*.wasm');

  await page.goto('/');
  const figure = page.locator('figure.home-chart');
  await expect(figure).toHaveAttribute('data-source', 'snapshot');
  await expect(figure).toContainText('Source: Eurostat (crim_off_cat)');
  const published = rawTsvCell('eurostat/estat_crim_off_cat.tsv', 'A,ICCS0101,P_HTHAB,RO', '2008');
  expect(published).toBe('2.28');
  await expect(
    figure.locator('g.series[data-series="RO"] circle[data-period="2008"]')
  ).toHaveAttribute('data-value', published as string);
  const fromSnapshot = await drawnPoints(page, 'figure.home-chart');
  expect(fromSnapshot.length).toBeGreaterThan(60);
  await expect.poll(wasm.requested).toBe(true);

  wasm.release();
  await expect(figure).toHaveAttribute('data-source', 'live');
  expect(await drawnPoints(page, 'figure.home-chart')).toEqual(fromSnapshot);

  const marks = await page.evaluate(() =>
    performance.getEntriesByType('mark').map((mark) => mark.name)
  );
  expect(marks).toEqual(
    expect.arrayContaining([
      'cooperare:snapshot-drawn',
      'cooperare:engine-ready',
      'cooperare:first-query',
      'cooperare:chart-drawn'
    ])
  );
  expect(marks.indexOf('cooperare:snapshot-drawn')).toBeLessThan(
    marks.indexOf('cooperare:engine-ready')
  );
});

test('the explorer permalink of a dataset draws its default view from the snapshot, then live with the same points', async ({
  page
}) => {
  const wasm = await holdRequests(page, '**/*.wasm');
  const figure = await expectExplorerSnapshot(page);
  const fromSnapshot = await drawnPoints(page, '[data-testid="explore-view"]');
  expect(fromSnapshot.length).toBeGreaterThan(40);

  wasm.release();
  await expect(figure).toHaveAttribute('data-source', 'live');
  expect(await drawnPoints(page, '[data-testid="explore-view"]')).toEqual(fromSnapshot);
});
