/**
 * npx tsx scripts/screenshot.ts <url-path> <out.png> [width] [height]
 * Takes a screenshot of the built app (served by scripts/serve.js) in headless Chromium,
 * waiting for the first chart, so a person can look at what a page shows. LOCALE=ro and
 * THEME=dark set the reader's remembered choices before the page opens; MEDIA=print shows the
 * page as it prints.
 */
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/e2e/browser';

const [pathArg = '/', out = 'screenshot.png', width = '1280', height = '900'] =
  process.argv.slice(2);
const base = process.env.BASE_URL ?? 'http://127.0.0.1:4173';

const browser = await chromium.launch(chromiumLaunchOptions());
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
const remembered = { 'cooperare.locale': process.env.LOCALE, 'cooperare.theme': process.env.THEME };
await page.addInitScript((choices) => {
  for (const [key, value] of Object.entries(choices)) if (value) localStorage.setItem(key, value);
}, remembered);
page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
if (process.env.MEDIA === 'print') await page.emulateMedia({ media: 'print' });
await page.goto(base + pathArg);
await page
  .locator('svg[role="img"], [role="alert"]')
  .first()
  .waitFor({ timeout: 20_000 })
  .catch(() => console.error('no chart or alert appeared within 20 s'));
await page.waitForTimeout(300);
await page.screenshot({ path: out, fullPage: true });
await browser.close();
console.log(`wrote ${out}`);
