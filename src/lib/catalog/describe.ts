import { encodedColumns, entryCounts, type EncodedColumn } from '../ingest/encoded';
import type { LongDataset } from '../ingest/types';
import { frequencyOf } from '$lib/model/period';
import type { DatasetManifest } from '$lib/model/manifest';

/** The part of a manifest entry that is counted from the data itself. */
export type DatasetDescription = Pick<
  DatasetManifest,
  'dimensions' | 'time' | 'geo' | 'rowCount' | 'flagCounts'
>;

/**
 * Counts codes, periods, geo coverage and flags of a long dataset, deterministically. Works on
 * the dictionary form of the columns (ingest/encoded.ts): per row it only adds up integers.
 */
export function describeLongDataset(dataset: LongDataset): DatasetDescription {
  const encoded = encodedColumns(dataset);
  const dimensions = dataset.dimensions.map((dimension, i) => {
    const counts = countsByValue(encoded.codes[i]);
    return {
      id: dimension.id,
      label: dimension.label,
      codes: [...dimension.codes]
        .filter(([code]) => counts.has(code))
        .map(([code, label]) => ({ code, label, rows: counts.get(code) as number }))
    };
  });
  const periods = [...countsByValue(encoded.time).keys()].sort();
  const geoIndex = dataset.dimensions.findIndex((d) => d.id === 'geo');
  const geo = new Set<string>();
  if (geoIndex >= 0) {
    const { dictionary, indices } = encoded.codes[geoIndex];
    const withValue = new Uint8Array(dictionary.length);
    for (let row = 0; row < dataset.rowCount; row++)
      if (!Number.isNaN(dataset.value[row])) withValue[indices[row]] = 1;
    dictionary.forEach((code, n) => {
      if (withValue[n] && code !== null) geo.add(code);
    });
  }
  const flagCounts = Object.fromEntries(
    [...countsByValue(encoded.flag)]
      .filter(([flag]) => flag !== '')
      .sort(([a], [b]) => a.localeCompare(b))
  );
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
    flagCounts
  };
}

/** Rows per value of a column, leaving out null and values no row uses. */
function countsByValue(column: EncodedColumn): Map<string, number> {
  const perEntry = entryCounts(column);
  const counts = new Map<string, number>();
  column.dictionary.forEach((value, n) => {
    if (value !== null && perEntry[n] > 0)
      counts.set(value, (counts.get(value) ?? 0) + perEntry[n]);
  });
  return counts;
}
