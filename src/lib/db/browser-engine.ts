import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { Table, type RecordBatch } from 'apache-arrow';
import { QueryCancelled, SqlError, duckDbMessage, quoteIdent, type SqlEngine } from './engine';
import { announceEngineRestart } from './engine-events';
import { EngineLifecycle, isEngineTrap } from './engine-lifecycle';
import { keepForOffline } from '../offline/keep';

// Both bundles come from the app's own origin (Vite copies them into the build);
// selectBundle picks the exception-handling build where the browser supports it.
const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker }
};

/** The error a query gets when the engine died under it. */
export class EngineStoppedError extends SqlError {
  constructor(cause: string, sql: string) {
    super(
      `The query engine stopped (${cause}) and was started again; your data is safe. Run the query again.`,
      sql
    );
    this.name = 'EngineStoppedError';
  }
}

/**
 * AsyncDuckDB answers a worker error by logging it and dropping every pending request, whose
 * promises then never settle. Here the error is reported instead, and the callers are failed
 * through the instance's `death` promise.
 */
class WatchedDuckDB extends duckdb.AsyncDuckDB {
  private readonly died: (message: string) => void;

  constructor(worker: Worker, died: (message: string) => void) {
    super(new duckdb.VoidLogger(), worker);
    this.died = died;
  }

  protected override onError(event: ErrorEvent): void {
    // Handled here: the restart message replaces the browser's console report.
    event.preventDefault();
    this.died(event.message || 'the worker failed');
  }
}

interface Instance {
  db: WatchedDuckDB;
  conn: duckdb.AsyncDuckDBConnection;
  /** Rejects when the worker dies; every call races it, so none waits for a dead worker. */
  death: Promise<never>;
  worker: { dead: boolean };
}

async function boot(): Promise<Instance> {
  const bundle = await duckdb.selectBundle(BUNDLES);
  const worker = new Worker(bundle.mainWorker!);
  const status = { dead: false };
  let die: (error: Error) => void = () => {};
  const death = new Promise<never>((_, reject) => (die = reject));
  // Observed by the calls that race it; without this, a death while idle would be "unhandled".
  death.catch(() => {});
  let instance: Instance | null = null;
  const db = new WatchedDuckDB(worker, (message) => {
    status.dead = true;
    die(new Error(message));
    if (instance) lifecycle.failed(instance, 'worker-error');
  });
  const start = async () => {
    await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
    const conn = await db.connect();
    performance.mark('cooperare:engine-ready');
    // Offline, an autoloaded extension would be fetched from the internet and fail with an
    // obscure error; without autoloading the user gets a plain "not available" instead. One
    // message, not two: each answer waits for a turn of the page's busy main thread.
    await conn.query(
      'SET autoload_known_extensions = false; SET autoinstall_known_extensions = false'
    );
    return conn;
  };
  try {
    const conn = await Promise.race([start(), death]);
    instance = { db, conn, death, worker: status };
  } catch (error) {
    worker.terminate();
    throw error;
  }
  keepForOffline([bundle.mainModule, bundle.mainWorker!]);
  return instance;
}

const lifecycle = new EngineLifecycle<Instance>(
  boot,
  (instance) => void instance.db.terminate(),
  announceEngineRestart
);

/**
 * The page's engine. It outlives the DuckDB instance behind it: after a crash the next call
 * goes to a fresh instance, where tables are loaded again by the catalogue's ensureTable.
 */
class BrowserEngine implements SqlEngine {
  /** The cancellable statement now running, so cancel() can tell a stop from a failure. */
  private running: { stopRequested: boolean } | null = null;

  private async run<R>(sql: string, task: (instance: Instance) => Promise<R>): Promise<R> {
    const instance = await lifecycle.get();
    try {
      return await Promise.race([task(instance), instance.death]);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (instance.worker.dead || isEngineTrap(message)) {
        lifecycle.failed(instance, 'wasm-trap');
        throw new EngineStoppedError(message, sql);
      }
      throw error instanceof SqlError ? error : new SqlError(duckDbMessage(message), sql);
    }
  }

  query(sql: string): Promise<Table> {
    return this.run(sql, (instance) => instance.conn.query(sql));
  }

  queryCancellable(sql: string): Promise<Table> {
    const run = { stopRequested: false };
    this.running = run;
    return this.run(sql, async (instance) => {
      try {
        // Sent rather than run: the result comes back in steps, and cancelSent() stops it
        // between two of them.
        const reader = await instance.conn.send(sql, true);
        const batches: RecordBatch[] = [];
        for await (const batch of reader) {
          // A streamed result is past the pending stage cancelSent() can stop: stop reading.
          if (run.stopRequested) throw new QueryCancelled(sql);
          batches.push(batch);
        }
        return new Table(reader.schema, batches);
      } catch (error) {
        if (run.stopRequested) throw new QueryCancelled(sql);
        throw error;
      } finally {
        if (this.running === run) this.running = null;
      }
    });
  }

  insertArrowIpc(name: string, ipc: Uint8Array): Promise<void> {
    const drop = `DROP TABLE IF EXISTS ${quoteIdent(name)}`;
    // Both sent at once: the worker runs them in turn, and the insert does not wait for the
    // drop's answer to cross the page's busy main thread. A failed drop fails the insert too.
    return this.run(drop, async (instance) => {
      await Promise.all([
        instance.conn.query(drop),
        instance.conn.insertArrowFromIPCStream(ipc, { name, create: true })
      ]);
    });
  }

  registerFile(name: string, bytes: Uint8Array): Promise<void> {
    return this.run(`-- register ${name}`, (instance) =>
      instance.conn.bindings.registerFileBuffer(name, bytes)
    );
  }

  async cancel(): Promise<boolean> {
    if (this.running) this.running.stopRequested = true;
    const instance = await lifecycle.get();
    return instance.conn.cancelSent();
  }
}

const engine = new BrowserEngine();

/** The one engine of the page, started on first use and again after a crash. */
export async function getEngine(): Promise<SqlEngine> {
  await lifecycle.get();
  return engine;
}
