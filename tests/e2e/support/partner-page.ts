import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, type BrowserContext, type Page } from '@playwright/test';

/** What the partner page keeps of each height message the embedded page posts. */
export type PostedHeight = { origin: string; height: number };

/**
 * Someone else's site: another origin (localhost on a port of its own, where the app is
 * 127.0.0.1) serving a page that pastes the embed snippet it is given, script and all, and
 * keeps each height message the frame posts in `window.heights`. Resizing the frame is left
 * to the snippet.
 */
export async function startPartnerSite(): Promise<{
  origin: string;
  paste: (snippet: string) => void;
  close: () => Promise<void>;
}> {
  let snippet = '';
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html><head><title>Host</title></head><body>
<h1>A partner's report</h1>
${snippet}
<script>
  window.heights = [];
  window.addEventListener('message', (event) => {
    if (!event.data || event.data.type !== 'cooperare:height') return;
    window.heights.push({ origin: event.origin, height: event.data.height });
  });
</script></body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  return {
    origin: `http://localhost:${(server.address() as AddressInfo).port}`,
    paste: (next) => (snippet = next),
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  };
}

/**
 * The partner's page, opened in a page of its own: the fixture watches `page` for requests
 * off the app's origin, and this one is off it by design. Its console errors, page errors and
 * requests to any third origin are collected in `problems`.
 */
export async function openPartnerPage(
  context: BrowserContext,
  partnerOrigin: string,
  appOrigin: string
): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (request) => {
    const origin = new URL(request.url()).origin;
    if (!request.url().startsWith('blob:') && origin !== appOrigin && origin !== partnerOrigin)
      problems.push(`request off origin: ${request.url()}`);
  });
  await page.goto(partnerOrigin);
  return { page, problems };
}

/** The snippet as a site that strips scripts keeps it: the frame alone. */
export const frameOnly = (snippet: string) => snippet.replace(/<script>[\s\S]*?<\/script>/g, '');

/** The last height the frame posted to the partner's page. */
export const lastPostedHeight = (hostPage: Page) =>
  hostPage.evaluate(() => (window as unknown as { heights: PostedHeight[] }).heights.at(-1));

/**
 * Whether the partner page's frame shows the whole embedded page at once: nothing in it
 * scrolls, and its last line, the link to the full view, lies inside the frame.
 */
export async function frameShowsAll(hostPage: Page): Promise<boolean> {
  const frame = hostPage.frames().find((f) => f !== hostPage.mainFrame());
  if (!frame) return false;
  return frame.evaluate(() => {
    const link = document.querySelector('[data-testid="embed-full-view"]');
    const root = document.documentElement;
    return (
      !!link &&
      root.scrollHeight <= window.innerHeight &&
      link.getBoundingClientRect().bottom <= window.innerHeight
    );
  });
}

/**
 * At a phone's width and a desktop's, the snippet's script fits the partner page's frame to
 * the embedded page: it shows all of it, at the height the frame last posted, from the app.
 */
export async function expectFrameFits(hostPage: Page, appOrigin: string): Promise<void> {
  for (const width of [360, 1000]) {
    await hostPage.setViewportSize({ width, height: 1400 });
    await expect.poll(() => frameShowsAll(hostPage)).toBe(true);
    const frameHeight = await hostPage
      .locator('iframe')
      .evaluate((el) => Math.round(el.getBoundingClientRect().height));
    const posted = await lastPostedHeight(hostPage);
    expect(posted?.height).toBe(frameHeight);
    expect(posted?.origin).toBe(appOrigin);
  }
}
