import type { LongDataset } from '../ingest/types';
import { frequencyOf } from '../query/time';
import type { DatasetManifest } from './types';

/** The part of a manifest entry that is counted from the data itself. */
export type DatasetDescription = Pick<
  DatasetManifest,
  'dimensions' | 'time' | 'geo' | 'rowCount' | 'flagCounts'
>;

/** Counts codes, periods, geo coverage and flags of a long dataset, deterministically. */
export function describeLongDataset(dataset: LongDataset): DatasetDescription {
  const dimensions = dataset.dimensions.map((dimension, i) => {
    const counts = new Map<string, number>();
    for (const code of dataset.codes[i]) counts.set(code, (counts.get(code) ?? 0) + 1);
    return {
      id: dimension.id,
      label: dimension.label,
      codes: [...dimension.codes]
        .filter(([code]) => counts.has(code))
        .map(([code, label]) => ({ code, label, rows: counts.get(code) as number }))
    };
  });
  const periods = [...new Set(dataset.time)].sort();
  const geoIndex = dataset.dimensions.findIndex((d) => d.id === 'geo');
  const geo = new Set<string>();
  const flagCounts: Record<string, number> = {};
  for (let row = 0; row < dataset.rowCount; row++) {
    if (geoIndex >= 0 && !Number.isNaN(dataset.value[row])) geo.add(dataset.codes[geoIndex][row]);
    const flag = dataset.flag[row];
    if (flag) flagCounts[flag] = (flagCounts[flag] ?? 0) + 1;
  }
  return {
    dimensions,
    time: {
      frequency: frequencyOf(periods[0] ?? ''),
      first: periods[0] ?? '',
      last: periods[periods.length - 1] ?? '',
      periods
    },
    geo: [...geo].sort(),
    rowCount: dataset.rowCount,
    flagCounts: Object.fromEntries(
      Object.entries(flagCounts).sort(([a], [b]) => a.localeCompare(b))
    )
  };
}
