import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Manifest } from '$lib/model/manifest';
import { codeName, placeName, setLocale } from '$lib/i18n';
import { GEO_LABELS, geoLabel } from '$lib/reference/geo';
import { geoName } from '$lib/i18n/place-names';

const manifest: Manifest = JSON.parse(
  readFileSync(new URL('../../../datasets/manifest.json', import.meta.url), 'utf8')
);

/** Every geo code of the shipped datasets with the label its dataset gives it. */
const shippedGeoLabels = manifest.datasets.flatMap((dataset) =>
  dataset.dimensions
    .filter((d) => d.id === 'geo')
    .flatMap((d) => d.codes.map((c) => ({ dataset: dataset.id, code: c.code, label: c.label })))
);

afterEach(() => setLocale('en'));

describe('geoName in Romanian', () => {
  it('names countries as a Romanian reader writes them, Eurostat codes included', () => {
    expect(geoName('RO', 'ro')).toBe('România');
    expect(geoName('NO', 'ro', 'Norway')).toBe('Norvegia');
    expect(geoName('EL', 'ro', 'Greece')).toBe('Grecia');
    expect(geoName('UK', 'ro')).toBe('Regatul Unit');
    expect(geoName('DE', 'ro', 'Germany (until 1990 former territory of the FRG)')).toBe(
      'Germania'
    );
    expect(geoName('XK', 'ro', 'Kosovo*')).toBe('Kosovo');
  });

  it('names aggregates and the parts of the United Kingdom from messages', () => {
    expect(geoName('EU27_2020', 'ro', 'European Union - 27 countries (from 2020)')).toBe(
      'Uniunea Europeană - 27 de țări (din 2020)'
    );
    expect(geoName('EA19', 'ro')).toBe('Zona euro - 19 țări (2015-2022)');
    expect(geoName('UKM', 'ro', 'Scotland (NUTS 2021)')).toBe('Scoția');
  });

  it('keeps the dataset’s own name for regions and codes it does not know', () => {
    expect(geoName('RO11', 'ro', 'Nord-Vest')).toBe('Nord-Vest');
    expect(geoName('RO321', 'ro', 'București')).toBe('București');
    expect(geoName('IRQ_C', 'ro', 'Iraq (Central Iraq)')).toBe('Iraq (Central Iraq)');
    expect(geoName('ZZ9', 'ro')).toBe('ZZ9');
  });
});

describe('geoName in English', () => {
  it('is the label each shipped dataset gives, as before', () => {
    const changed = shippedGeoLabels.filter(
      ({ code, label }) => geoName(code, 'en', label) !== label
    );
    expect(changed).toEqual([]);
  });

  it('is the app’s own English label where no dataset label is at hand', () => {
    const codes = [...new Set(shippedGeoLabels.map((g) => g.code)), ...Object.keys(GEO_LABELS)];
    const changed = codes.filter((code) => geoName(code, 'en') !== geoLabel(code));
    expect(changed).toEqual([]);
  });
});

describe('placeName and codeName', () => {
  it('follow the interface language without a reload', () => {
    expect(placeName('NO')).toBe('Norway');
    expect(codeName(null, 'geo', 'RO', 'Romania')).toBe('Romania');
    setLocale('ro');
    expect(placeName('NO')).toBe('Norvegia');
    expect(codeName(null, 'geo', 'RO', 'Romania')).toBe('România');
  });
});
