import type { Page } from '@playwright/test';

/** One layout shift the reader did not cause, with the elements it moved. */
export interface Shift {
  value: number;
  startTime: number;
  moved: string[];
}

/**
 * Records the page's layout shifts from its first paint (an init script, so it runs before
 * the app's own code), as Chromium reports them for cumulative layout shift.
 */
export async function watchLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shifts: Shift[] = [];
    (window as unknown as { layoutShifts: Shift[] }).layoutShifts = shifts;
    const name = (node: Node | null) => {
      const element = node instanceof Element ? node : (node?.parentElement ?? null);
      if (!element) return '?';
      const classes = [...element.classList].filter((c) => !c.startsWith('svelte-'));
      return [element.localName, ...classes].join('.');
    };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as PerformanceEntry[]) {
        const shift = entry as PerformanceEntry & {
          value: number;
          hadRecentInput: boolean;
          sources: { node: Node | null }[];
        };
        if (shift.hadRecentInput) continue;
        shifts.push({
          value: shift.value,
          startTime: shift.startTime,
          moved: shift.sources.map((source) => name(source.node))
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/**
 * The layout shifts of `page` so far, and their sum: the page's cumulative layout shift when
 * it has one session (every shift of a first load within five seconds of the one before).
 */
export async function layoutShifts(page: Page): Promise<{ sum: number; shifts: Shift[] }> {
  // Two frames, so a shift caused by the last change is reported before it is read.
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
  );
  const shifts = await page.evaluate(
    () => (window as unknown as { layoutShifts: Shift[] }).layoutShifts
  );
  return { sum: shifts.reduce((total, shift) => total + shift.value, 0), shifts };
}
