import { DataType, Precision, type Field } from 'apache-arrow';

/** How a result column's cells are read and shown. */
export type ColumnKind =
  'number' | 'bigint' | 'decimal' | 'text' | 'boolean' | 'date' | 'timestamp' | 'other';

export interface ResultColumn {
  name: string;
  /** The type in DuckDB's words where there is one (VARCHAR, DOUBLE, BIGINT …). */
  type: string;
  kind: ColumnKind;
  /** Digits after the decimal point of a DECIMAL column (its cells arrive unscaled). */
  scale: number;
}

/** The part of an Arrow table the console reads: columns by position, cells on demand. */
export interface ResultTable {
  numRows: number;
  schema: { fields: Field[] };
  getChildAt(index: number): { get(row: number): unknown } | null;
}

function describe(field: Field): Omit<ResultColumn, 'name'> {
  const type = field.type;
  if (DataType.isInt(type)) {
    const names: Record<number, string> = {
      8: 'TINYINT',
      16: 'SMALLINT',
      32: 'INTEGER',
      64: 'BIGINT'
    };
    const name = `${type.isSigned ? '' : 'U'}${names[type.bitWidth] ?? 'INTEGER'}`;
    return { type: name, kind: type.bitWidth === 64 ? 'bigint' : 'number', scale: 0 };
  }
  if (DataType.isFloat(type))
    return {
      type: type.precision === Precision.DOUBLE ? 'DOUBLE' : 'FLOAT',
      kind: 'number',
      scale: 0
    };
  if (DataType.isDecimal(type))
    return { type: `DECIMAL(${type.precision},${type.scale})`, kind: 'decimal', scale: type.scale };
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type))
    return { type: 'VARCHAR', kind: 'text', scale: 0 };
  if (DataType.isBool(type)) return { type: 'BOOLEAN', kind: 'boolean', scale: 0 };
  if (DataType.isDate(type)) return { type: 'DATE', kind: 'date', scale: 0 };
  if (DataType.isTimestamp(type)) return { type: 'TIMESTAMP', kind: 'timestamp', scale: 0 };
  return { type: String(type), kind: 'other', scale: 0 };
}

export function resultColumns(table: ResultTable): ResultColumn[] {
  return table.schema.fields.map((field) => ({ name: field.name, ...describe(field) }));
}

export function isNumeric(column: ResultColumn): boolean {
  return column.kind === 'number' || column.kind === 'bigint' || column.kind === 'decimal';
}

/** A numeric cell as a JavaScript number (null for NULL); exact up to 2^53. */
export function cellNumber(value: unknown, column: ResultColumn): number | null {
  if (value === null || value === undefined) return null;
  if (column.kind === 'decimal') return Number(String(value)) / 10 ** column.scale;
  return Number(value);
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * A cell as the grid shows it, or null for SQL NULL (which the grid marks apart from an
 * empty string). Numbers go through `formatNumber`, so they follow the interface language.
 */
export function cellText(
  value: unknown,
  column: ResultColumn,
  formatNumber: (n: number) => string
): string | null {
  if (value === null || value === undefined) return null;
  switch (column.kind) {
    case 'number':
      return formatNumber(Number(value));
    case 'bigint': {
      const big = BigInt(value as bigint);
      const safe =
        big <= BigInt(Number.MAX_SAFE_INTEGER) && big >= -BigInt(Number.MAX_SAFE_INTEGER);
      return safe ? formatNumber(Number(big)) : big.toString();
    }
    case 'decimal':
      return formatNumber(cellNumber(value, column) as number);
    case 'date':
      return isoDate(Number(value));
    case 'timestamp':
      return new Date(Number(value)).toISOString().slice(0, 19).replace('T', ' ');
    case 'text':
    case 'boolean':
      return String(value);
    default:
      return JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? v.toString() : v));
  }
}
