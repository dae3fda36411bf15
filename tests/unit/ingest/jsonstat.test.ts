import { describe, expect, test } from 'vitest';
import { readJsonStat } from '../../../src/lib/ingest/jsonstat';
import { cells, fixtureBytes, ingestErrorOf, sharedBytes, textBytes } from './long-rows';

function json(document: unknown): Uint8Array {
  return textBytes(JSON.stringify(document));
}

/** A small valid dataset: geo × time, with whatever value and status the test gives. */
function twoByThree(value: unknown, status?: unknown) {
  return {
    version: '2.0',
    class: 'dataset',
    id: ['geo', 'time'],
    size: [2, 3],
    dimension: {
      geo: { category: { index: ['RO', 'NO'] } },
      time: { category: { index: ['2020', '2021', '2022'] } }
    },
    value,
    ...(status === undefined ? {} : { status })
  };
}

describe('readJsonStat on the published migr_eipre.json', () => {
  const bytes = sharedBytes('eurostat/migr_eipre.json');
  const data = readJsonStat(bytes, 'migr_eipre.json');
  const raw = JSON.parse(new TextDecoder().decode(bytes));
  const totals = { reason: 'TOTAL', apprehen: 'TOTAL' };

  test('metadata and dimensions', () => {
    expect(data.tableCode).toBe('migr_eipre');
    expect(data.format).toBe('jsonstat');
    expect(data.title).toBe(
      'Third country nationals found to be illegally present - annual data (rounded)'
    );
    expect(data.lastUpdate).toBe('2026-05-12T11:00:00+0200');
    // Every dimension but time, the fixed ones (freq, citizen, sex, age, unit) included.
    expect(data.dimensions.map((d) => [d.id, d.codes.size])).toEqual([
      ['freq', 1],
      ['reason', 4],
      ['apprehen', 6],
      ['citizen', 1],
      ['sex', 1],
      ['age', 1],
      ['unit', 1],
      ['geo', 35]
    ]);
    const geo = data.dimensions[7];
    expect(geo.label).toBe('Geopolitical entity (reporting)');
    expect(geo.codes.get('EU27_2020')).toBe('European Union - 27 countries (from 2020)');
    expect(geo.codes.get('RO')).toBe('Romania');
    expect(data.dimensions[2].codes.get('BRD_EXT')).toBe('In the external border area');
    expect(new Set(data.time)).toEqual(
      new Set(Array.from({ length: 13 }, (_, i) => String(2010 + i)))
    );
  });

  test('one row per value, as many as the file holds', () => {
    // Sizes 1·4·6·1·1·1·1·35·13 = 10,920 cells; 1,978 have a value (all nine statuses are on
    // cells with a value).
    expect(raw.size).toEqual([1, 4, 6, 1, 1, 1, 1, 35, 13]);
    expect(data.rowCount).toBe(Object.keys(raw.value).length);
    expect(data.rowCount).toBe(1978);
    for (const column of [...data.codes, data.time, data.flag])
      expect(column).toHaveLength(data.rowCount);
  });

  test('values and flags at hand-computed flat indices', () => {
    // Strides: time 1, geo 13, unit…apprehen 455, reason 2730. Geo positions: RO 24, NO 31,
    // FR 11, SE 28, AT 21, EU27_2020 0.
    // RO 2010 → 24·13 + 0 = 312: "312":3525 in the file; RO 2022 → 324: 18465.
    expect(cells(data, { ...totals, geo: 'RO' }, '2010')).toEqual([{ value: 3525, flag: null }]);
    expect(cells(data, { ...totals, geo: 'RO' }, '2022')).toEqual([{ value: 18465, flag: null }]);
    // NO 2015 → 31·13 + 5 = 408: 5455.
    expect(cells(data, { ...totals, geo: 'NO' }, '2015')).toEqual([{ value: 5455, flag: null }]);
    // EU27_2020 2010 → 0: 455150, status "d".
    expect(cells(data, { ...totals, geo: 'EU27_2020' }, '2010')).toEqual([
      { value: 455150, flag: 'd' }
    ]);
    // FR 2014 → 11·13 + 4 = 147: 96375, status "b".
    expect(cells(data, { ...totals, geo: 'FR' }, '2014')).toEqual([{ value: 96375, flag: 'b' }]);
    // AT 2021, reason OTH, apprehen INL → 3·2730 + 5·455 + 21·13 + 11 = 10749: 38410, "d".
    expect(cells(data, { reason: 'OTH', apprehen: 'INL', geo: 'AT' }, '2021')).toEqual([
      { value: 38410, flag: 'd' }
    ]);
    expect([raw.value['312'], raw.value['147'], raw.status['147'], raw.status['10749']]).toEqual([
      3525,
      96375,
      'b',
      'd'
    ]);
    expect(data.flag.filter((flag) => flag !== null)).toHaveLength(9);
  });
});

describe('readJsonStat on made-up datasets', () => {
  test('array value and status, with null and `:` entries', () => {
    const data = readJsonStat(
      json(twoByThree([1, null, 3, 4, null, null], ['p', 'c', null, '', ':', null])),
      'arrays.json'
    );
    // Flat index = geo·3 + time. Index 1 is kept for its "c"; 4 (":" only) and 5 are skipped.
    expect(data.codes).toEqual([['RO', 'RO', 'RO', 'NO']]);
    expect(data.time).toEqual(['2020', '2021', '2022', '2020']);
    expect([...data.value]).toEqual([1, Number.NaN, 3, 4]);
    expect(data.flag).toEqual(['p', 'c', null, null]);
    expect(data.tableCode).toBeNull();
  });

  test('three dimensions in row-major order, the last varying fastest', () => {
    const data = readJsonStat(
      json({
        version: '2.0',
        class: 'dataset',
        id: ['sex', 'geo', 'time'],
        size: [2, 2, 2],
        dimension: {
          sex: { label: 'Sex', category: { index: { M: 0, F: 1 } } },
          geo: { category: { index: { RO: 1, NO: 0 }, label: { RO: 'România' } } },
          time: { category: { index: ['2008M01', '2008M02'] } }
        },
        value: [0, 1, 2, 3, 4, 5, 6, 7]
      }),
      'three.json'
    );
    expect(data.dimensions.map((d) => d.id)).toEqual(['sex', 'geo']);
    expect(data.codes[0]).toEqual(['M', 'M', 'M', 'M', 'F', 'F', 'F', 'F']);
    expect(data.codes[1]).toEqual(['NO', 'NO', 'RO', 'RO', 'NO', 'NO', 'RO', 'RO']);
    expect(data.time).toEqual([
      '2008-01',
      '2008-02',
      '2008-01',
      '2008-02',
      '2008-01',
      '2008-02',
      '2008-01',
      '2008-02'
    ]);
    expect([...data.value]).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // The file's own label wins; a geo without one gets the reference label.
    expect(data.dimensions[1].codes.get('RO')).toBe('România');
    expect(data.dimensions[1].codes.get('NO')).toBe('Norway');
    expect(data.dimensions[0].label).toBe('Sex');
    expect(data.dimensions[1].label).toBe('geo');
  });

  test('sparse value with a status for all, and a time dimension named by role', () => {
    const data = readJsonStat(
      json({
        version: '2.0',
        class: 'dataset',
        id: ['geo', 'year'],
        size: [2, 2],
        role: { time: ['year'] },
        extension: { id: 'DEMO_GIND' },
        dimension: {
          geo: { category: { index: ['RO', 'NO'] } },
          year: { category: { index: ['2020Q1', '2020Q2'] } }
        },
        value: { '3': 9, '0': 7 },
        status: 'p'
      }),
      'whatever.json'
    );
    expect(data.tableCode).toBe('demo_gind');
    expect(data.codes).toEqual([['RO', 'NO']]);
    expect(data.time).toEqual(['2020-Q1', '2020-Q2']);
    expect([...data.value]).toEqual([7, 9]);
    expect(data.flag).toEqual(['p', 'p']);
  });
});

describe('readJsonStat on bad input', () => {
  function readBad(name: string) {
    return ingestErrorOf(() => readJsonStat(fixtureBytes(`bad/${name}`), name));
  }

  test('a truncated file', () => {
    const error = readBad('truncated.json');
    expect(error.message).toMatch(
      /^truncated\.json \(end of file, character 281\): truncated or invalid JSON/
    );
  });

  test('sizes that disagree with the categories name the dimension and both numbers', () => {
    const error = readBad('size-mismatch.json');
    expect(error.message).toMatch(/^size-mismatch\.json.*"geo" 3 categories.*lists 2/);
  });

  test('JSON that is not a JSON-stat dataset', () => {
    expect(ingestErrorOf(() => readJsonStat(json([1, 2]), 'list.json')).message).toMatch(
      /^list\.json.*not a JSON-stat 2\.0 dataset/
    );
    const collection = { ...twoByThree([1, 2, 3, 4, 5, 6]), class: 'collection' };
    expect(ingestErrorOf(() => readJsonStat(json(collection), 'c.json')).message).toMatch(
      /^c\.json \("class"\).*"class" is "collection"/
    );
    const unversioned = { ...twoByThree([1, 2, 3, 4, 5, 6]), version: undefined };
    expect(ingestErrorOf(() => readJsonStat(json(unversioned), 'v.json')).message).toMatch(
      /^v\.json.*"version" is missing/
    );
  });

  test('a value array of the wrong length', () => {
    const error = ingestErrorOf(() => readJsonStat(json(twoByThree([1, 2, 3])), 'short.json'));
    expect(error.message).toMatch(/^short\.json.*"value" has 3 entries.*2 × 3.*make 6/);
  });

  test('an unknown status letter names the flat index', () => {
    const error = ingestErrorOf(() =>
      readJsonStat(json(twoByThree({ '0': 1, '4': 2 }, { '4': 'q' })), 'flag.json')
    );
    expect(error.message).toMatch(/^flag\.json \("status" at flat index 4\): unknown flag “q”/);
  });

  test('a value that is not a number', () => {
    const error = ingestErrorOf(() =>
      readJsonStat(json(twoByThree({ '0': 1, '2': 'abc' })), 'text.json')
    );
    expect(error.message).toMatch(/^text\.json \("value" at flat index 2\).*"abc", not a number/);
  });

  test('an HTML page saved as .json', () => {
    const page = textBytes('<!DOCTYPE html><html><body>Not found</body></html>');
    expect(ingestErrorOf(() => readJsonStat(page, 'page.json')).message).toMatch(
      /^page\.json.*not JSON.*HTML/
    );
  });
});
