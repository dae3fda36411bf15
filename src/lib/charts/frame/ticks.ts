/**
 * Ticks a log axis can label without overlap. d3 offers every 1…9 multiple of each power of
 * ten; over several decades the labels pile up. Keep 1, 2 and 5 times a power of ten, and
 * only the powers themselves when that is still more than `max`.
 */
export function logTicks(ticks: readonly number[], max = 8): number[] {
  const mantissa = (t: number) => Math.round(t / 10 ** Math.floor(Math.log10(t) + 1e-9));
  const nice = ticks.filter((t) => t > 0 && [1, 2, 5].includes(mantissa(t)));
  if (nice.length <= max) return nice;
  return nice.filter((t) => mantissa(t) === 1);
}
