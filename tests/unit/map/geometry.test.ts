import { readFileSync } from 'node:fs';
import path from 'node:path';
import { geoArea, geoBounds } from 'd3-geo';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, test } from 'vitest';
import { EUROPE_BOX } from '$lib/charts/map/outermost';
import { geometryFileName, NUTS_LEVELS, type NutsLevel } from '$lib/charts/map/level';

// The committed output of the geometry build; datasets-build.test.ts checks that a rebuild
// from GISCO's file gives these exact bytes.
function regions(level: NutsLevel) {
  const file = path.resolve(process.cwd(), 'datasets/geo', geometryFileName(level));
  const text = readFileSync(file, 'utf8');
  const topology = JSON.parse(text) as Topology<{ regions: GeometryCollection }>;
  const collection = feature(topology, topology.objects.regions) as FeatureCollection<
    Polygon | MultiPolygon,
    { name: string }
  >;
  return { bytes: Buffer.byteLength(text), features: collection.features };
}

const all = NUTS_LEVELS.map(regions);

describe('datasets/geo: the map’s NUTS 2021 outlines', () => {
  test('every level is there, with GISCO’s regions less the outermost ones', () => {
    // GISCO has 37 / 125 / 334 / 1514; left out: FRY, PT2, PT3, ES7 and their subregions,
    // and Svalbard (NO0B2, whose centre lies beyond 72° N).
    expect(all.map((level) => level.features.length)).toEqual([37, 121, 326, 1499]);
  });

  test('all four files together stay well under 1 MB', () => {
    const total = all.reduce((sum, level) => sum + level.bytes, 0);
    expect(total).toBeLessThan(500_000);
  });

  test('Romania has its 42 counties at level 3, Bucharest among them', () => {
    const ro = all[3].features.filter((f) => String(f.id).startsWith('RO'));
    expect(ro).toHaveLength(42);
    expect(ro.find((f) => f.id === 'RO321')?.properties.name).toBe('Bucureşti');
    expect(all[0].features.find((f) => f.id === 'NO')?.properties.name).toBe('Norge');
  });

  test('no outermost region is drawn and every id is unique', () => {
    for (const { features } of all) {
      const ids = features.map((f) => String(f.id));
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.filter((id) => /^(FRY|PT2|PT3|ES7)/.test(id))).toEqual([]);
    }
  });

  test('each region keeps only its code and name', () => {
    for (const { features } of all)
      for (const f of features) expect(Object.keys(f.properties)).toEqual(['name']);
  });

  test('every region is a real, outward-wound shape inside the map’s Europe', () => {
    for (const { features } of all)
      for (const f of features) {
        // A ring wound the wrong way would cover the rest of the globe (area near 4π).
        const area = geoArea(f);
        expect(area, String(f.id)).toBeGreaterThan(0);
        expect(area, String(f.id)).toBeLessThan(0.05);
        const [[west, south], [east, north]] = geoBounds(f);
        expect(west, String(f.id)).toBeGreaterThanOrEqual(EUROPE_BOX.west - 5);
        expect(east, String(f.id)).toBeLessThanOrEqual(EUROPE_BOX.east + 5);
        expect(south, String(f.id)).toBeGreaterThanOrEqual(EUROPE_BOX.south - 2);
        expect(north, String(f.id)).toBeLessThanOrEqual(EUROPE_BOX.north + 2);
      }
  });

  test('France is drawn without Guyane and Norway without Svalbard', () => {
    const fr = all[0].features.find((f) => f.id === 'FR')!;
    expect(geoBounds(fr)[0][0]).toBeGreaterThan(-6);
    const no = all[0].features.find((f) => f.id === 'NO')!;
    expect(geoBounds(no)[1][1]).toBeLessThan(72);
  });
});
