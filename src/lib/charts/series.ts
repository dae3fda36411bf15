import { periodToNumber } from '$lib/model/period';
import type { ObservationRow } from '$lib/model/observation';
import { assignColours } from './palette';
import type { ChartSeries } from './types';

/**
 * Groups observation rows into chart series in the order of `keys` (the user's order),
 * each with its label and fixed colour. Keys without rows are left out.
 */
export function toChartSeries(
  rows: readonly ObservationRow[],
  keys: readonly string[],
  label: (key: string) => string
): ChartSeries[] {
  const byKey = new Map<string, ObservationRow[]>();
  for (const row of rows) {
    const list = byKey.get(row.series);
    if (list) list.push(row);
    else byKey.set(row.series, [row]);
  }
  const colours = assignColours(keys);
  return keys
    .filter((key) => byKey.has(key))
    .map((key) => ({
      key,
      label: label(key),
      color: colours.get(key) as string,
      points: (byKey.get(key) as ObservationRow[]).map((row) => ({
        period: row.period,
        x: periodToNumber(row.period),
        value: row.value,
        flag: row.flag
      }))
    }));
}
