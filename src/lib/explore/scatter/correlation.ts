/**
 * How closely two measures move together across the units of a scatter (docs/methods.md,
 * “Correlation in the scatter”): Pearson's r on the values, Spearman's ρ on their ranks.
 */

export interface Correlation {
  /** Number of units with both values. */
  n: number;
  /** Pearson's r; null below three units or when either measure does not vary. */
  pearson: number | null;
  /** Spearman's ρ (Pearson's r of the ranks, ties given their mean rank); null likewise. */
  spearman: number | null;
}

/** The fewest units a coefficient is worked out for: two points always lie on a line. */
export const MIN_UNITS = 3;

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Pearson's r of paired values, or null when it is undefined (fewer than 3, or no spread). */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length !== ys.length || xs.length < MIN_UNITS) return null;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/** Ranks from 1, tied values each given the mean of the ranks they share. */
export function ranks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const result = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && order[end + 1].value === order[start].value) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) result[order[k].index] = rank;
    start = end + 1;
  }
  return result;
}

/** Pearson's r and Spearman's ρ of the pairs. */
export function correlation(pairs: readonly { x: number; y: number }[]): Correlation {
  const xs = pairs.map((p) => p.x);
  const ys = pairs.map((p) => p.y);
  return { n: pairs.length, pearson: pearson(xs, ys), spearman: pearson(ranks(xs), ranks(ys)) };
}
