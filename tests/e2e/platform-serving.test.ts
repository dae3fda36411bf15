import { test, expect } from './fixtures';

test('the page is cross-origin isolated and its code and engine arrive compressed', async ({
  page
}) => {
  const encodings = new Map<string, string | undefined>();
  page.on('response', async (response) => {
    const url = new URL(response.url());
    // Only what came over the wire: the service worker's copies carry no transfer encoding.
    if (
      !response.fromServiceWorker() &&
      /\.(js|wasm|css)$/.test(url.pathname) &&
      response.status() === 200
    ) {
      encodings.set(url.pathname, (await response.allHeaders())['content-encoding']);
    }
  });
  await page.goto('/');
  await page.waitForFunction(() => performance.getEntriesByName('cooperare:chart-drawn').length);
  expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
  await expect.poll(() => [...encodings.keys()].some((p) => p.endsWith('.wasm'))).toBe(true);
  const plain = [...encodings].filter(([, encoding]) => encoding !== 'br');
  expect(plain, 'files sent without brotli').toEqual([]);
});
