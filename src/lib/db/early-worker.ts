/**
 * The DuckDB worker src/app.html starts while the page is parsed, before the app's modules
 * have loaded: its worker script and wasm are already on their way, or compiled, when the
 * app first asks for its engine.
 */
export interface EarlyEngine {
  worker: Worker;
  workerUrl: string;
  wasmUrl: string;
  /** Settles when the worker has instantiated DuckDB, or failed to. */
  started: Promise<void>;
}

/** What src/app.html's engine script reads: written into the page by src/hooks.server.ts. */
export interface EarlyEngineStart {
  /** The app's base path; the rule reads the page's path inside it. */
  base: string;
  /** Pages that show the one dataset their link names with `ds` (or `dataset`). */
  datasetPages: string[];
  /** The datasets the build ships: on a dataset page, any other id starts no engine. */
  shipped: string[];
  /** The eh build's worker script and binary, the build every current browser runs. */
  worker: string;
  wasm: string;
}

/**
 * The early worker, once: the page's first engine adopts it; an engine started again after a
 * crash, or on a page whose script started none, starts a worker of its own.
 */
export function takeEarlyEngine(): EarlyEngine | null {
  const holder = globalThis as { cooperareEarlyEngine?: EarlyEngine };
  const early = holder.cooperareEarlyEngine ?? null;
  delete holder.cooperareEarlyEngine;
  return early;
}
