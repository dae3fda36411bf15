/**
 * Bench only: installed by scripts/bench.ts in the app's pages before their own scripts run,
 * to time a selection change in /explore as a user sees it. `arm()` is called just before the
 * bench clicks, types or picks; from then on the probe notes the time of the first input
 * event, and, every frame, whether ExploreView has marked a new `cooperare:chart-drawn` (it
 * does so once the chart of a newly answered query is in the DOM). The frame in which the
 * probe first sees that mark is the frame that paints the chart; a task queued from that
 * frame runs once it is painted, and that is where the time is taken.
 */

const DRAWN = 'cooperare:chart-drawn';
const ANSWERED = 'cooperare:first-query';
/** ExploreView's error paragraph: a change that fails draws no chart. */
const FAILED = '[data-testid="explore-view"] .error';

export interface ChangeTiming {
  /** Input event to the chart painted, in ms. */
  total: number;
  /** Input event to the query answered (ExploreView's `cooperare:first-query` mark). */
  answered: number;
  /**
   * Where the change's time went, in ms, one after another: the event's time stamp to its
   * first handler (`delay`: the main thread busy, or the event queued); the handler to the
   * answer (`answer`: state and the page's or the engine's answer); the answer to
   * `cooperare:chart-drawn` (`update`: Svelte updating the DOM); the mark to the start of
   * the frame that paints it (`wait`: the next frame's turn, or other work before it); and
   * that frame's start to the task after its paint (`frame`: animation-frame callbacks,
   * style, layout, paint).
   */
  parts: { delay: number; answer: number; update: number; wait: number; frame: number };
  /** The input event's time after the start of the last frame before it, in ms. */
  sinceFrame: number;
}

let eventAt: number | null = null;
/** When the first input event's first listener ran (this capturing one on the window). */
let handledAt = NaN;
/** The start (its rAF time stamp) of the last frame the probe saw, and of the one before the input. */
let lastFrame = NaN;
let frameBeforeInput = NaN;
let watching = false;
let outcome: Promise<ChangeTiming> | null = null;

for (const type of ['click', 'input', 'change'])
  addEventListener(
    type,
    (event) => {
      if (watching && eventAt === null) {
        eventAt = event.timeStamp;
        handledAt = performance.now();
        frameBeforeInput = lastFrame;
      }
    },
    { capture: true }
  );

const count = (name: string) => performance.getEntriesByName(name).length;

function arm(): void {
  eventAt = null;
  watching = true;
  const drawnBefore = count(DRAWN);
  outcome = new Promise<ChangeTiming>((resolve, reject) => {
    const frame = (frameStamp: number) => {
      lastFrame = frameStamp;
      const frameStart = performance.now();
      const failed = document.querySelector(FAILED);
      if (failed) {
        watching = false;
        reject(new Error(failed.textContent ?? 'the view failed'));
      } else if (eventAt !== null && count(DRAWN) > drawnBefore) {
        const start = eventAt;
        const handled = handledAt;
        const last = (name: string) => {
          const entries = performance.getEntriesByName(name);
          return entries[entries.length - 1]?.startTime ?? NaN;
        };
        const answered = last(ANSWERED);
        const drawnAt = last(DRAWN);
        setTimeout(() => {
          watching = false;
          const end = performance.now();
          resolve({
            total: end - start,
            answered: answered - start,
            parts: {
              delay: handled - start,
              answer: answered - handled,
              update: drawnAt - answered,
              wait: frameStart - drawnAt,
              frame: end - frameStart
            },
            sinceFrame: start - frameBeforeInput
          });
        }, 0);
      } else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

/** The timing of the change made since `arm()`, once its chart is painted. */
function drawn(): Promise<ChangeTiming> {
  if (!outcome) return Promise.reject(new Error('probe.drawn() before probe.arm()'));
  return outcome;
}

const probe = { arm, drawn };

/** What scripts/bench.ts may call in the app's pages. */
export type Probe = typeof probe;

declare global {
  interface Window {
    probe: Probe;
  }
}
window.probe = probe;
