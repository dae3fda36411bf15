/**
 * The app's own NUTS geometry, built from GISCO's NUTS 2021 file (1:60 million, lon/lat):
 * one TopoJSON file per NUTS level in datasets/geo/, simplified and quantised, each region
 * carrying only its NUTS code (the feature id) and its Latin-script name. Outermost regions
 * are left out (see src/lib/charts/map/outermost.ts). Features are sorted by code so the
 * output depends only on the input file.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import { feature, quantize } from 'topojson-client';
import { geoArea } from 'd3-geo';
import type {
  GeometryCollection,
  Topology,
  MultiPolygon as TopoMultiPolygon,
  Polygon as TopoPolygon
} from 'topojson-specification';
import {
  europeanPolygons,
  ringArea2,
  type PolygonCoordinates
} from '../src/lib/charts/map/outermost';
import { geometryFileName, NUTS_LEVELS, type NutsLevel } from '../src/lib/charts/map/level';

export const NUTS_GEOJSON = 'geo/NUTS_RG_60M_2021_4326.geojson';
/**
 * Share of the points that simplification keeps, by Visvalingam weight. 1:60M is coarse
 * already; most of what is left of a level-3 file is the ends of short shared borders.
 */
const KEEP = 0.3;
/**
 * A grid of 100 000 cells across each level's extent (under 100 m over Europe). A grid ten
 * times coarser, about 500 m, flattens the smallest city districts (DE264 Aschaffenburg).
 */
const QUANTIZATION = 1e5;

interface NutsProperties {
  NUTS_ID: string;
  LEVL_CODE: number;
  NAME_LATN: string;
}

export interface RegionProperties {
  name: string;
}

/**
 * d3-geo reads a ring drawn clockwise (in lon/lat, y up) as the outside of a region and an
 * anticlockwise one as a hole; GISCO writes them the other way round (RFC 7946). Drawn
 * unchanged, every region would fill the rest of the globe.
 */
function windForD3(polygon: PolygonCoordinates): PolygonCoordinates {
  return polygon.map((ring, i) => {
    const clockwise = ringArea2(ring) < 0;
    const wanted = i === 0;
    return clockwise === wanted ? ring : [...ring].reverse();
  });
}

function levelCollection(
  features: Feature<Polygon | MultiPolygon, NutsProperties>[],
  level: NutsLevel
): FeatureCollection<Polygon | MultiPolygon, RegionProperties> {
  const regions: Feature<Polygon | MultiPolygon, RegionProperties>[] = [];
  for (const feature of features) {
    const { NUTS_ID: id, LEVL_CODE, NAME_LATN } = feature.properties;
    if (LEVL_CODE !== level) continue;
    const geometry = feature.geometry;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    const kept = europeanPolygons(id, polygons).map(windForD3);
    if (kept.length === 0) continue;
    regions.push({
      type: 'Feature',
      id,
      properties: { name: NAME_LATN },
      geometry:
        kept.length === 1
          ? { type: 'Polygon', coordinates: kept[0] }
          : { type: 'MultiPolygon', coordinates: kept }
    });
  }
  regions.sort((a, b) => String(a.id).localeCompare(String(b.id), 'en'));
  return { type: 'FeatureCollection', features: regions };
}

/**
 * Simplifying keeps the ends of every shared border and straightens what lies between, and
 * quantising snaps points to a grid; either can shrink a small region (Liechtenstein, Brussels,
 * a German city district) to a line or turn it inside out. Such a region's borders keep every
 * point instead (an infinite weight exempts a point from simplification).
 */
function protectRegions(
  topo: Topology<{ regions: GeometryCollection }>,
  ids: ReadonlySet<string>
): void {
  for (const geometry of topo.objects.regions.geometries) {
    if (!ids.has(String(geometry.id))) continue;
    const region = geometry as TopoPolygon | TopoMultiPolygon;
    const rings = region.type === 'Polygon' ? region.arcs : region.arcs.flat();
    for (const arc of rings.flat())
      for (const point of topo.arcs[arc < 0 ? ~arc : arc]) point[2] = Infinity;
  }
}

/** Regions whose drawn area is gone, inside out, or off by more than half. */
function misdrawnRegions(
  topo: Topology<{ regions: GeometryCollection }>,
  original: Map<string, number>
): string[] {
  const drawn = feature(topo, topo.objects.regions) as FeatureCollection;
  return drawn.features
    .filter((region) => {
      const ratio = geoArea(region) / (original.get(String(region.id)) ?? NaN);
      return !(ratio > 0.5 && ratio < 1.5);
    })
    .map((region) => String(region.id));
}

/** One level's TopoJSON text; the object holding the regions is called `regions`. */
export function levelTopology(
  features: Feature<Polygon | MultiPolygon, NutsProperties>[],
  level: NutsLevel
): string {
  const collection = levelCollection(features, level);
  const original = new Map(collection.features.map((f) => [String(f.id), geoArea(f)]));
  const kept = new Set<string>();
  for (;;) {
    // topojson-server reuses the input arrays, so each attempt starts from a fresh copy.
    const topo = presimplify(
      topology({ regions: structuredClone(collection) }) as Topology<{
        regions: GeometryCollection;
      }>
    );
    const minWeight = quantile(topo, KEEP);
    protectRegions(topo, kept);
    const result = quantize(simplify(topo, minWeight), QUANTIZATION) as Topology<{
      regions: GeometryCollection;
    }>;
    const misdrawn = misdrawnRegions(result, original);
    if (misdrawn.length === 0) return `${JSON.stringify(result)}\n`;
    const fresh = misdrawn.filter((id) => !kept.has(id));
    if (fresh.length === 0)
      throw new Error(`NUTS level ${level}: ${misdrawn.join(', ')} cannot be drawn at this grid.`);
    for (const id of fresh) kept.add(id);
  }
}

export interface GeometryFile {
  name: string;
  text: string;
}

/** Reads GISCO's file from the raw-data folder and returns the four files to write. */
export async function buildGeometry(rawDir: string): Promise<GeometryFile[]> {
  const text = await readFile(path.join(rawDir, NUTS_GEOJSON), 'utf8');
  const collection = JSON.parse(text) as FeatureCollection<Polygon | MultiPolygon, NutsProperties>;
  return NUTS_LEVELS.map((level) => ({
    name: geometryFileName(level),
    text: levelTopology(collection.features, level)
  }));
}
