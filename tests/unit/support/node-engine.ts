import { createRequire } from 'node:module';
import path from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import type { Table } from 'apache-arrow';
import { SqlError, quoteIdent, type SqlEngine } from '../../../src/lib/db/engine';

const require = createRequire(import.meta.url);
const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'));

/**
 * The same duckdb-wasm engine the browser runs, started in-process under Node, so SQL
 * builders are tested against the exact DuckDB version users get.
 */
export async function startNodeEngine(): Promise<SqlEngine> {
  const bundles = {
    mvp: {
      mainModule: path.join(dist, 'duckdb-mvp.wasm'),
      mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs')
    },
    eh: {
      mainModule: path.join(dist, 'duckdb-eh.wasm'),
      mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs')
    }
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  const conn = db.connect();
  conn.query('SET autoload_known_extensions = false');
  const run = (sql: string): Table => {
    try {
      return conn.query(sql) as unknown as Table;
    } catch (error) {
      throw new SqlError(error instanceof Error ? error.message : String(error), sql);
    }
  };
  return {
    async query(sql) {
      return run(sql);
    },
    async insertArrowIpc(name, ipc) {
      run(`DROP TABLE IF EXISTS ${quoteIdent(name)}`);
      conn.insertArrowFromIPCStream(ipc, { name, create: true });
    },
    async registerFile(name, bytes) {
      db.registerFileBuffer(name, bytes);
    },
    async cancel() {
      return false;
    }
  };
}
