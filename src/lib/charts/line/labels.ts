/**
 * Places end-of-line labels so they do not overlap: keeps each as close as possible to its
 * line's last value, pushing neighbours apart by at least `gap` pixels, within [min, max].
 */
export function dodgeLabels(
  wanted: readonly number[],
  gap: number,
  min: number,
  max: number
): number[] {
  const order = wanted.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  const placed = order.map((entry) => entry.y);
  for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k], placed[k - 1] + gap);
  const overflow = placed.length > 0 ? placed[placed.length - 1] - max : 0;
  if (overflow > 0) {
    placed[placed.length - 1] -= overflow;
    for (let k = placed.length - 2; k >= 0; k--)
      placed[k] = Math.min(placed[k], placed[k + 1] - gap);
  }
  for (let k = 0; k < placed.length; k++) placed[k] = Math.max(placed[k], min);
  const result = new Array<number>(wanted.length);
  order.forEach((entry, k) => (result[entry.i] = placed[k]));
  return result;
}
