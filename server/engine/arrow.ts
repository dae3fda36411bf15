import {
  Bool,
  DateDay,
  Float32,
  Float64,
  Int16,
  Int32,
  Int64,
  Int8,
  Table,
  type Int,
  TimestampMicrosecond,
  Uint16,
  Uint32,
  Uint64,
  Uint8,
  Utf8,
  makeData,
  makeVector,
  tableToIPC,
  type DataType,
  type Vector
} from 'apache-arrow';
import {
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBTimestampMillisecondsValue,
  DuckDBTimestampNanosecondsValue,
  DuckDBTimestampSecondsValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  DuckDBTypeId,
  type DuckDBResult,
  type DuckDBType,
  type DuckDBValue
} from '@duckdb/node-api';

/** The result passed one of the service's caps; the message says which and what to do. */
export class ResultTooLarge extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ResultTooLarge';
  }
}

export interface ResultCaps {
  maxRows: number;
  maxBytes: number;
}

/**
 * How one DuckDB column becomes an Arrow column: the values kept while chunks arrive (and
 * their size, so a growing result is stopped before it is built), then the vector. Vectors
 * are laid out by hand: Arrow's builders take about 10 µs a string, 2 s for the 200,000
 * rows of the largest shipped table.
 */
interface ColumnPlan {
  type: DataType;
  keep(value: DuckDBValue): unknown;
  bytes(kept: unknown): number;
  vector(values: unknown[]): Vector;
}

type TypedArray =
  | Int8Array
  | Int16Array
  | Int32Array
  | Uint8Array
  | Uint16Array
  | Uint32Array
  | Float32Array
  | Float64Array
  | BigInt64Array
  | BigUint64Array;

/** Arrow's validity bitmap for `values`, or null when none is null. */
function validity(values: unknown[]): { nullCount: number; nullBitmap: Uint8Array | null } {
  const bitmap = new Uint8Array(Math.ceil(values.length / 8));
  let nullCount = 0;
  values.forEach((value, row) => {
    if (value === null) nullCount++;
    else bitmap[row >> 3] |= 1 << (row & 7);
  });
  return { nullCount, nullBitmap: nullCount > 0 ? bitmap : null };
}

/** A fixed-width column: each kept value (or null) written into a typed array. */
function fixed<T extends TypedArray>(
  type: DataType,
  make: (length: number) => T,
  keep: (value: DuckDBValue) => T[number]
): ColumnPlan {
  return {
    type,
    keep: (value) => (value === null ? null : keep(value)),
    bytes: () => make(0).BYTES_PER_ELEMENT,
    vector: (values) => {
      const data = make(values.length);
      values.forEach((value, row) => {
        if (value !== null) data[row] = value as T[number];
      });
      // makeData is typed per type family; every family here has the one layout of a
      // typed array of values and a validity bitmap.
      const props = { type: type as Int, length: values.length, ...validity(values) };
      return makeVector(makeData({ ...props, data: data as unknown as Int['TArray'] }));
    }
  };
}

/**
 * Strings as one UTF-8 buffer and their offsets. Node's Buffer writes them about ten times
 * faster than a TextEncoder making one array per string.
 */
function utf8Vector(values: (string | null)[]): Vector {
  const valueOffsets = new Int32Array(values.length + 1);
  let end = 0;
  values.forEach((value, row) => {
    if (value !== null) end += Buffer.byteLength(value);
    valueOffsets[row + 1] = end;
  });
  const data = Buffer.allocUnsafe(end);
  values.forEach((value, row) => {
    if (value !== null) data.write(value, valueOffsets[row]);
  });
  const props = { type: new Utf8(), length: values.length, ...validity(values), valueOffsets };
  return makeVector(makeData({ ...props, data }));
}

const text = (show: (value: DuckDBValue) => string): ColumnPlan => ({
  type: new Utf8(),
  keep: (value) => (value === null ? null : show(value)),
  bytes: (kept) => 4 + (typeof kept === 'string' ? kept.length : 0),
  vector: (values) => utf8Vector(values as (string | null)[])
});

const number = (value: DuckDBValue) => value as number;
const bigint = (value: DuckDBValue) => value as bigint;

const BOOL: ColumnPlan = {
  type: new Bool(),
  keep: (value) => value,
  bytes: () => 1,
  vector: (values) => {
    const data = new Uint8Array(Math.ceil(values.length / 8));
    values.forEach((value, row) => {
      if (value === true) data[row >> 3] |= 1 << (row & 7);
    });
    return makeVector(
      makeData({ type: new Bool(), length: values.length, ...validity(values), data })
    );
  }
};

/** Microseconds since the epoch, the unit duckdb-wasm sends timestamps in. */
function micros(value: DuckDBValue): bigint {
  if (value instanceof DuckDBTimestampValue || value instanceof DuckDBTimestampTZValue)
    return value.micros;
  if (value instanceof DuckDBTimestampSecondsValue) return value.seconds * 1_000_000n;
  if (value instanceof DuckDBTimestampMillisecondsValue) return value.millis * 1000n;
  if (value instanceof DuckDBTimestampNanosecondsValue) return value.nanos / 1000n;
  throw new Error(`Expected a timestamp, got ${String(value)}`);
}

/**
 * The Arrow type each DuckDB type is sent as. Integers, doubles, text, booleans, dates and
 * timestamps keep their kind as duckdb-wasm gives them to the browser; DECIMAL and the
 * 128-bit integers (which sum() of a BIGINT returns) become doubles, since the app reads
 * numbers, not Arrow's decimal words; anything else is sent as its text.
 */
function planFor(type: DuckDBType): ColumnPlan {
  switch (type.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return BOOL;
    case DuckDBTypeId.TINYINT:
      return fixed(new Int8(), (n) => new Int8Array(n), number);
    case DuckDBTypeId.SMALLINT:
      return fixed(new Int16(), (n) => new Int16Array(n), number);
    case DuckDBTypeId.INTEGER:
      return fixed(new Int32(), (n) => new Int32Array(n), number);
    case DuckDBTypeId.BIGINT:
      return fixed(new Int64(), (n) => new BigInt64Array(n), bigint);
    case DuckDBTypeId.UTINYINT:
      return fixed(new Uint8(), (n) => new Uint8Array(n), number);
    case DuckDBTypeId.USMALLINT:
      return fixed(new Uint16(), (n) => new Uint16Array(n), number);
    case DuckDBTypeId.UINTEGER:
      return fixed(new Uint32(), (n) => new Uint32Array(n), number);
    case DuckDBTypeId.UBIGINT:
      return fixed(new Uint64(), (n) => new BigUint64Array(n), bigint);
    case DuckDBTypeId.FLOAT:
      return fixed(new Float32(), (n) => new Float32Array(n), number);
    case DuckDBTypeId.DOUBLE:
      return fixed(new Float64(), (n) => new Float64Array(n), number);
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
      return fixed(
        new Float64(),
        (n) => new Float64Array(n),
        (v) => Number(v)
      );
    case DuckDBTypeId.DECIMAL:
      return fixed(
        new Float64(),
        (n) => new Float64Array(n),
        (v) => (v as DuckDBDecimalValue).toDouble()
      );
    case DuckDBTypeId.VARCHAR:
      return text((v) => v as string);
    case DuckDBTypeId.DATE:
      return fixed(
        new DateDay(),
        (n) => new Int32Array(n),
        (v) => (v as DuckDBDateValue).days
      );
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_NS:
      return fixed(new TimestampMicrosecond(), (n) => new BigInt64Array(n), micros);
    case DuckDBTypeId.TIMESTAMP_TZ:
      return fixed(new TimestampMicrosecond('UTC'), (n) => new BigInt64Array(n), micros);
    default:
      return text(String);
  }
}

/**
 * Reads a streamed DuckDB result into an Arrow table, chunk by chunk, and stops as soon as
 * the rows or their estimated size pass the caps: a result too large to send is never built
 * whole. Duplicate column names (SELECT 1 AS a, 2 AS a) get DuckDB's own suffixes.
 */
export async function resultToArrow(result: DuckDBResult, caps: ResultCaps): Promise<Table> {
  const names = result.deduplicatedColumnNames();
  const plans = result.columnTypes().map(planFor);
  const columns: unknown[][] = plans.map(() => []);
  let rows = 0;
  let bytes = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    rows += chunk.rowCount;
    if (rows > caps.maxRows) {
      throw new ResultTooLarge(
        `The result has more than ${caps.maxRows.toLocaleString('en')} rows, the most this ` +
          'server sends; add a filter, an aggregate or a LIMIT.'
      );
    }
    plans.forEach((plan, i) => {
      for (const value of chunk.getColumnValues(i)) {
        const kept = plan.keep(value);
        bytes += plan.bytes(kept);
        columns[i].push(kept);
      }
    });
    if (bytes > caps.maxBytes) throw tooManyBytes(caps.maxBytes);
  }
  const vectors: Record<string, Vector> = {};
  names.forEach((name, i) => (vectors[name] = plans[i].vector(columns[i])));
  return new Table(vectors);
}

function tooManyBytes(maxBytes: number): ResultTooLarge {
  return new ResultTooLarge(
    `The result is larger than ${Math.round(maxBytes / 2 ** 20)} MB, the most this server ` +
      'sends; select fewer columns, add a filter, an aggregate or a LIMIT.'
  );
}

/** The Arrow IPC stream the protocol answers with, checked against the byte cap. */
export function arrowStream(table: Table, caps: ResultCaps): Uint8Array {
  const ipc = tableToIPC(table, 'stream');
  if (ipc.byteLength > caps.maxBytes) throw tooManyBytes(caps.maxBytes);
  return ipc;
}
