import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { openRoute } from './platform-routes';

const HOSTILE = path.resolve('tests/fixtures/hostile/hostile_labels.csv');
const IMG = '<img src=x onerror="window.__pwned=1">';

/** Fails the test if anything opens a dialog: alert(1) is the classic proof of injection. */
function forbidDialogs(page: Page, seen: string[]) {
  page.on('dialog', async (dialog) => {
    seen.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
}

async function nothingRan(page: Page) {
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  const injected = await page.evaluate(() =>
    [...document.scripts].some((s) => /__pwned|alert/.test(s.textContent ?? ''))
  );
  expect(injected, 'a script element made from the hostile text').toBe(false);
}

test('the page carries a strict Content-Security-Policy', async ({ page }) => {
  const response = await page.request.get('/');
  const html = await response.text();
  const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html);
  expect(meta, 'index.html has a CSP meta tag').not.toBeNull();
  const directives = new Map(
    (meta?.[1] ?? '').split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    })
  );
  const script = directives.get('script-src') ?? [];
  expect(script).toContain("'self'");
  expect(script).toContain("'wasm-unsafe-eval'");
  expect(script).not.toContain("'unsafe-inline'");
  expect(script).not.toContain("'unsafe-eval'");
  // The inline scripts allowed are exactly those in the page, each by its hash: the theme
  // set before the first paint and SvelteKit's start-up script.
  const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    ([, text]) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`
  );
  expect(inline).toHaveLength(2);
  expect(script.filter((s) => s.startsWith("'sha256-")).sort()).toEqual(inline.sort());
  const connect = directives.get('connect-src') ?? [];
  expect(connect[0]).toBe("'self'");
  expect(connect.slice(1).every((host) => host === 'https://ec.europa.eu')).toBe(true);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(directives.get('base-uri')).toEqual(["'self'"]);
});

test('an inline script injected into the page is refused, and the refusal is reported', async ({
  page,
  problems
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const outcome = await page.evaluate(async () => {
    const violation = new Promise<string>((resolve) =>
      document.addEventListener('securitypolicyviolation', (event) =>
        resolve(event.effectiveDirective)
      )
    );
    const script = document.createElement('script');
    script.textContent = 'window.__pwned = 1';
    document.body.append(script);
    const directive = await violation;
    script.remove();
    return { directive, pwned: (window as { __pwned?: unknown }).__pwned };
  });
  expect(outcome).toEqual({ directive: 'script-src-elem', pwned: undefined });
  // Chromium logs the refusal as a console error; that one is this test's point, not a fault.
  const refusal = problems.findIndex((p) =>
    p.includes('Executing inline script violates the following Content Security Policy')
  );
  expect(refusal).toBeGreaterThanOrEqual(0);
  problems.splice(refusal, 1);
});

test('a hostile permalink shows a note and a working default view, and runs nothing', async ({
  page,
  problems
}) => {
  const dialogs: string[] = [];
  forbidDialogs(page, dialogs);
  const exists = await openRoute(
    page,
    problems,
    '/explore?ds=%3Cscript%3E&geo=%E2%80%AEXX,%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&view=nope&time=9999..0'
  );
  test.fixme(!exists, 'the explorer (/explore) is not built yet');
  const notes = page.getByTestId('link-notes');
  await expect(notes).toBeVisible();
  // The note quotes what it dropped as text, never as markup.
  await expect(notes).toContainText('script');
  // The default view draws a chart with data (once DuckDB has started, which is slow when
  // several browsers compile it at once).
  await expect(page.locator('svg circle.point').first()).toBeVisible({ timeout: 45_000 });
  await nothingRan(page);
  expect(dialogs).toEqual([]);
});

test('a file with hostile labels imports as plain text through /data', async ({
  page,
  problems
}) => {
  const dialogs: string[] = [];
  forbidDialogs(page, dialogs);
  const exists = await openRoute(page, problems, '/data');
  const input = page.getByLabel(/Import/i).and(page.locator('input[type="file"]'));
  test.fixme(
    !exists || (await input.count()) === 0,
    'needs the import feature on /data (a file input whose accessible name contains “Import”)'
  );
  await input.first().setInputFiles(HOSTILE);
  await expect(page.getByRole('status').filter({ hasText: 'hostile_labels.csv' })).toBeVisible();
  await nothingRan(page);
  // The explorer lists the labels and draws them in the chart's key: as the text they are.
  await page.goto('/explore?ds=hostile_labels');
  await expect(page.getByText(IMG, { exact: false }).first()).toBeVisible({ timeout: 45_000 });
  await expect(page.getByText('window.__pwned=1</script>', { exact: false }).first()).toBeVisible();
  await nothingRan(page);
  expect(dialogs).toEqual([]);
});
