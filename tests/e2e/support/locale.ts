import { expect, type Page } from '@playwright/test';

/**
 * Opens `path` with `locale` chosen for its first load only: a reload or a later page keeps
 * what the test chooses since.
 */
export async function openInLanguage(page: Page, locale: 'en' | 'ro', path: string) {
  await page.addInitScript((chosen) => {
    if (sessionStorage.getItem('language-chosen') === null) {
      sessionStorage.setItem('language-chosen', '1');
      localStorage.setItem('cooperare.locale', chosen);
    }
  }, locale);
  await page.goto(path);
}

/** Opens `path` with Romanian chosen for its first load only: the test switches back itself. */
export const openInRomanian = (page: Page, path: string) => openInLanguage(page, 'ro', path);

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
