import type { QuerySnapshot } from './snapshot';

// Written by `npm run datasets:build` (scripts/build-snapshots.ts) and bundled into the
// JavaScript of the pages that import this module: no request, available at first paint.
const files = import.meta.glob('/datasets/snapshots/*.json', {
  import: 'default',
  eager: true
}) as Record<string, QuerySnapshot>;

/** Every default view answered at build time. */
export const SHIPPED_SNAPSHOTS: readonly QuerySnapshot[] = Object.values(files);
