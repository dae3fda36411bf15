import { expect, type Page } from '@playwright/test';

/** Opens `path` with Romanian chosen for its first load only: the test switches back itself. */
export async function openInRomanian(page: Page, path: string): Promise<void> {
  await page.addInitScript(() => {
    if (sessionStorage.getItem('romanian-chosen') === null) {
      sessionStorage.setItem('romanian-chosen', '1');
      localStorage.setItem('cooperare.locale', 'ro');
    }
  });
  await page.goto(path);
}

/**
 * Switches the page to `locale` with the header's switch. The returned check fails if the page
 * was reloaded since: the switch must rename what is on screen in place.
 */
export async function switchLanguage(
  page: Page,
  locale: 'en' | 'ro'
): Promise<() => Promise<void>> {
  await page.evaluate(() => document.documentElement.setAttribute('data-before-switch', ''));
  await page.getByTestId('language-switch').selectOption(locale);
  return () => expect(page.locator('html')).toHaveAttribute('data-before-switch', '');
}

export const switchToEnglish = (page: Page) => switchLanguage(page, 'en');
