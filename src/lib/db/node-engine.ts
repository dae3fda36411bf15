import { createRequire } from 'node:module';
import path from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { RecordBatchReader, Table } from 'apache-arrow';
import { QueryCancelled, SqlError, duckDbMessage, quoteIdent, type SqlEngine } from './engine';

const require = createRequire(import.meta.url);
const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'));

/**
 * A connection to the same duckdb-wasm build the browser runs, started in-process under Node
 * with the blocking bindings. startNodeEngine wraps it; the bench's load-layout measurements
 * use it bare, for insert options the engine interface does not offer.
 */
export async function openNodeConnection() {
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
  return db.connect();
}

/**
 * The same duckdb-wasm engine the browser runs, started in-process under Node, so SQL
 * builders are tested, and build-time snapshots computed, with the exact DuckDB version
 * users get. Node-only: nothing the browser loads may import this file.
 */
export async function startNodeEngine(): Promise<SqlEngine> {
  const conn = await openNodeConnection();
  conn.query('SET autoload_known_extensions = false');
  const run = (sql: string): Table => {
    try {
      return conn.query(sql) as unknown as Table;
    } catch (error) {
      throw new SqlError(
        duckDbMessage(error instanceof Error ? error.message : String(error)),
        sql
      );
    }
  };
  // The browser engine's pending-query loop, done by hand on the blocking bindings: yielding
  // to the event loop between polls is what lets a cancel() in between stop the statement.
  let running: { stopRequested: boolean } | null = null;
  const runCancellable = async (sql: string): Promise<Table> => {
    const run = { stopRequested: false };
    running = run;
    try {
      const chunks = conn.useUnsafe((bindings, id) => {
        const header = bindings.startPendingQuery(id, sql, false);
        return header ? [header] : [];
      });
      while (chunks.length === 0) {
        await new Promise((resolve) => setImmediate(resolve));
        const header = conn.useUnsafe((bindings, id) => bindings.pollPendingQuery(id));
        if (header) chunks.push(header);
      }
      for (;;) {
        const chunk = conn.useUnsafe((bindings, id) => bindings.fetchQueryResults(id));
        if (!chunk || chunk.length === 0) break;
        chunks.push(chunk);
      }
      const stream = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
      chunks.reduce((offset, c) => (stream.set(c, offset), offset + c.length), 0);
      const reader = RecordBatchReader.from(stream);
      const batches = reader.readAll();
      return new Table(reader.schema, batches);
    } catch (error) {
      if (run.stopRequested) throw new QueryCancelled(sql);
      throw new SqlError(
        duckDbMessage(error instanceof Error ? error.message : String(error)),
        sql
      );
    } finally {
      if (running === run) running = null;
    }
  };
  return {
    async query(sql) {
      return run(sql);
    },
    queryCancellable: runCancellable,
    async insertArrowIpc(name, ipc) {
      run(`DROP TABLE IF EXISTS ${quoteIdent(name)}`);
      conn.insertArrowFromIPCStream(ipc, { name, create: true });
    },
    async registerFile(name, bytes) {
      conn.useUnsafe((bindings) => bindings.registerFileBuffer(name, bytes));
    },
    async cancel() {
      if (running) running.stopRequested = true;
      return conn.useUnsafe((bindings, id) => bindings.cancelPendingQuery(id));
    }
  };
}
