import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * Opens `path` and tells whether the app has that route yet. Pages are being built side by
 * side; a missing one shows SvelteKit's "404" heading and logs "Not found", which the
 * fixtures would count as a fault, so that one message is taken back here.
 */
export async function openRoute(page: Page, problems: string[], path: string): Promise<boolean> {
  await page.goto(path);
  // The layout and the page appear together; an embed has no h1 of its own.
  await expect(page.locator('main')).toBeVisible();
  const notFound = page.getByRole('heading', { level: 1, name: '404', exact: true });
  if ((await notFound.count()) === 0) return true;
  const pathname = new URL(path, 'http://x').pathname;
  for (let i = problems.length - 1; i >= 0; i--)
    if (problems[i].includes(`Not found: ${pathname}`)) problems.splice(i, 1);
  return false;
}
