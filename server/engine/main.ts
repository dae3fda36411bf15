/**
 * npm run engine [-- options]
 *
 * The server engine: native DuckDB behind the HTTP protocol of docs/scaling.md. With no
 * source option it serves the datasets the app ships (datasets/), copied into a DuckDB file
 * in a temporary folder at start.
 *
 *   --db FILE             a DuckDB file (opened read-only), e.g. one written by --write-shipped
 *   --parquet FOLDER      <id>.parquet files of the long shape and a manifest.json naming them
 *   --motherduck md:NAME  a MotherDuck database; the token is read from MOTHERDUCK_TOKEN
 *   --write-shipped FILE  write the shipped datasets to FILE as a DuckDB file, then exit
 *   --host 127.0.0.1      --port 4300 (0: any free port)
 *   --timeout 10          seconds a query may run      --max-rows 1000000
 *   --max-mb 64           MB of one result             --max-concurrent 4
 *   --memory-limit 2GB    DuckDB's memory limit        --threads 2
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type DatabaseSource } from './database';
import { DEFAULT_LIMITS, type EngineLimits } from './limits';
import { startService } from './service';
import { writeShippedDatabase } from './shipped';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHIPPED = path.join(root, 'datasets');

interface Options {
  source: DatabaseSource | { kind: 'shipped' };
  writeShipped: string | null;
  host: string;
  port: number;
  limits: EngineLimits;
}

const VALUE_OPTIONS = [
  'db',
  'parquet',
  'motherduck',
  'write-shipped',
  'host',
  'port',
  'timeout',
  'max-rows',
  'max-mb',
  'max-concurrent',
  'memory-limit',
  'threads'
];

/** The command line as options, or an error naming the option that is wrong. */
function parseArguments(argv: string[]): Options {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '');
    if (!argv[i].startsWith('--') || !VALUE_OPTIONS.includes(name)) {
      throw new Error(`Unknown option ${argv[i]}; see the top of server/engine/main.ts.`);
    }
    if (argv[i + 1] === undefined) throw new Error(`--${name} needs a value.`);
    values.set(name, argv[i + 1]);
  }
  const number = (name: string, fallback: number, min: number) => {
    const text = values.get(name);
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!Number.isFinite(value) || value < min) {
      throw new Error(`--${name} must be a number of at least ${min}; it is ${text}.`);
    }
    return value;
  };
  const sources = ['db', 'parquet', 'motherduck'].filter((name) => values.has(name));
  if (sources.length > 1) throw new Error('Give one of --db, --parquet or --motherduck.');
  const motherduck = values.get('motherduck');
  if (motherduck !== undefined && !motherduck.startsWith('md:')) {
    throw new Error(`--motherduck takes an md: path (md:my_database); it is ${motherduck}.`);
  }
  const source: Options['source'] = values.has('db')
    ? { kind: 'file', file: values.get('db')! }
    : values.has('parquet')
      ? { kind: 'parquet', folder: values.get('parquet')! }
      : motherduck !== undefined
        ? { kind: 'motherduck', database: motherduck }
        : { kind: 'shipped' };
  return {
    source,
    writeShipped: values.get('write-shipped') ?? null,
    host: values.get('host') ?? '127.0.0.1',
    port: number('port', 4300, 0),
    limits: {
      timeoutMs: number('timeout', DEFAULT_LIMITS.timeoutMs / 1000, 0.1) * 1000,
      maxRows: number('max-rows', DEFAULT_LIMITS.maxRows, 1),
      maxBytes: number('max-mb', DEFAULT_LIMITS.maxBytes / 2 ** 20, 0.001) * 2 ** 20,
      maxConcurrent: number('max-concurrent', DEFAULT_LIMITS.maxConcurrent, 1),
      maxBodyBytes: DEFAULT_LIMITS.maxBodyBytes,
      memoryLimit: values.get('memory-limit') ?? DEFAULT_LIMITS.memoryLimit,
      threads: number('threads', DEFAULT_LIMITS.threads, 1)
    }
  };
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  if (options.writeShipped) {
    const datasets = await writeShippedDatabase(SHIPPED, options.writeShipped);
    console.log(`Wrote ${datasets.length} shipped datasets to ${options.writeShipped}`);
    return;
  }
  let temporary: string | null = null;
  let source: DatabaseSource;
  if (options.source.kind === 'shipped') {
    temporary = await mkdtemp(path.join(os.tmpdir(), 'cooperare-engine-shipped-'));
    const file = path.join(temporary, 'shipped.duckdb');
    await writeShippedDatabase(SHIPPED, file);
    source = { kind: 'file', file };
  } else {
    source = options.source;
  }
  const service = await startService({
    open: () => openDatabase(source, options.limits, { shippedDir: SHIPPED }),
    limits: options.limits,
    host: options.host,
    port: options.port
  });
  // Asked through its own protocol, so the address printed is one known to answer.
  const response = await fetch(`${service.url}/datasets`);
  const { datasets } = (await response.json()) as { datasets: unknown[] };
  const from =
    source.kind === 'file'
      ? temporary
        ? 'the shipped datasets'
        : source.file
      : source.kind === 'parquet'
        ? source.folder
        : source.database;
  console.log(
    `Cooperare engine listening on ${service.url} (${datasets.length} datasets from ${from})`
  );
  const stop = async () => {
    await service.close();
    if (temporary) await rm(temporary, { recursive: true, force: true });
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
