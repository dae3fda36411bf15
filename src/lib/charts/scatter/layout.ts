/** One point of the scatter as drawn: a unit, its two values, an optional size, its words. */
export interface ScatterMark {
  key: string;
  /** The unit's name, written beside labelled points. */
  label: string;
  x: number;
  y: number;
  size: number | null;
  xFlag: string | null;
  yFlag: string | null;
  /** What hover and screen readers say: the unit, its period and its values with flags. */
  title: string;
}

/**
 * The domain of an axis: the values' extent, stretched to zero when all lie on one side of it
 * (rates and counts are read from zero); one value gets a span around it.
 */
export function extentWithZero(values: readonly number[]): [number, number] {
  if (values.length === 0) return [0, 1];
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  return low === high ? [low - 1, high + 1] : [low, high];
}

/**
 * Points in the order they are painted: SVG paints later over earlier, so labelled units come
 * last and stay visible where points overlap. Tab order follows it too, so it never changes
 * while a point has the focus.
 */
export function pointsInDrawingOrder<T extends { key: string }>(
  points: readonly T[],
  labelled: ReadonlySet<string>
): T[] {
  const rank = (p: T) => (labelled.has(p.key) ? 1 : 0);
  return [...points].sort((a, b) => rank(a) - rank(b));
}

/** A row of the table under the chart: a unit's values in one period, each with its flag. */
export interface ScatterTableRow {
  key: string;
  label: string;
  period: string;
  values: { value: number | null; flag: string | null }[];
}
