import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { DataType, type Field, type Table } from 'apache-arrow';
import { quoteIdent } from '../../src/lib/db/engine';

/** DuckDB column type and appender call for each column kind of the shipped Arrow files. */
interface ColumnWriter {
  sqlType: string;
  append(appender: DuckDBAppender, value: unknown): void;
}

const TEXT: ColumnWriter = {
  sqlType: 'VARCHAR',
  append: (appender, value) => appender.appendVarchar(String(value))
};
const NUMBER: ColumnWriter = {
  sqlType: 'DOUBLE',
  append: (appender, value) => appender.appendDouble(Number(value))
};

/**
 * The long shape stores codes and periods as (dictionary-encoded) text and values as
 * floating point; duckdb-wasm loads them as VARCHAR and DOUBLE, and so does this copy, so
 * the same SQL gives the same answer on both engines.
 */
function writerFor(field: Field): ColumnWriter {
  const type = DataType.isDictionary(field.type) ? field.type.dictionary : field.type;
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) return TEXT;
  if (DataType.isFloat(type) || DataType.isInt(type)) return NUMBER;
  throw new Error(
    `Column ${field.name} has type ${String(field.type)}, not one of the long shape.`
  );
}

/**
 * Creates table `name` (in `catalog`'s main schema, or the connection's default) holding the
 * rows of an Arrow table of the long shape.
 */
export async function copyTable(
  connection: DuckDBConnection,
  name: string,
  table: Table,
  catalog?: string
): Promise<void> {
  const fields = table.schema.fields;
  const writers = fields.map(writerFor);
  await connection.run(
    `CREATE TABLE ${catalog ? `${quoteIdent(catalog)}.main.` : ''}${quoteIdent(name)} (${fields.map((f, i) => `${quoteIdent(f.name)} ${writers[i].sqlType}`).join(', ')})`
  );
  const columns = fields.map((f) => table.getChild(f.name)!);
  const appender = await connection.createAppender(name, catalog ? 'main' : null, catalog ?? null);
  for (let row = 0; row < table.numRows; row++) {
    columns.forEach((column, i) => {
      const value = column.get(row);
      if (value === null || value === undefined) appender.appendNull();
      else writers[i].append(appender, value);
    });
    appender.endRow();
  }
  appender.closeSync();
}
