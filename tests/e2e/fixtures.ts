import { test as base, expect } from '@playwright/test';

/**
 * Every end-to-end test fails when the page logs an error, throws, or asks for anything
 * outside its own origin: the app must work offline and leak nothing.
 */
export const test = base.extend<{ problems: string[] }>({
  problems: [
    async ({ page, baseURL }, use) => {
      const problems: string[] = [];
      const origin = new URL(baseURL as string).origin;
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('request', (request) => {
        const url = request.url();
        if (url.startsWith('data:') || url.startsWith('blob:')) return;
        if (new URL(url).origin !== origin) problems.push(`request off origin: ${url}`);
      });
      await use(problems);
      expect(problems, 'the page logged errors or left its origin').toEqual([]);
    },
    { auto: true }
  ]
});

export { expect };
