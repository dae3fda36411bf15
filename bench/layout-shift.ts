/**
 * Cumulative layout shift of cold loads of a page (the home page, the shipped board at
 * /boards) on a phone's and a desktop's screen, as `npm run bench` reports it. Apart from
 * scripts/bench.ts so it can be run on its own against a served build.
 */
import type { Browser } from '@playwright/test';
import { layoutShifts, watchLayoutShifts } from '../tests/e2e/support/layout-shift';

const SHIFT_VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 }
];
/** How long after the live chart shifts are still counted: the font and labels came later. */
const SHIFT_SETTLE_MS = 2_000;

export interface LayoutShift {
  width: number;
  /** The largest cumulative layout shift of the cold loads, and each load's. */
  worst: number;
  runs: number[];
  /** What moved in the worst load. */
  moved: string[];
}

/** The address of the shipped board "RO21 at a glance" at /boards, as the home page links it. */
export async function shippedBoardUrl(browser: Browser, origin: string): Promise<string | null> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    // A build from before boards (measured for a before-and-after) has no such link.
    const link = page.getByTestId('home-board-open');
    const found = await link
      .waitFor({ timeout: 15_000 })
      .then(() => true)
      .catch(() => false);
    if (!found) return null;
    // The link's address is written once its encoder is fetched, which a pointer on it asks for.
    await link.hover();
    await page
      .waitForFunction(
        () =>
          document.querySelector('[data-testid="home-board-open"]')?.getAttribute('href') !==
          '/boards',
        undefined,
        { timeout: 15_000 }
      )
      .catch(() => undefined);
    const href = await link.getAttribute('href');
    return href && href !== '/boards' ? `${origin}${href}` : null;
  } finally {
    await context.close();
  }
}

/** Cumulative layout shift of cold loads of `url` on a phone's and a desktop's screen. */
export async function layoutShiftOf(
  browser: Browser,
  url: string,
  runs: number
): Promise<LayoutShift[]> {
  const results: LayoutShift[] = [];
  for (const viewport of SHIFT_VIEWPORTS) {
    const result: LayoutShift = { width: viewport.width, worst: 0, runs: [], moved: [] };
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport });
      try {
        const page = await context.newPage();
        await watchLayoutShifts(page);
        await page.goto(url);
        await page.waitForFunction(
          () => performance.getEntriesByName('cooperare:chart-drawn').length > 0,
          undefined,
          { timeout: 120_000 }
        );
        await page.waitForTimeout(SHIFT_SETTLE_MS);
        const { sum, shifts } = await layoutShifts(page);
        result.runs.push(sum);
        if (sum >= result.worst) {
          result.worst = sum;
          result.moved = [...new Set(shifts.flatMap((shift) => shift.moved))];
        }
      } finally {
        await context.close();
      }
    }
    results.push(result);
  }
  return results;
}
