import { m } from '../i18n';
import type { DatasetManifest, Manifest } from '$lib/model/manifest';

// The datasets build writes datasets/; Vite serves each file from the app's own origin
// under a content-hashed name, so a new build never meets a stale cached copy.
const dataUrls = import.meta.glob('/datasets/*.arrow', {
  query: '?url',
  import: 'default',
  eager: true
}) as Record<string, string>;
const manifestUrls = import.meta.glob('/datasets/manifest.json', {
  query: '?url',
  import: 'default',
  eager: true
}) as Record<string, string>;

/** URL of a shipped dataset's Arrow file, or null when the build has no such file. */
export function shippedDataUrl(file: string): string | null {
  return dataUrls[`/datasets/${file}`] ?? null;
}

/**
 * True when the build ships the dataset `id`, known without fetching the manifest: the build
 * holds an Arrow file per shipped dataset, named by its id (scripts/build-datasets.ts).
 */
export function isShippedDatasetId(id: string): boolean {
  return Object.hasOwn(dataUrls, `/datasets/${id}.arrow`);
}

let manifest: Promise<Manifest> | null = null;

/** The shipped manifest, fetched once. */
export function loadShippedManifest(): Promise<Manifest> {
  const url = manifestUrls['/datasets/manifest.json'];
  if (!url) return Promise.reject(new Error(m.a11y_loading_manifest_missing()));
  manifest ??= fetch(url).then(async (response) => {
    if (!response.ok) throw new Error(m.a11y_loading_manifest_failed({ status: response.status }));
    return (await response.json()) as Manifest;
  });
  return manifest;
}

export async function shippedDataset(id: string): Promise<DatasetManifest | null> {
  return (await loadShippedManifest()).datasets.find((d) => d.id === id) ?? null;
}
