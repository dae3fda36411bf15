import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../tests/e2e/browser';
const browser = await chromium.launch(chromiumLaunchOptions());
for (const width of [390, 1280]) {
  const page = await browser.newPage({ viewport: { width, height: width === 390 ? 844 : 800 } });
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  const heights = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="board-item"]')].map((el) => {
        const r = el.getBoundingClientRect();
        return `${Math.round(r.top)}+${Math.round(r.height)}`;
      })
    );
  await page.goto('http://127.0.0.1:4187' + (process.argv[2] ?? '/'));
  await page.waitForSelector('[data-testid="board-item"]');
  console.log(width, 'first', (await heights()).join(' '));
  await page.waitForTimeout(300);
  console.log(width, '300ms', (await heights()).join(' '));
  await page.waitForTimeout(Number(process.argv[3] ?? 20000));
  console.log(width, 'settled', (await heights()).join(' '), await page.getByText('Loading the data…').count());
  await page.close();
}
await browser.close();
