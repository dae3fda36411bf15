import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  isRegional,
  mapPlaces,
  regionPresets,
  regionsAt
} from '../../../src/lib/explore/nuts-regions';
import { searchCodes } from '../../../src/lib/explore/selection';
import type { DatasetManifest } from '../../../src/lib/model/manifest';

// The shipped regional table's own codes and labels, as the explorer reads them.
const manifest = JSON.parse(readFileSync('datasets/manifest.json', 'utf8'));
const datasets: DatasetManifest[] = Array.isArray(manifest) ? manifest : manifest.datasets;
const regional = datasets.find((d) => d.id === 'crim_gen_reg') as DatasetManifest;
const geo = regional.dimensions.find((d) => d.id === 'geo')!;
const codes = geo.codes.map((c) => c.code);

describe('regions of a country', () => {
  it('offers Romania at NUTS 1, 2 and 3 with 4, 8 and 42 regions', () => {
    const ro = regionPresets(codes).find((p) => p.country === 'RO');
    expect(ro?.levels).toEqual([
      { level: 1, count: 4 },
      { level: 2, count: 8 },
      { level: 3, count: 42 }
    ]);
    expect(regionsAt(codes, 'RO', 2)).toEqual([
      'RO11',
      'RO12',
      'RO21',
      'RO22',
      'RO31',
      'RO32',
      'RO41',
      'RO42'
    ]);
  });

  it('leaves Extra-Regio codes out (DEZZZ is no place)', () => {
    expect(regionsAt(codes, 'DE', 3)).not.toContain('DEZZZ');
    expect(regionsAt(codes, 'DE', 3).length).toBeGreaterThan(300);
  });

  it('in a table of countries, only the regions it has: Scotland and Northern Ireland', () => {
    const countries = datasets.find((d) => d.id === 'crim_off_cat')!;
    const geoCodes = countries.dimensions.find((d) => d.id === 'geo')!.codes.map((c) => c.code);
    expect(regionPresets(geoCodes)).toEqual([{ country: 'UK', levels: [{ level: 1, count: 2 }] }]);
    // …which does not make it a table of regions: the picker offers no presets there.
    expect(isRegional(geoCodes)).toBe(false);
    expect(isRegional(codes)).toBe(true);
  });
});

describe('the places a map of a selection draws', () => {
  it('every county of Romania around four chosen, the chosen first', () => {
    const places = mapPlaces(codes, ['RO321', 'RO111', 'RO424', 'RO113']);
    expect(places.slice(0, 4)).toEqual(['RO321', 'RO111', 'RO424', 'RO113']);
    expect(new Set(places)).toEqual(new Set(regionsAt(codes, 'RO', 3)));
  });

  it('every country for a map of countries, without groups', () => {
    const places = mapPlaces(['EU27_2020', 'RO', 'NO', 'FR', 'RO1'], ['RO', 'NO']);
    expect(places).toEqual(['RO', 'NO', 'FR']);
  });
});

describe('searching the regions', () => {
  it('"RO" lists Romania and its regions before names that hold "ro"', () => {
    const found = searchCodes(geo.codes, 'RO', null, 60);
    const romanian = codes.filter((c) => c.startsWith('RO'));
    expect(found.shown.slice(0, romanian.length).map((c) => c.code)).toEqual(romanian);
    // Names such as Austria's "Niederösterreich" still match, after the codes.
    expect(found.total).toBeGreaterThan(romanian.length);
  });

  it('a word starting a name comes before one inside a name', () => {
    const list = [
      { code: 'A1', label: 'Hauptstadt Bern', rows: 1 },
      { code: 'A2', label: 'Bernkastel', rows: 1 }
    ];
    expect(searchCodes(list, 'bern', null, 10).shown.map((c) => c.code)).toEqual(['A1', 'A2']);
    expect(searchCodes(list, 'stadt', null, 10).shown.map((c) => c.code)).toEqual(['A1']);
  });
});
