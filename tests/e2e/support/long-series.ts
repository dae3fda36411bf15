import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Float64, Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
import type { DatasetManifest } from '../../../src/lib/model/manifest';

/**
 * A SYNTHETIC long monthly dataset for the server engine in e2e tests: no shipped dataset has
 * a series long enough (the longest has 196 months) to test how the line chart draws one of
 * 360. Its values are made up, and its manifest says so on every line a reader sees.
 */
export const LONG_ID = 'synthetic_long_e2e';
export const LONG_MONTHS = 360;
const FIRST_YEAR = 1990;
const GEOS = ['G1', 'G2'];

/** The month of index `i` from January 1990, as the long shape writes it. */
export const month = (i: number) =>
  `${FIRST_YEAR + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

/** Of series G1: flagged months, and a month alone between two missing ones. */
export const FLAGGED = new Map([
  [100, 'p'],
  [250, 'e']
]);
export const MISSING = [200, 202];
export const ALONE = 201;

interface Row {
  geo: string;
  time: string;
  value: number | null;
  flag: string | null;
}

function rows(): Row[] {
  return GEOS.flatMap((geo, g) =>
    Array.from({ length: LONG_MONTHS }, (_, i): Row => {
      const missing = geo === 'G1' && MISSING.includes(i);
      return {
        geo,
        time: month(i),
        value: missing ? null : 100 + g * 50 + (i % 12) * 3 + i / 10,
        flag: missing ? ':' : geo === 'G1' ? (FLAGGED.get(i) ?? null) : null
      };
    })
  );
}

/** Writes the dataset's Arrow file into `dir` and returns its manifest entry. */
export function writeLongSeries(dir: string): DatasetManifest {
  const all = rows();
  const text = (pick: (row: Row) => string | null) => vectorFromArray(all.map(pick), new Utf8());
  const table = new Table({
    indicator: text(() => 'S1'),
    geo: text((r) => r.geo),
    time: text((r) => r.time),
    value: vectorFromArray(
      all.map((r) => r.value),
      new Float64()
    ),
    flag: text((r) => r.flag)
  });
  const file = `${LONG_ID}.arrow`;
  writeFileSync(path.join(dir, file), tableToIPC(table, 'file'));
  const periods = Array.from({ length: LONG_MONTHS }, (_, i) => month(i));
  const count = (code: string) => all.filter((r) => r.geo === code).length;
  return {
    id: LONG_ID,
    title: 'SYNTHETIC: generated long monthly series (e2e test, not statistics)',
    publisher: 'Cooperare e2e tests (generated, not published data)',
    tableCode: LONG_ID,
    licence: 'Generated for tests; not data',
    sources: [],
    combination: null,
    lastUpdate: null,
    dimensions: [
      {
        id: 'indicator',
        label: 'SYNTHETIC indicator',
        codes: [{ code: 'S1', label: 'SYNTHETIC: generated values', rows: all.length }]
      },
      {
        id: 'geo',
        label: 'SYNTHETIC series',
        codes: GEOS.map((code) => ({ code, label: `SYNTHETIC ${code}`, rows: count(code) }))
      }
    ],
    time: { frequency: 'monthly', first: periods[0], last: periods.at(-1)!, periods },
    geo: GEOS,
    rowCount: all.length,
    flagCounts: { p: 1, e: 1, ':': MISSING.length },
    caveats: ['SYNTHETIC: the values are generated for a test; they are not statistics.'],
    file,
    bytes: 0,
    origin: 'shipped'
  };
}
