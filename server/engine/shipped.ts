import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import { DataType, tableFromIPC, type Field, type Table } from 'apache-arrow';
import type { DatasetManifest, Manifest } from '../../src/lib/model/manifest';
import { writeManifests } from './database';

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

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function copyTable(connection: DuckDBConnection, name: string, table: Table): Promise<void> {
  const fields = table.schema.fields;
  const writers = fields.map(writerFor);
  await connection.run(
    `CREATE TABLE ${quote(name)} (${fields.map((f, i) => `${quote(f.name)} ${writers[i].sqlType}`).join(', ')})`
  );
  const columns = fields.map((f) => table.getChild(f.name)!);
  const appender = await connection.createAppender(name);
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

/**
 * Writes `file`, a DuckDB database holding the shipped datasets of `datasetsDir`
 * (manifest.json and its Arrow files; all of them, or those of `ids`) as tables named by
 * the datasets' ids, with their manifests beside them, so the engine serves exactly the
 * data the app ships.
 */
export async function writeShippedDatabase(
  datasetsDir: string,
  file: string,
  ids?: string[]
): Promise<DatasetManifest[]> {
  const manifest = JSON.parse(
    await readFile(path.join(datasetsDir, 'manifest.json'), 'utf8')
  ) as Manifest;
  const datasets = manifest.datasets.filter((d) => !ids || ids.includes(d.id));
  await rm(file, { force: true });
  await rm(`${file}.wal`, { force: true });
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  try {
    for (const dataset of datasets) {
      const table = tableFromIPC(await readFile(path.join(datasetsDir, dataset.file)));
      await copyTable(connection, dataset.id, table);
    }
    await writeManifests(connection, datasets);
    await connection.run('CHECKPOINT');
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return datasets;
}
