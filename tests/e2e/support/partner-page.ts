import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from '@playwright/test';

/** What the partner page keeps of each height message the embedded page posts. */
export type PostedHeight = { origin: string; height: number };

/**
 * Someone else's site: another origin (localhost on a port of its own, where the app is
 * 127.0.0.1) serving a page that pastes the embed snippet it is given and resizes the frame
 * from the height messages, keeping each in `window.heights`.
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
    document.querySelector('iframe').style.height = event.data.height + 'px';
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
