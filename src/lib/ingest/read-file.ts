/**
 * Any file a user brings, to the long shape: detect the format from the content, unpack
 * gzip, and hand the bytes to the one reader that fits. Tables without an agreed layout (CSV,
 * TSV, Parquet) first come back as a PlainTable so the user can map their columns.
 */

import { gunzipSync } from 'fflate';
import { detectFormat } from './detect';
import { readEurostatCsvExport } from './eurostat-csv-export';
import { readEurostatTsv } from './eurostat-tsv';
import { readFrontexIbc } from './frontex-xlsx';
import { readJsonStat } from './jsonstat';
import { readParquet, sniffParquet } from './parquet';
import type { ColumnMapping, PlainTable } from './column-mapping';
import { readPlainCsv, sniffPlainCsv } from './plain-csv';
import { readSdmxCsv } from './sdmx-csv';
import { readUnodcXlsx } from './unodc-xlsx';
import { readWorldBankCsv, readWorldBankJson } from './worldbank';
import type { SourceFormat } from '$lib/model/manifest';
import { IngestError, type LongDataset } from './types';

export type FileReading =
  { kind: 'dataset'; dataset: LongDataset } | { kind: 'mapping'; table: PlainTable };

const READERS: Partial<Record<SourceFormat, (bytes: Uint8Array, fileName: string) => LongDataset>> =
  {
    'eurostat-tsv': readEurostatTsv,
    jsonstat: readJsonStat,
    'sdmx-csv': readSdmxCsv,
    'eurostat-csv-export': readEurostatCsvExport,
    'worldbank-json': readWorldBankJson,
    'worldbank-csv': readWorldBankCsv,
    'unodc-xlsx': readUnodcXlsx,
    'frontex-xlsx': readFrontexIbc
  };

function gunzip(bytes: Uint8Array, fileName: string): Uint8Array {
  try {
    return gunzipSync(bytes);
  } catch (error) {
    throw new IngestError(
      fileName,
      `the gzip data cannot be unpacked (${error instanceof Error ? error.message : String(error)}); the file may be truncated`,
      'gzip stream',
      'a complete .gz file'
    );
  }
}

/**
 * Reads a file. `mapping` is the user's answer for a plain table; without it a plain table
 * comes back for mapping. `onProgress` gets the fraction read where the reader can tell.
 */
export async function readImportFile(
  input: Uint8Array,
  fileName: string,
  mapping: ColumnMapping | null,
  onProgress?: (fraction: number) => void
): Promise<FileReading> {
  let bytes = input;
  let name = fileName;
  let format = detectFormat(bytes, name);
  if (format === 'gzip') {
    bytes = gunzip(bytes, name);
    name = name.replace(/\.gz$/i, '');
    format = detectFormat(bytes, name);
    if (format === 'gzip')
      throw new IngestError(
        fileName,
        'the file is gzip inside gzip',
        'gzip stream',
        'one layer of gzip'
      );
  }
  if (format === 'csv') {
    if (!mapping) return { kind: 'mapping', table: sniffPlainCsv(bytes, name) };
    return { kind: 'dataset', dataset: readPlainCsv(bytes, name, mapping, onProgress) };
  }
  if (format === 'parquet') {
    if (!mapping) return { kind: 'mapping', table: await sniffParquet(bytes, name) };
    return { kind: 'dataset', dataset: await readParquet(bytes, name, mapping) };
  }
  const reader = READERS[format];
  if (!reader) throw new IngestError(name, `no reader for ${format}`, null, null);
  return { kind: 'dataset', dataset: reader(bytes, name) };
}
