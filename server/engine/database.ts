import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance, version, type DuckDBConnection } from '@duckdb/node-api';
import type { DatasetManifest, Manifest } from '../../src/lib/model/manifest';
import type { EngineLimits } from './limits';

/** Where the service's datasets live. */
export type DatabaseSource =
  /** A DuckDB file, opened read-only. */
  | { kind: 'file'; file: string }
  /** A folder of long-shaped `<id>.parquet` files with a manifest.json naming them. */
  | { kind: 'parquet'; folder: string }
  /** A MotherDuck database (`md:name`), the token taken from the environment. */
  | { kind: 'motherduck'; database: string };

/** What GET /datasets says about the engine that holds the datasets. */
export interface EngineDescription {
  engine: 'duckdb';
  /** DuckDB's version, e.g. v1.5.6. */
  version: string;
  source: DatabaseSource['kind'];
}

export interface HeldDatabase {
  instance: DuckDBInstance;
  manifests: DatasetManifest[];
  description: EngineDescription;
  close(): Promise<void>;
}

/**
 * A DuckDB file made for the service keeps the manifests of its tables beside them, so the
 * file alone is a servable dataset collection: one row per dataset, the manifest as JSON.
 */
export const MANIFEST_TABLE = 'cooperare.manifests';

export async function writeManifests(
  connection: DuckDBConnection,
  manifests: DatasetManifest[]
): Promise<void> {
  await connection.run('CREATE SCHEMA IF NOT EXISTS cooperare');
  await connection.run(
    `CREATE OR REPLACE TABLE ${MANIFEST_TABLE} (id VARCHAR PRIMARY KEY, manifest VARCHAR NOT NULL)`
  );
  const appender = await connection.createAppender('manifests', 'cooperare');
  for (const manifest of manifests) {
    appender.appendVarchar(manifest.id);
    appender.appendVarchar(JSON.stringify(manifest));
    appender.endRow();
  }
  appender.closeSync();
}

async function readManifests(connection: DuckDBConnection): Promise<DatasetManifest[]> {
  const exists = await connection.runAndReadAll(
    "SELECT 1 FROM duckdb_tables() WHERE schema_name = 'cooperare' AND table_name = 'manifests'"
  );
  if (exists.currentRowCount === 0) return [];
  const reader = await connection.runAndReadAll(
    `SELECT manifest FROM ${MANIFEST_TABLE} ORDER BY id`
  );
  return reader.getRowsJS().map(([json]) => JSON.parse(String(json)) as DatasetManifest);
}

/** Only datasets whose table the database really holds are listed. */
async function heldManifests(connection: DuckDBConnection, manifests: DatasetManifest[]) {
  const reader = await connection.runAndReadAll(
    "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' " +
      "UNION SELECT view_name FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal"
  );
  const tables = new Set(reader.getRowsJS().map(([name]) => String(name)));
  return manifests.filter((m) => tables.has(m.id));
}

/**
 * The lock-down, in this order: settings first, then external access off (the Parquet views
 * are bound by then and stay readable through allowed_directories), then the configuration
 * locked, so no statement can undo any of it.
 */
async function lockDown(connection: DuckDBConnection, limits: EngineLimits): Promise<void> {
  await connection.run(`SET memory_limit = '${limits.memoryLimit.replaceAll("'", '')}'`);
  await connection.run(`SET threads = ${Math.max(1, Math.floor(limits.threads))}`);
  await connection.run('SET autoinstall_known_extensions = false');
  await connection.run('SET autoload_known_extensions = false');
  await connection.run('SET allow_community_extensions = false');
  await connection.run('SET enable_external_access = false');
  await connection.run('SET lock_configuration = true');
}

const READ_ONLY = { access_mode: 'READ_ONLY' };

/**
 * A Parquet folder is served through views in a small DuckDB file of their own, made here
 * and reopened read-only: the service then runs on a read-only database whatever the
 * source. The views cast `value` to DOUBLE, since the long shape allows integer values.
 */
async function parquetViews(folder: string): Promise<{ file: string; manifests: Manifest }> {
  const manifestFile = path.join(folder, 'manifest.json');
  const manifests = await readFile(manifestFile, 'utf8')
    .then((text) => JSON.parse(text) as Manifest)
    .catch((error: Error) => {
      throw new Error(
        `Cannot read ${manifestFile} (${error.message}); a Parquet folder needs a manifest.json ` +
          'listing its datasets, in the shape of datasets/manifest.json.'
      );
    });
  const files = new Set(await readdir(folder));
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cooperare-engine-'));
  const file = path.join(dir, 'views.duckdb');
  const instance = await DuckDBInstance.create(file);
  const connection = await instance.connect();
  try {
    for (const dataset of manifests.datasets) {
      const parquet = `${dataset.id}.parquet`;
      if (!files.has(parquet)) {
        throw new Error(`${path.join(folder, parquet)} is missing; manifest.json lists it.`);
      }
      const columns = [...dataset.dimensions.map((d) => d.id), 'time']
        .map((c) => `"${c.replaceAll('"', '""')}"`)
        .join(', ');
      const source = path.join(path.resolve(folder), parquet).replaceAll("'", "''");
      await connection.run(
        `CREATE VIEW "${dataset.id.replaceAll('"', '""')}" AS SELECT ${columns}, ` +
          `CAST(value AS DOUBLE) AS value, flag FROM read_parquet('${source}')`
      );
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return { file, manifests };
}

/** Opens the source read-only and locks it down; the caller serves the returned database. */
export async function openDatabase(
  source: DatabaseSource,
  limits: EngineLimits
): Promise<HeldDatabase> {
  const description: EngineDescription = {
    engine: 'duckdb',
    version: version(),
    source: source.kind
  };
  if (source.kind === 'file') {
    return heldDatabase(await DuckDBInstance.create(source.file, READ_ONLY), description, limits);
  }
  if (source.kind === 'parquet') {
    const { file, manifests } = await parquetViews(source.folder);
    const instance = await DuckDBInstance.create(file, READ_ONLY);
    const connection = await instance.connect();
    const close = async () => {
      instance.closeSync();
      await rm(path.dirname(file), { recursive: true, force: true });
    };
    try {
      const folder = `${path.resolve(source.folder)}${path.sep}`.replaceAll("'", "''");
      await connection.run(`SET allowed_directories = ['${folder}']`);
      const held = await heldManifests(connection, manifests.datasets);
      await lockDown(connection, limits);
      return { instance, manifests: held, description, close };
    } catch (error) {
      await close();
      throw error;
    } finally {
      connection.closeSync();
    }
  }
  if (!process.env.MOTHERDUCK_TOKEN && !process.env.motherduck_token) {
    throw new Error('Set MOTHERDUCK_TOKEN to a MotherDuck access token to serve an md: database.');
  }
  // The MotherDuck extension is installed and loaded from the network here, before the
  // lock-down turns installing and loading off; it reads the token from the environment.
  return heldDatabase(await DuckDBInstance.create(source.database), description, limits);
}

/** A database whose manifests it keeps itself (a DuckDB file, MotherDuck), locked down. */
async function heldDatabase(
  instance: DuckDBInstance,
  description: EngineDescription,
  limits: EngineLimits
): Promise<HeldDatabase> {
  const connection = await instance.connect();
  try {
    const manifests = await heldManifests(connection, await readManifests(connection));
    await lockDown(connection, limits);
    return { instance, manifests, description, close: async () => instance.closeSync() };
  } finally {
    connection.closeSync();
  }
}
