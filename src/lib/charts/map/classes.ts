import { bisectRight, quantileSorted } from 'd3-array';
import { BLUES } from './blues';

/**
 * Value classes for a choropleth: quantile breaks, so each colour covers about as many regions,
 * rounded to few significant digits so the legend reads "1.2" rather than "1.187333".
 */
export interface MapClasses {
  /** Lowest and highest value drawn; the legend's two ends. */
  min: number;
  max: number;
  /** Class k holds values v with thresholds[k-1] ≤ v < thresholds[k]. */
  thresholds: number[];
  /** One colour per class, light to dark. */
  colours: string[];
}

/** `value` rounded to `digits` significant digits. */
function roundSignificant(value: number, digits: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(digits));
}

function countPerClass(sorted: readonly number[], thresholds: readonly number[]): number[] {
  const counts = new Array<number>(thresholds.length + 1).fill(0);
  for (const value of sorted) counts[bisectRight(thresholds, value)]++;
  return counts;
}

/** Light-to-dark blues (ColorBrewer, safe for colour-blind readers) for `n` classes. */
function blues(n: number): string[] {
  if (n >= 3) return [...BLUES[Math.min(n, 9)]];
  const three = BLUES[3];
  return n === 2 ? [three[0], three[2]] : [three[1]];
}

/**
 * Up to `wanted` quantile classes of the finite values. Fewer when the values are few or
 * repeat: a class never comes out empty, and equal values always share a class.
 */
export function classBreaks(values: readonly number[], wanted = 5): MapClasses | null {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  const raw: number[] = [];
  for (let k = 1; k < wanted; k++) raw.push(quantileSorted(sorted, k / wanted) as number);

  // The fewest digits that keep the breaks apart and inside the data.
  let thresholds: number[] = [];
  for (let digits = 2; digits <= 15; digits++) {
    thresholds = [...new Set(raw.map((t) => roundSignificant(t, digits)))].filter(
      (t) => t > min && t <= max
    );
    const distinctRaw = new Set(raw.filter((t) => t > min && t <= max)).size;
    if (thresholds.length >= distinctRaw) break;
  }
  // Merge away any class that holds no value, from the top down.
  for (;;) {
    const counts = countPerClass(sorted, thresholds);
    const empty = counts.findIndex((n) => n === 0);
    if (empty < 0) break;
    thresholds.splice(Math.max(0, empty - 1), 1);
  }
  return { min, max, thresholds, colours: blues(thresholds.length + 1) };
}

/** The class a value falls in. */
export function classOf(classes: MapClasses, value: number): number {
  return bisectRight(classes.thresholds, value);
}
