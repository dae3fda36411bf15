import type { Locator, Page } from '@playwright/test';
import { expect } from '../fixtures';

/** Opens an explorer view and waits for DuckDB's own answer (not the build's snapshot). */
export async function openLive(page: Page, path: string): Promise<Locator> {
  await page.goto(path);
  const figure = page.getByTestId('explore-view');
  await expect(figure).toHaveAttribute('data-source', 'live', { timeout: 150_000 });
  return figure;
}
