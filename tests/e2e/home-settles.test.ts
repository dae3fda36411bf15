import { test, expect } from './fixtures';

declare global {
  interface Window {
    /** How many URLSearchParams the page has made: each board chart makes some to read its link. */
    linksRead: () => number;
  }
}

// A board chart drawn from the build's snapshot once re-read its link after every answer,
// without end: nothing moved on screen, but the page kept a core busy for as long as it was
// open, and DuckDB started later on the home page for it (docs/scaling.md).
test('once the home board is drawn from live data, the page stops re-reading its charts', async ({
  page
}) => {
  await page.addInitScript(() => {
    const Native = URLSearchParams;
    let made = 0;
    class Counted extends Native {
      constructor(...args: ConstructorParameters<typeof URLSearchParams>) {
        super(...args);
        made += 1;
      }
    }
    window.URLSearchParams = Counted;
    window.linksRead = () => made;
  });
  await page.goto('/');
  const charts = page.locator('figure[data-source]');
  await expect(charts).toHaveCount(3);
  for (const chart of await charts.all())
    await expect(chart).toHaveAttribute('data-source', 'live');

  const frames = (count: number) =>
    page.evaluate(
      (n) =>
        new Promise<void>((resolve) => {
          let left = n;
          const next = () => (--left <= 0 ? resolve() : requestAnimationFrame(next));
          requestAnimationFrame(next);
        }),
      count
    );
  // Whatever the live answers started (the share menus' links) is done within a few frames.
  await frames(10);
  const before = await page.evaluate(() => window.linksRead());
  await frames(60);
  expect(await page.evaluate(() => window.linksRead())).toBe(before);
});
