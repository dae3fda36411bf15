import { test, expect } from './fixtures';

test('the page is cross-origin isolated and its code and engine arrive compressed', async ({
  page
}) => {
  const encodings = new Map<string, { encoding?: string; bytes: number }>();
  page.on('response', async (response) => {
    const url = new URL(response.url());
    // Only what came over the wire: the service worker's copies carry no transfer encoding.
    if (
      !response.fromServiceWorker() &&
      /\.(js|wasm|css)$/.test(url.pathname) &&
      response.status() === 200
    ) {
      const headers = await response.allHeaders();
      encodings.set(url.pathname, {
        encoding: headers['content-encoding'],
        bytes: Number(headers['content-length'])
      });
    }
  });
  await page.goto('/');
  await page.waitForFunction(() => performance.getEntriesByName('cooperare:chart-drawn').length);
  expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
  await expect.poll(() => [...encodings.keys()].some((p) => p.endsWith('.wasm'))).toBe(true);
  // A file of a few dozen bytes is not worth a compressed copy; every other one has one.
  const plain = [...encodings].filter(
    ([, { encoding, bytes }]) => encoding !== 'br' && bytes > 1000
  );
  expect(plain, 'files sent without brotli').toEqual([]);
  expect([...encodings.values()].filter((e) => e.encoding === 'br').length).toBeGreaterThan(3);
});
