import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import type { Table } from 'apache-arrow';
import { SqlError, quoteIdent, type SqlEngine } from './engine';

// Both bundles come from the app's own origin (Vite copies them into the build);
// selectBundle picks the exception-handling build where the browser supports it.
const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker }
};

class BrowserEngine implements SqlEngine {
  private readonly conn: duckdb.AsyncDuckDBConnection;

  constructor(conn: duckdb.AsyncDuckDBConnection) {
    this.conn = conn;
  }

  async query(sql: string): Promise<Table> {
    try {
      return await this.conn.query(sql);
    } catch (error) {
      throw new SqlError(error instanceof Error ? error.message : String(error), sql);
    }
  }

  async insertArrowIpc(name: string, ipc: Uint8Array): Promise<void> {
    await this.query(`DROP TABLE IF EXISTS ${quoteIdent(name)}`);
    await this.conn.insertArrowFromIPCStream(ipc, { name, create: true });
  }

  async registerFile(name: string, bytes: Uint8Array): Promise<void> {
    await this.conn.bindings.registerFileBuffer(name, bytes);
  }

  cancel(): Promise<boolean> {
    return this.conn.cancelSent();
  }
}

async function boot(): Promise<SqlEngine> {
  const bundle = await duckdb.selectBundle(BUNDLES);
  const worker = new Worker(bundle.mainWorker!);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  const conn = await db.connect();
  performance.mark('cooperare:engine-ready');
  // Offline, an autoloaded extension would be fetched from the internet and fail with an
  // obscure error; without autoloading the user gets a plain "not available" instead.
  await conn.query('SET autoload_known_extensions = false');
  await conn.query('SET autoinstall_known_extensions = false');
  return new BrowserEngine(conn);
}

let engine: Promise<SqlEngine> | null = null;

/** The one engine of the page, started on first use. */
export function getEngine(): Promise<SqlEngine> {
  engine ??= boot().catch((error) => {
    engine = null;
    throw error;
  });
  return engine;
}
