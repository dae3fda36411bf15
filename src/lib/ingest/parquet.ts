/**
 * Parquet files, read in JavaScript with hyparquet: duckdb-wasm's own Parquet reader is an
 * extension it would have to download, and the app works offline. A Parquet file is a table
 * of named columns like a CSV, so it goes through the same column mapping.
 */

import { parquetMetadata, parquetRead, parquetSchema } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { tableCodeFromFileName } from './eurostat-common';
import type { ColumnMapping, PlainTable } from './column-mapping';
import { createMappedRows } from './mapped-rows';
import { IngestError, type LongDataset } from './types';

const SAMPLE_ROWS = 5;
const EXPECTED = 'a Parquet file with one column per dimension, a period column and a value column';

function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? (bytes.buffer as ArrayBuffer)
    : (bytes.slice().buffer as ArrayBuffer);
}

/** A cell as text, the way the CSV path sees it; numbers keep every digit. */
function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'number' && Number.isNaN(cell)) return '';
  return String(cell);
}

function columnNames(buffer: ArrayBuffer, fileName: string) {
  try {
    const metadata = parquetMetadata(buffer);
    const names = parquetSchema(metadata).children.map((child) => child.element.name);
    return { metadata, names };
  } catch (error) {
    throw new IngestError(
      fileName,
      `the Parquet file cannot be read: ${error instanceof Error ? error.message : String(error)}`,
      'file footer',
      EXPECTED
    );
  }
}

async function readRows(
  buffer: ArrayBuffer,
  fileName: string,
  rowEnd?: number
): Promise<unknown[][]> {
  const { metadata } = columnNames(buffer, fileName);
  let rows: unknown[][] = [];
  try {
    await parquetRead({
      file: buffer,
      metadata,
      compressors,
      rowEnd,
      onComplete: (result: unknown[][]) => {
        rows = result;
      }
    });
  } catch (error) {
    throw new IngestError(
      fileName,
      `the Parquet data cannot be read: ${error instanceof Error ? error.message : String(error)}`,
      'row groups',
      EXPECTED
    );
  }
  return rows;
}

/** The column names and first rows of a Parquet file, for the mapping form. */
export async function sniffParquet(bytes: Uint8Array, fileName: string): Promise<PlainTable> {
  const buffer = arrayBufferOf(bytes);
  const { names } = columnNames(buffer, fileName);
  const rows = await readRows(buffer, fileName, SAMPLE_ROWS);
  return {
    fileName,
    format: 'parquet',
    delimiter: ',',
    header: names,
    sample: rows.map((row) => row.map(cellText))
  };
}

/** Reads a Parquet file with the user's mapping into the long shape. */
export async function readParquet(
  bytes: Uint8Array,
  fileName: string,
  mapping: ColumnMapping
): Promise<LongDataset> {
  const buffer = arrayBufferOf(bytes);
  const { names } = columnNames(buffer, fileName);
  const table = createMappedRows(names, mapping, fileName, null, 'row');
  const rows = await readRows(buffer, fileName);
  rows.forEach((row, r) => table.add(row.map(cellText), r + 1));
  return table.build({
    format: 'parquet',
    tableCode: tableCodeFromFileName(fileName),
    title: null
  });
}
