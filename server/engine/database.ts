import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance, version, type DuckDBConnection } from '@duckdb/node-api';
import type { DatasetManifest, Manifest } from '../../src/lib/model/manifest';
import { quoteIdent, quoteLiteral } from '../../src/lib/db/engine';
import type { EngineLimits } from './limits';
import {
  OWN_CATALOGUE,
  attachOwnCatalogue,
  buildRunsTable,
  holdPopulation,
  runsTableName
} from './own-catalogue';

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
  /**
   * The SQL name of each dataset's table of runs of periods with data (own-catalogue.ts),
   * once built: the explorer's marks of countries with data read it instead of the dataset.
   */
  runs: ReadonlyMap<string, string>;
  /** A connection that finds the source's tables, then the own catalogue's, by plain name. */
  connect(): Promise<DuckDBConnection>;
  /** Builds the tables of runs, one dataset after another; started once the service listens. */
  buildRuns(): Promise<void>;
  close(): Promise<void>;
}

/** What the engine adds to any source, beside the limits. */
export interface HeldOptions {
  /**
   * The shipped datasets' folder, whose population table the engine holds when the source has
   * none (own-catalogue.ts); null to add nothing.
   */
  shippedDir: string | null;
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

async function readManifests(
  connection: DuckDBConnection,
  source: string
): Promise<DatasetManifest[]> {
  const exists = await connection.runAndReadAll(
    "SELECT 1 FROM duckdb_tables() WHERE schema_name = 'cooperare' AND table_name = 'manifests' " +
      `AND database_name = ${quoteLiteral(source)}`
  );
  if (exists.currentRowCount === 0) return [];
  const reader = await connection.runAndReadAll(
    `SELECT manifest FROM ${quoteIdent(source)}.${MANIFEST_TABLE} ORDER BY id`
  );
  return reader.getRowsJS().map(([json]) => JSON.parse(String(json)) as DatasetManifest);
}

/** Only datasets whose table the source really holds are listed. */
async function heldManifests(
  connection: DuckDBConnection,
  source: string,
  manifests: DatasetManifest[]
) {
  const reader = await connection.runAndReadAll(
    "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' " +
      `AND database_name = ${quoteLiteral(source)} UNION SELECT view_name FROM duckdb_views() ` +
      `WHERE schema_name = 'main' AND NOT internal AND database_name = ${quoteLiteral(source)}`
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

/** The name the source is attached under when the engine opens a file. */
const SOURCE = 'source';

/**
 * Opens the source read-only beside the engine's own in-memory catalogue, adds the
 * population table when the source has none, and locks it all down; the caller serves the
 * returned database. A DuckDB file (or the Parquet folder's views file) is attached
 * read-only to an in-memory instance, since DuckDB attaches no writable database to an
 * instance opened read-only.
 */
export async function openDatabase(
  source: DatabaseSource,
  limits: EngineLimits,
  options: HeldOptions = { shippedDir: null }
): Promise<HeldDatabase> {
  const description: EngineDescription = {
    engine: 'duckdb',
    version: version(),
    source: source.kind
  };
  if (source.kind === 'file') {
    const instance = await DuckDBInstance.create(':memory:');
    return held(instance, description, limits, options, {
      attach: source.file,
      close: async () => instance.closeSync()
    });
  }
  if (source.kind === 'parquet') {
    const { file, manifests } = await parquetViews(source.folder);
    const instance = await DuckDBInstance.create(':memory:');
    const folder = `${path.resolve(source.folder)}${path.sep}`;
    return held(instance, description, limits, options, {
      attach: file,
      manifests: manifests.datasets,
      allowedDirectory: folder,
      close: async () => {
        instance.closeSync();
        await rm(path.dirname(file), { recursive: true, force: true });
      }
    });
  }
  if (!process.env.MOTHERDUCK_TOKEN && !process.env.motherduck_token) {
    throw new Error('Set MOTHERDUCK_TOKEN to a MotherDuck access token to serve an md: database.');
  }
  // The MotherDuck extension is installed and loaded from the network here, before the
  // lock-down turns installing and loading off; it reads the token from the environment.
  const instance = await DuckDBInstance.create(source.database);
  return held(instance, description, limits, options, {
    attach: null,
    close: async () => instance.closeSync()
  });
}

interface Opening {
  /** A file to attach read-only as the source; null: the instance's own database is it. */
  attach: string | null;
  /** The manifests when the source does not keep them itself (a Parquet folder). */
  manifests?: DatasetManifest[];
  /** The one folder DuckDB may read files from (a Parquet folder's views read it). */
  allowedDirectory?: string;
  close(): Promise<void>;
}

async function held(
  instance: DuckDBInstance,
  description: EngineDescription,
  limits: EngineLimits,
  options: HeldOptions,
  opening: Opening
): Promise<HeldDatabase> {
  const setup = await instance.connect();
  let source: string;
  let manifests: DatasetManifest[];
  try {
    if (opening.attach !== null) {
      await setup.run(`ATTACH ${quoteLiteral(opening.attach)} AS ${SOURCE} (READ_ONLY)`);
      source = SOURCE;
    } else {
      const current = await setup.runAndReadAll('SELECT current_database()');
      source = String(current.getRowsJS()[0][0]);
    }
    if (opening.allowedDirectory) {
      await setup.run(`SET allowed_directories = [${quoteLiteral(opening.allowedDirectory)}]`);
    }
    manifests = await heldManifests(
      setup,
      source,
      opening.manifests ?? (await readManifests(setup, source))
    );
    await attachOwnCatalogue(setup);
    if (options.shippedDir) await holdPopulation(setup, source, options.shippedDir);
    await lockDown(setup, limits);
  } catch (error) {
    await opening.close();
    throw error;
  } finally {
    setup.closeSync();
  }
  // DuckDB's search path is a setting of each connection, not of the instance.
  const searchPath = `SET search_path = ${quoteLiteral(`${quoteIdent(source)}.main,${OWN_CATALOGUE}.main`)}`;
  const connect = async () => {
    const connection = await instance.connect();
    await connection.run(searchPath);
    return connection;
  };
  const runs = new Map<string, string>();
  let building: DuckDBConnection | null = null;
  let closed = false;
  let built: Promise<void> | null = null;
  const buildRuns = () =>
    (built ??= (async () => {
      for (const manifest of manifests) {
        if (closed) return;
        const started = performance.now();
        building = await connect();
        try {
          // Closed while this connection was opened: close() interrupted nothing.
          if (closed) return;
          const rows = await buildRunsTable(building, source, manifest);
          runs.set(manifest.id, runsTableName(manifest.id));
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          console.log(`Runs of periods with data of ${manifest.id}: ${rows} rows in ${seconds} s`);
        } catch (error) {
          // Without its runs a dataset is served as before; only its marks are missing.
          if (!closed) {
            console.error(`No runs of ${manifest.id}: ${(error as Error).message}`);
          }
        } finally {
          building.closeSync();
          building = null;
        }
      }
    })());
  return {
    instance,
    manifests,
    description,
    runs,
    connect,
    buildRuns,
    close: async () => {
      closed = true;
      (building as DuckDBConnection | null)?.interrupt();
      await built;
      await opening.close();
    }
  };
}
