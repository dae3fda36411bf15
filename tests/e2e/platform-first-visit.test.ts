import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { test, expect } from './fixtures';
import { createStaticServer } from '../../scripts/static-server.js';

/**
 * Issue 18: a first visit fetches DuckDB's engine once, in the one build the browser runs.
 * The app is served here by a server of the test's own (the same static server) that lists
 * every request reaching it: what the browser's HTTP cache answered never does, so a file
 * the service worker fetched again over the network is seen twice.
 */
test('a first visit fetches the engine build it runs once, and never the other build', async ({
  browser
}) => {
  test.slow();
  const server = createStaticServer({ folder: process.env.BUILD_DIR ?? 'build' });
  const requested: string[] = [];
  server.on('request', (request: IncomingMessage) =>
    requested.push(new URL(request.url ?? '/', 'http://app').pathname)
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await expect(page.locator('figure.home-chart')).toHaveAttribute('data-source', 'live', {
      timeout: 90_000
    });
    // Everything a first visit fetches is in once the service worker has kept the engine
    // build the page ran and the shipped datasets.
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            const names = await caches.keys();
            const app = names.find((name) => name.startsWith('cooperare-app-'));
            const engine = names.includes('cooperare-engine')
              ? (await (await caches.open('cooperare-engine')).keys()).length
              : 0;
            const data = app
              ? (await (await caches.open(app)).keys()).filter((r) => r.url.endsWith('.arrow'))
                  .length
              : 0;
            return { engine, data: data >= 13 };
          }),
        { timeout: 60_000 }
      )
      .toEqual({ engine: 2, data: true });
  } finally {
    await context.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  const engineRequests = requested
    .filter((urlPath) => path.basename(urlPath).startsWith('duckdb-'))
    .map((urlPath) => path.basename(urlPath).replace(/\.[\w-]{8}\./, '.'))
    .sort();
  expect(engineRequests).toEqual(['duckdb-browser-eh.worker.js', 'duckdb-eh.wasm']);
});
