import type { ProjectedValue } from '$lib/indicators/projection';
import type { FanPoint } from '../types';

/**
 * The fan as a chart draws it: it opens at the last published value (no interval there), so
 * the projection visibly continues the published line without being confused with it.
 */
export function fanFrom(
  last: { year: number; value: number },
  values: readonly ProjectedValue[]
): FanPoint[] {
  if (values.length === 0) return [];
  const { year, value } = last;
  return [
    { x: year, value, lower80: value, upper80: value, lower95: value, upper95: value },
    ...values.map((v) => ({ ...v, x: v.year }))
  ];
}
