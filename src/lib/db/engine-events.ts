import type { EngineFailure } from './engine-lifecycle';

/**
 * News of engine restarts, kept apart from browser-engine.ts so the layout can listen
 * without loading DuckDB on pages that never query.
 */
const listeners = new Set<(failure: EngineFailure) => void>();

/** Calls `listener` each time the query engine died and was started again; returns the unsubscribe. */
export function onEngineRestart(listener: (failure: EngineFailure) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called by the engine after a restart. */
export function announceEngineRestart(failure: EngineFailure): void {
  for (const listener of listeners) listener(failure);
}
