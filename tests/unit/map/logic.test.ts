import { afterEach, describe, expect, test } from 'vitest';
import { setLocale } from '$lib/i18n';
import { classBreaks, classOf } from '$lib/charts/map/classes';
import { detectLevel, isCountryGroup, nutsLevelOf } from '$lib/charts/map/level';
import {
  europeanPolygons,
  isOutermostRegion,
  ringCentroid,
  type PolygonCoordinates
} from '$lib/charts/map/outermost';
import { placeRows } from '$lib/charts/map/placement';
import { extremes, mapSummaryText, valueText, type MapEntry } from '$lib/charts/map/summary';
import { formatComputed } from '$lib/i18n';

afterEach(() => setLocale('en'));

describe('NUTS level of geo codes', () => {
  test('the level follows the code’s length; country groups have none', () => {
    expect(['RO', 'RO1', 'RO11', 'RO111', 'NO0A1', 'UKC', 'ELZ'].map(nutsLevelOf)).toEqual([
      0, 1, 2, 3, 3, 1, 1
    ]);
    for (const group of ['EU27_2020', 'EA19', 'EU28', 'EA', 'EFTA', 'EEA'])
      expect([group, isCountryGroup(group), nutsLevelOf(group)]).toEqual([group, true, null]);
    expect(nutsLevelOf('ro11')).toBeNull();
  });

  test('the map draws the level most codes are at, the finer one on a tie', () => {
    expect(detectLevel(['RO', 'NO', 'EU27_2020', 'EA19', 'EU28'])).toBe(0);
    expect(detectLevel(['RO', 'RO111', 'RO112', 'RO113'])).toBe(3);
    expect(detectLevel(['RO1', 'RO11'])).toBe(2);
    expect(detectLevel(['EU27_2020'])).toBe(0);
    expect(detectLevel([])).toBe(0);
  });
});

describe('class breaks', () => {
  test('five quantile classes with short, increasing breaks that cover the data', () => {
    const values = Array.from({ length: 42 }, (_, i) => 10 + i * 7.31);
    const classes = classBreaks(values)!;
    expect(classes.thresholds).toHaveLength(4);
    expect(classes.colours).toHaveLength(5);
    for (const t of classes.thresholds)
      expect(String(t).replace(/[-.]/g, '').length).toBeLessThanOrEqual(3);
    expect([...classes.thresholds].sort((a, b) => a - b)).toEqual(classes.thresholds);
    expect(classes.min).toBe(10);
    expect(classes.max).toBeCloseTo(10 + 41 * 7.31);
    const counts = [0, 0, 0, 0, 0];
    for (const v of values) counts[classOf(classes, v)]++;
    for (const n of counts) expect(n).toBeGreaterThanOrEqual(6);
  });

  test('repeated and few values give fewer classes, never an empty one', () => {
    const few = classBreaks([1, 1, 1, 1, 2, 9])!;
    const counts = new Array(few.thresholds.length + 1).fill(0);
    for (const v of [1, 1, 1, 1, 2, 9]) counts[classOf(few, v)]++;
    expect(counts.every((n) => n > 0)).toBe(true);
    expect(few.colours).toHaveLength(few.thresholds.length + 1);

    const one = classBreaks([3, 3, 3])!;
    expect(one.thresholds).toEqual([]);
    expect(one.colours).toHaveLength(1);
    expect(classBreaks([])).toBeNull();
    expect(classBreaks([Number.NaN])).toBeNull();
  });

  test('equal values share a class and a value on a break goes to the class above', () => {
    const classes = classBreaks([0.5, 0.9, 0.91, 1.2, 1.4, 2.28, 2.28, 3, 4.1, 5])!;
    expect(classOf(classes, 2.28)).toBe(classOf(classes, 2.28));
    const t = classes.thresholds[0];
    expect(classOf(classes, t)).toBe(1);
    expect(classOf(classes, classes.min)).toBe(0);
    expect(classOf(classes, classes.max)).toBe(classes.thresholds.length);
  });
});

describe('outermost regions', () => {
  const square = (lon: number, lat: number): PolygonCoordinates => [
    [
      [lon, lat],
      [lon, lat + 1],
      [lon + 1, lat + 1],
      [lon + 1, lat],
      [lon, lat]
    ]
  ];

  test('the overseas départements, Azores, Madeira and Canaries are left out by code', () => {
    for (const id of ['FRY', 'FRY10', 'PT2', 'PT20', 'PT300', 'ES7', 'ES70', 'ES709'])
      expect([id, isOutermostRegion(id)]).toEqual([id, true]);
    for (const id of ['FR', 'FR10', 'PT1', 'PT11', 'ES6', 'ES61', 'RO321'])
      expect([id, isOutermostRegion(id)]).toEqual([id, false]);
  });

  test('a country keeps only its parts whose centre lies in Europe', () => {
    expect(ringCentroid(square(10, 50)[0])).toEqual([10.5, 50.5]);
    const mainland = square(2, 46);
    const guyane = square(-53, 4);
    const svalbard = square(15, 78);
    expect(europeanPolygons('FR', [mainland, guyane])).toEqual([mainland]);
    expect(europeanPolygons('NO', [svalbard, square(10, 60)])).toEqual([square(10, 60)]);
    expect(europeanPolygons('FRY10', [mainland])).toEqual([]);
  });
});

const entry = (geo: string, value: number | null, flag: string | null = null): MapEntry => ({
  geo,
  name: `Region ${geo}`,
  value,
  flag
});

describe('what the map says in words', () => {
  const regions = [
    entry('RO111', 40),
    entry('RO112', 12.5, 'p'),
    entry('RO113', null),
    entry('RO321', 96)
  ];

  test('highest and lowest region; ties go to the first code', () => {
    const range = extremes(regions)!;
    expect(range.highest.geo).toBe('RO321');
    expect(range.lowest.geo).toBe('RO112');
    expect(extremes([entry('B', 3), entry('A', 3)])!.highest.geo).toBe('A');
    expect(extremes([entry('A', null)])).toBeNull();
  });

  test('a value keeps its unit and its flag explained', () => {
    expect(valueText(entry('X', 1234.5, 'p'), 'per 100 000 inhabitants')).toBe(
      '1,234.5 per 100 000 inhabitants (p: provisional)'
    );
    expect(valueText(entry('X', null, 'c'), 'number')).toBe('no data (c: confidential)');
    // A dataset's unit label is written to start a sentence; after a number it does not.
    expect(valueText(entry('X', 0.91, null), 'Per hundred thousand inhabitants')).toBe(
      '0.91 per hundred thousand inhabitants'
    );
    expect(valueText(entry('X', 12, null), 'EUR')).toBe('12 EUR');
    // A computed value (a change in %) is written with the explorer's few digits, not all 15.
    expect(valueText(entry('X', 45.770065, null), '% change', formatComputed)).toBe(
      '45.77 % change'
    );
  });

  test('the summary names the extremes, Romania and how many regions have a value', () => {
    const ro = { ...entry('RO', 2.5), name: 'Romania' };
    expect(mapSummaryText(regions, ro, 'offences', '2021')).toBe(
      'In 2021 the highest value is in Region RO321: 96 offences; the lowest is in Region RO112: ' +
        '12.5 offences (p: provisional). Romania: 2.5 offences. Regions drawn with a value: 3 of 4.'
    );
    expect(mapSummaryText([entry('A', null)], null, 'x', '2021')).toBe(
      'No region on this map has a value for 2021.'
    );
  });

  test('in Romanian, numbers and words follow the language', () => {
    setLocale('ro');
    expect(mapSummaryText([entry('A', 1234.5)], null, 'infracțiuni', '2021')).toBe(
      'În 2021, cea mai mare valoare este în Region A: 1.234,5 infracțiuni; cea mai mică este în ' +
        'Region A: 1.234,5 infracțiuni. Regiuni desenate care au o valoare: 1 din 1.'
    );
  });
});

describe('which regions the map draws', () => {
  const region = (id: string, name = id) => ({
    type: 'Feature' as const,
    id,
    properties: { name },
    geometry: { type: 'Polygon' as const, coordinates: [] }
  });
  const features = [region('NO020'), region('RO111', 'Bihor'), region('RO112', 'Bistriţa-Năsăud')];
  const labelOf = (geo: string) => ({ RO: 'Romania', EU27_2020: 'EU27' })[geo] ?? geo;

  test('a regional map draws the regions of the countries in the data, missing ones as no data', () => {
    const placed = placeRows(
      [
        { geo: 'RO111', value: 5, flag: null },
        { geo: 'RO', value: 50, flag: null },
        { geo: 'EU27_2020', value: 9, flag: 'e' },
        { geo: 'FRY10', value: 1, flag: null }
      ],
      3,
      features,
      labelOf
    );
    expect(placed.drawn.map((p) => [p.entry.geo, p.entry.name, p.entry.value])).toEqual([
      ['RO111', 'Bihor', 5],
      ['RO112', 'Bistriţa-Năsăud', null]
    ]);
    expect(placed.offMap.map((e) => [e.geo, e.name])).toEqual([
      ['RO', 'Romania'],
      ['EU27_2020', 'EU27'],
      ['FRY10', 'FRY10']
    ]);
    expect(placed.romania?.value).toBe(50);
  });

  test('a country map draws every country, with the caller’s names first', () => {
    const countries = [region('NO', 'Norge'), region('RO', 'România')];
    const placed = placeRows([{ geo: 'RO', value: 1, flag: null }], 0, countries, labelOf);
    expect(placed.drawn.map((p) => [p.entry.geo, p.entry.name, p.entry.value])).toEqual([
      ['NO', 'Norge', null],
      ['RO', 'Romania', 1]
    ]);
    expect(placed.offMap).toEqual([]);
  });
});
