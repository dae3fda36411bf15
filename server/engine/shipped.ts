import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import type { DatasetManifest, Manifest } from '../../src/lib/model/manifest';
import { copyTable } from './copy-table';
import { writeManifests } from './database';

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
