/**
 * A catalogue entry whose rows stay in a long-shaped Parquet file on the app's own origin.
 * Adding one reads the file's footer and its code columns (never the values) to describe it;
 * views then fetch only the rows they select (see remote-rows.ts).
 */

import { countLongParquet, type LongParquetCounts } from '../ingest/parquet-long-shape';
import { frequencyOf } from '$lib/model/period';
import { DIMENSION_LABELS, eurostatCodeLabel } from '../reference/eurostat-codes';
import { m } from '../i18n';
import { AS_IMPORTED, importedId, keepBothId } from './import-dataset';
import { importedStore, type SaveOutcome } from './imported-store';
import { catalogChanged, listDatasets } from './registry';
import { openRemoteParquet } from './remote-file';
import type { DatasetManifest } from '$lib/model/manifest';

/** What the user learns after asking to add a file. */
export type AddRemoteOutcome =
  | {
      kind: 'added';
      manifest: DatasetManifest;
      bytesRead: number;
      requests: number;
      saved: SaveOutcome;
    }
  | { kind: 'exists'; id: string }
  | { kind: 'failed'; message: string };

function byCode(counts: Map<string, number>): [string, number][] {
  return [...counts].sort(([a], [b]) => a.localeCompare(b));
}

/**
 * The manifest of a remote file from its counts. Geo coverage lists every geo code with rows,
 * as telling which have a value would mean reading the value column.
 */
export function remoteManifest(
  id: string,
  url: string,
  byteLength: number,
  counts: LongParquetCounts
): DatasetManifest {
  const fileName = decodeURIComponent(new URL(url).pathname.split('/').pop() || url);
  const periods = [...counts.periods.keys()].sort();
  return {
    id,
    title: fileName,
    publisher: AS_IMPORTED,
    tableCode: id,
    licence: AS_IMPORTED,
    sources: [
      { file: fileName, repository: AS_IMPORTED, path: url, commit: '', format: 'parquet' }
    ],
    combination: null,
    lastUpdate: null,
    dimensions: [...counts.codes].map(([dimension, codes]) => ({
      id: dimension,
      label: DIMENSION_LABELS[dimension] ?? dimension,
      codes: byCode(codes).map(([code, rows]) => ({
        code,
        label: eurostatCodeLabel(dimension, code) ?? code,
        rows
      }))
    })),
    time: {
      frequency: frequencyOf(periods[0] ?? ''),
      first: periods[0] ?? '',
      last: periods[periods.length - 1] ?? '',
      periods
    },
    geo: [...(counts.codes.get('geo')?.keys() ?? [])].sort(),
    rowCount: counts.rowCount,
    flagCounts: Object.fromEntries(byCode(counts.flags)),
    caveats: [],
    file: url,
    bytes: byteLength,
    origin: 'remote',
    url
  };
}

/**
 * Adds the Parquet file at `address` to the catalogue, kept with the user's imports. The id
 * comes from the file name; a name already taken gets `_2`, `_3`… (the same address twice is
 * refused instead).
 */
export async function addRemoteDataset(address: string): Promise<AddRemoteOutcome> {
  const opened = await openRemoteParquet(address);
  if ('message' in opened) return { kind: 'failed', message: opened.message };
  const { file, metadata, dimensions } = opened;
  const datasets = await listDatasets();
  const same = datasets.find((d) => d.origin === 'remote' && d.url === file.url);
  if (same) return { kind: 'exists', id: same.id };
  let counts: LongParquetCounts;
  try {
    counts = await countLongParquet(file, metadata, { dimensions });
  } catch (error) {
    return {
      kind: 'failed',
      message: m.data_remote_unreadable({
        url: file.url,
        detail: error instanceof Error ? error.message : String(error)
      })
    };
  }
  const taken = new Set(datasets.map((d) => d.id));
  const base = importedId(null, new URL(file.url).pathname);
  const id = taken.has(base) ? keepBothId(base, taken) : base;
  const manifest = remoteManifest(id, file.url, file.byteLength, counts);
  // A remote dataset keeps no rows in the browser: only its manifest is stored.
  const saved = await importedStore().save(manifest, new Uint8Array(0));
  catalogChanged();
  return {
    kind: 'added',
    manifest,
    bytesRead: file.cost.bytesRead,
    requests: file.cost.requests,
    saved
  };
}
