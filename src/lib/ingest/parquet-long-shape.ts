/**
 * A Parquet file in the app's long shape, described from its footer and its code columns
 * only: what a catalogue entry needs (codes per dimension with row counts, periods, flags)
 * without ever fetching the value column. Where a row group's statistics say a column holds
 * one code throughout (a file sorted by geo has one country per group), the rows are counted
 * from the footer and that column chunk is not fetched either.
 *
 * The shape: one text column per dimension (its name is the dimension id), `time` as text
 * (`2008`, `2009-01`, `2009-Q1`), `value` as a number (null where missing) and `flag` as
 * text (null where none). Any other column is a dimension, so it must be text too.
 */

import {
  parquetRead,
  parquetSchema,
  type AsyncBuffer,
  type ColumnChunk,
  type FileMetaData,
  type SchemaElement
} from 'hyparquet';
import { compressors } from 'hyparquet-compressors';

export const LONG_COLUMNS = ['time', 'value', 'flag'] as const;

export type ShapeProblem =
  | { kind: 'missing'; columns: string[] }
  | { kind: 'no-dimensions' }
  | { kind: 'not-text'; column: string }
  | { kind: 'not-number'; column: string };

export interface LongParquetShape {
  /** Dimension columns in the file's order. */
  dimensions: string[];
}

function isText(element: SchemaElement): boolean {
  if (element.type !== 'BYTE_ARRAY') return false;
  const logical = element.logical_type?.type;
  return (
    element.converted_type === 'UTF8' ||
    element.converted_type === 'ENUM' ||
    logical === 'STRING' ||
    logical === 'ENUM'
  );
}

function isNumber(element: SchemaElement): boolean {
  return ['DOUBLE', 'FLOAT', 'INT32', 'INT64'].includes(element.type ?? '');
}

/** The file's columns checked against the long shape, or what is wrong with them. */
export function longParquetShape(metadata: FileMetaData): LongParquetShape | ShapeProblem {
  const columns = parquetSchema(metadata).children.map((child) => ({
    element: child.element,
    nested: child.children.length > 0
  }));
  const byName = new Map(columns.map((c) => [c.element.name, c]));
  const missing = LONG_COLUMNS.filter((name) => !byName.has(name));
  if (missing.length > 0) return { kind: 'missing', columns: missing };
  const dimensions = columns
    .map((c) => c.element.name)
    .filter((name) => !(LONG_COLUMNS as readonly string[]).includes(name));
  if (dimensions.length === 0) return { kind: 'no-dimensions' };
  for (const name of [...dimensions, 'time', 'flag']) {
    const column = byName.get(name);
    if (!column || column.nested || !isText(column.element))
      return { kind: 'not-text', column: name };
  }
  const value = byName.get('value');
  if (!value || value.nested || !isNumber(value.element))
    return { kind: 'not-number', column: 'value' };
  return { dimensions };
}

/** Rows per distinct text, in first-seen order. */
export type Counts = Map<string, number>;

export interface LongParquetCounts {
  rowCount: number;
  /** Dimension id → rows per code, in the order of the shape's dimensions. */
  codes: Map<string, Counts>;
  periods: Counts;
  /** Rows per flag; rows without a flag are not counted. */
  flags: Counts;
}

/** What a footer says of one column chunk: every row holds `code`, or it must be read. */
export function chunkFromStatistics(
  chunk: ColumnChunk,
  groupRows: number
): { code: string; rows: number } | { empty: true } | null {
  const stats = chunk.meta_data?.statistics;
  if (!stats || stats.null_count === undefined) return null;
  const nulls = Number(stats.null_count);
  if (nulls === groupRows) return { empty: true };
  const min = stats.min_value ?? stats.min;
  const max = stats.max_value ?? stats.max;
  // A truncated bound (long strings) is not the value itself.
  if (stats.is_min_value_exact === false || stats.is_max_value_exact === false) return null;
  if (typeof min !== 'string' || min !== max) return null;
  return { code: min, rows: groupRows - nulls };
}

function add(counts: Counts, key: string, rows: number): void {
  counts.set(key, (counts.get(key) ?? 0) + rows);
}

/**
 * Counts codes, periods and flags of a long-shaped Parquet file. Each column chunk the
 * statistics cannot answer is fetched on its own, so that a small value chunk lying between
 * two wanted ones is never read along with them.
 */
export async function countLongParquet(
  file: AsyncBuffer,
  metadata: FileMetaData,
  shape: LongParquetShape
): Promise<LongParquetCounts> {
  const columns = [...shape.dimensions, 'time', 'flag'];
  const counts = new Map<string, Counts>(columns.map((c) => [c, new Map()]));
  const reads: Promise<void>[] = [];
  let groupStart = 0;
  for (const group of metadata.row_groups) {
    const groupRows = Number(group.num_rows);
    const rowStart = groupStart;
    groupStart += groupRows;
    for (const column of columns) {
      const target = counts.get(column) as Counts;
      const chunk = group.columns.find((c) => c.meta_data?.path_in_schema[0] === column);
      const known = chunk ? chunkFromStatistics(chunk, groupRows) : null;
      if (known) {
        if ('code' in known) add(target, known.code, known.rows);
        continue;
      }
      reads.push(
        parquetRead({
          file,
          metadata,
          compressors,
          columns: [column],
          rowStart,
          rowEnd: rowStart + groupRows,
          onChunk: ({ columnData }) => {
            const cells = columnData as ArrayLike<unknown>;
            for (let i = 0; i < cells.length; i++) {
              const cell = cells[i];
              if (typeof cell === 'string' && cell !== '') add(target, cell, 1);
            }
          }
        })
      );
    }
  }
  await Promise.all(reads);
  return {
    rowCount: Number(metadata.num_rows),
    codes: new Map(shape.dimensions.map((d) => [d, counts.get(d) as Counts])),
    periods: counts.get('time') as Counts,
    flags: counts.get('flag') as Counts
  };
}
