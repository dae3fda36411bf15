import { readFileSync } from 'node:fs';
import path from 'node:path';
import { IngestError, type LongDataset } from '../../../src/lib/ingest/types';

/** The published files beside the project (never copied into it). */
export const SHARED_DATASETS = path.resolve(process.cwd(), '../shared/datasets');

/** The bytes of a shared data file, as a reader receives them in the browser. */
export function sharedBytes(relativePath: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(SHARED_DATASETS, relativePath)));
}

/** The bytes of a fixture under tests/fixtures. */
export function fixtureBytes(relativePath: string): Uint8Array {
  return new Uint8Array(readFileSync(path.resolve(process.cwd(), 'tests/fixtures', relativePath)));
}

/** Bytes of a small inline file, for cases made up in a test. */
export function textBytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/**
 * Every row with these dimension codes and period, as { value, flag }: none when the reader
 * dropped the cell, two when it doubled one. Fails the test on a dimension the dataset lacks.
 */
export function cells(
  dataset: LongDataset,
  codes: Record<string, string>,
  time: string
): { value: number; flag: string | null }[] {
  const columns = Object.entries(codes).map(([id, code]) => {
    const d = dataset.dimensions.findIndex((dimension) => dimension.id === id);
    if (d === -1) throw new Error(`no dimension ${id} in ${dataset.fileName}`);
    return { column: dataset.codes[d], code };
  });
  const found: { value: number; flag: string | null }[] = [];
  for (let row = 0; row < dataset.rowCount; row++)
    if (dataset.time[row] === time && columns.every(({ column, code }) => column[row] === code))
      found.push({ value: dataset.value[row], flag: dataset.flag[row] });
  return found;
}

/**
 * The one observation with these dimension codes and period: its value and flag. Fails the
 * test when there is none or more than one, which would mean the reader lost or doubled a row.
 */
export function observation(
  dataset: LongDataset,
  codes: Record<string, string>,
  time: string
): { value: number; flag: string | null } {
  const found = cells(dataset, codes, time);
  if (found.length !== 1)
    throw new Error(
      `${found.length} rows for ${JSON.stringify(codes)} ${time} in ${dataset.fileName}`
    );
  return found[0];
}

/** The error a reader throws for these bytes (fails when it throws none). */
export function errorOf(read: () => unknown): Error {
  try {
    read();
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  }
  throw new Error('the reader accepted input it should have rejected');
}

/**
 * The error a reader throws for these bytes, which must be an IngestError: anything else (a
 * TypeError, say) is a bug the user would see as a crash, so it fails the test as it is.
 */
export function ingestErrorOf(read: () => unknown): IngestError {
  const error = errorOf(read);
  if (error instanceof IngestError) return error;
  throw error;
}
