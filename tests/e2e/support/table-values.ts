import type { Page } from '@playwright/test';

/** The values in the explorer's table, by series and period, as the cells' data-value hold them. */
export async function tableValues(page: Page): Promise<Record<string, string>> {
  const cells = page.locator('[data-testid="explore-view"] tr[data-series] td[data-value]');
  const pairs = await cells.evaluateAll((nodes) =>
    nodes.map((n) => {
      const row = n.closest('tr')!;
      return [`${row.dataset.series} ${row.dataset.period}`, n.getAttribute('data-value') ?? ''];
    })
  );
  return Object.fromEntries(pairs);
}
