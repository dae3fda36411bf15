import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { m } from '$lib/i18n';
import { geometryFileName, type NutsLevel } from './level';

/** One NUTS region as the map draws it: id = NUTS code, name = Latin-script name. */
export type RegionFeature = Feature<Polygon | MultiPolygon, { name: string }> & { id: string };

// Built by the datasets build (scripts/build-geometry.ts); served from the app's own origin
// under content-hashed names, like the datasets.
const urls = import.meta.glob('/datasets/geo/*.json', {
  query: '?url',
  import: 'default',
  eager: true
}) as Record<string, string>;

const cache = new Map<NutsLevel, Promise<RegionFeature[]>>();

async function fetchRegions(level: NutsLevel): Promise<RegionFeature[]> {
  const url = urls[`/datasets/geo/${geometryFileName(level)}`];
  if (!url) throw new Error(m.map_error_missing({ level }));
  const response = await fetch(url);
  if (!response.ok) throw new Error(m.map_error_geometry({ status: response.status }));
  const topology = (await response.json()) as Topology<{ regions: GeometryCollection }>;
  const collection = feature(topology, topology.objects.regions) as FeatureCollection<
    Polygon | MultiPolygon,
    { name: string }
  >;
  return collection.features as RegionFeature[];
}

/** The regions of one NUTS level, fetched once per page. A failed fetch is tried again next time. */
export function loadRegions(level: NutsLevel): Promise<RegionFeature[]> {
  let regions = cache.get(level);
  if (!regions) {
    regions = fetchRegions(level);
    regions.catch(() => cache.delete(level));
    cache.set(level, regions);
  }
  return regions;
}
