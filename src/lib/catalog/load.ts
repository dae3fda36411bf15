import { getEngine } from '../db/browser-engine';
import type { SqlEngine } from '../db/engine';
import { shippedDataUrl, shippedDataset } from './shipped';

const loading = new Map<string, Promise<SqlEngine>>();

/**
 * Makes a shipped dataset queryable as the table named by its id, fetching its Arrow file
 * once. Resolves to the engine so the caller can query straight away.
 */
export function ensureShippedTable(id: string): Promise<SqlEngine> {
  let pending = loading.get(id);
  if (!pending) {
    pending = (async () => {
      const [engine, dataset] = await Promise.all([getEngine(), shippedDataset(id)]);
      if (!dataset) throw new Error(`There is no dataset “${id}” in this build.`);
      const url = shippedDataUrl(dataset.file);
      if (!url) throw new Error(`The data file of “${id}” is missing from this build.`);
      const response = await fetch(url);
      if (!response.ok)
        throw new Error(`The data of “${id}” could not be loaded (${response.status}).`);
      await engine.insertArrowIpc(id, new Uint8Array(await response.arrayBuffer()));
      return engine;
    })();
    pending.catch(() => loading.delete(id));
    loading.set(id, pending);
  }
  return pending;
}
