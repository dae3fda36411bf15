/** Height of one line of an end label, in pixels. */
export const END_LABEL_LINE = 14;

/**
 * Places end-of-line labels so they do not overlap: keeps each as close as possible to its
 * line's last value, pushing neighbours apart by at least `gap` pixels a line, within
 * [min, max]. `lines` gives how many lines each label takes (one where absent); a label's
 * position is that of its first line.
 */
export function dodgeLabels(
  wanted: readonly number[],
  gap: number,
  min: number,
  max: number,
  lines: readonly number[] = []
): number[] {
  const order = wanted.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  const height = (k: number) => gap * (lines[order[k].i] ?? 1);
  const placed = order.map((entry) => entry.y);
  for (let k = 1; k < placed.length; k++)
    placed[k] = Math.max(placed[k], placed[k - 1] + height(k - 1));
  const last = placed.length - 1;
  const overflow = last >= 0 ? placed[last] + height(last) - gap - max : 0;
  if (overflow > 0) {
    placed[last] -= overflow;
    for (let k = last - 1; k >= 0; k--) placed[k] = Math.min(placed[k], placed[k + 1] - height(k));
  }
  for (let k = 0; k < placed.length; k++) placed[k] = Math.max(placed[k], min);
  const result = new Array<number>(wanted.length);
  order.forEach((entry, k) => (result[entry.i] = placed[k]));
  return result;
}

/**
 * The y of each end label, dodged only among labels that end at the same x: a series that
 * stops early (Norway's burglaries in 2014) is labelled beside its own last point, and only
 * labels standing in the same column can overlap. `ends` holds each label's x (null for a
 * series with nothing drawn) and its wanted y.
 */
export function dodgeEndLabels(
  ends: readonly { x: number | null; y: number }[],
  gap: number,
  min: number,
  max: number,
  lines: readonly number[] = []
): number[] {
  const result = ends.map((end) => end.y);
  const columns = new Map<number, number[]>();
  ends.forEach((end, i) => {
    if (end.x === null) return;
    const column = columns.get(end.x);
    if (column) column.push(i);
    else columns.set(end.x, [i]);
  });
  for (const members of columns.values()) {
    const placed = dodgeLabels(
      members.map((i) => ends[i].y),
      gap,
      min,
      max,
      members.map((i) => lines[i] ?? 1)
    );
    members.forEach((i, k) => (result[i] = placed[k]));
  }
  return result;
}
