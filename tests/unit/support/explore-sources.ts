import { readFileSync } from 'node:fs';
import type { SqlEngine } from '../../../src/lib/db/engine';
import type { ExploreSources } from '../../../src/lib/explore/explore-state.svelte';
import type { DatasetManifest } from '../../../src/lib/model/manifest';
import { startNodeEngine } from './node-engine';

const manifest = JSON.parse(readFileSync('datasets/manifest.json', 'utf8'));
/** The shipped manifests, as the explorer reads them. */
export const DATASETS: DatasetManifest[] = Array.isArray(manifest) ? manifest : manifest.datasets;
export const CRIME = DATASETS.find((d) => d.id === 'crim_off_cat')!;

/** A Node engine holding the shipped crim_off_cat, and the explorer's sources reading from it. */
export async function crimeSources(): Promise<{ engine: SqlEngine; sources: ExploreSources }> {
  const engine = await startNodeEngine();
  await engine.insertArrowIpc('crim_off_cat', readFileSync('datasets/crim_off_cat.arrow'));
  const sources: ExploreSources = {
    ensureRows: async () => engine,
    ensureTable: async () => engine,
    getDataset: async (id) => DATASETS.find((d) => d.id === id) ?? null,
    snapshots: []
  };
  return { engine, sources };
}
