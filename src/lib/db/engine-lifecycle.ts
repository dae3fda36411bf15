/**
 * The life of the page's one query engine: started on first use, and started again after it
 * dies. Knows nothing of DuckDB, so the restart rules are tested in Node with a fake engine.
 */

/** Why an engine instance was given up. */
export type EngineFailure = 'worker-error' | 'wasm-trap';

/**
 * DuckDB's own fatal errors: after one, DuckDB refuses every further statement until the
 * database is started again.
 */
const DUCKDB_FATAL = [/^(?:FATAL|INTERNAL) Error:/, /database has been invalidated/i];

/**
 * Any other error DuckDB raises starts with its class ("Binder Error: …", "Out of Memory
 * Error: failed to allocate…") and leaves the engine usable, whatever words follow: a user's
 * column may well be called "unreachable".
 */
const DUCKDB_ERROR = /^[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)* Error:/;

/**
 * Traps of the WebAssembly machine (Emscripten's abort, an out-of-bounds access, a stack
 * overflow): the instance is left in an unknown state, and every later query could fail or
 * answer wrongly.
 */
const WASM_TRAP = [
  /\bRuntimeError\b/,
  /memory access out of bounds/i,
  /out of bounds memory access/i,
  /\bunreachable\b/i,
  /\bAborted\(/,
  /table index is out of bounds/i,
  /function signature mismatch/i,
  /Maximum call stack size exceeded/i
];

/** True when an error from the engine means the engine itself is broken, not the query. */
export function isEngineTrap(message: string): boolean {
  const text = message.trim();
  if (DUCKDB_FATAL.some((pattern) => pattern.test(text))) return true;
  if (DUCKDB_ERROR.test(text)) return false;
  return WASM_TRAP.some((pattern) => pattern.test(text));
}

export class EngineLifecycle<T> {
  private readonly boot: () => Promise<T>;
  private readonly dispose: (instance: T) => void;
  private readonly restarted: (failure: EngineFailure) => void;
  private current: Promise<T> | null = null;
  /** The started engine, once `current` has resolved; failure reports name it. */
  private live: T | null = null;
  /** How many times an engine died and was replaced. */
  restarts = 0;

  /**
   * `boot` starts an engine, `dispose` frees a dead one (ends its worker), `restarted` is told
   * after each replacement so whoever kept state in the old engine can forget it.
   */
  constructor(
    boot: () => Promise<T>,
    dispose: (instance: T) => void,
    restarted: (failure: EngineFailure) => void
  ) {
    this.boot = boot;
    this.dispose = dispose;
    this.restarted = restarted;
  }

  /** The live engine, started if there is none; a failed start is retried on the next call. */
  get(): Promise<T> {
    if (!this.current) {
      const starting = this.boot();
      this.current = starting;
      starting.then(
        (instance) => {
          if (this.current === starting) this.live = instance;
        },
        () => {
          if (this.current === starting) this.current = null;
        }
      );
    }
    return this.current;
  }

  /**
   * Reports that `instance` died. The first report about the live engine disposes of it, says
   * so and starts a fresh one; reports about an engine already replaced (several queries
   * failing at once) change nothing. Returns whether this report caused a restart.
   */
  failed(instance: T, failure: EngineFailure): boolean {
    if (this.live === null || instance !== this.live) return false;
    this.live = null;
    this.current = null;
    this.restarts++;
    this.dispose(instance);
    this.restarted(failure);
    // Started now rather than on the next query, so the user does not wait for it then. A
    // start that fails is not lost: the next query's get() starts again and reports it.
    this.get().catch(() => {});
    return true;
  }
}
