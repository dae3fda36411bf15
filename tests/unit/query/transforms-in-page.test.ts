/**
 * Each transform the page computes from rows it holds gives the rows its SQL gives on the
 * shipped data: the same values to the last bit, the same flags, breaks and notes (so the
 * same words under the chart).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { SqlEngine } from '../../../src/lib/db/engine';
import { codesFromTable, codesWithDataSql } from '../../../src/lib/query/coverage';
import {
  codesWithDataHeld,
  heldFilters,
  heldRowsSql,
  heldSeries,
  readHeldRows,
  type HeldRows
} from '../../../src/lib/query/held-rows';
import type { SeriesRequest } from '../../../src/lib/query/series';
import {
  transformInPage,
  transformedRowsFromTable,
  transformSql,
  type TransformSpec
} from '../../../src/lib/query/transforms';
import { transformNoteText } from '../../../src/lib/query/transform-note-text';
import { frequencyOf, periodOfOrdinal, periodOrdinal } from '../../../src/lib/model/period';
import { DATASETS } from '../support/explore-sources';
import { startNodeEngine } from '../support/node-engine';

let engine: SqlEngine;
const manifest = (id: string) => DATASETS.find((d) => d.id === id)!;

beforeAll(async () => {
  engine = await startNodeEngine();
  for (const id of ['crim_off_cat', 'tps00001', 'migr_eipre', 'frontex_ibc'])
    await engine.insertArrowIpc(id, readFileSync(`datasets/${manifest(id).file}`));
}, 60_000);

/** The rows the explorer would hold for `request`, read from the engine as the page does. */
async function hold(request: SeriesRequest): Promise<HeldRows> {
  const dataset = manifest(request.table);
  const filters = heldFilters(dataset, request);
  if (filters === null) throw new Error(`${request.table} would not be held`);
  const dimensions = dataset.dimensions.map((d) => d.id);
  const answer = await engine.query(heldRowsSql(request.table, dimensions, filters));
  const held = readHeldRows(request.table, dimensions, filters, dataset.time.frequency, answer);
  if (!held) throw new Error(`${request.table}: past the limit`);
  return held;
}

/** Runs `spec` both ways on `request` and returns the SQL's rows, after comparing them. */
async function bothWays(held: HeldRows, request: SeriesRequest, spec: TransformSpec) {
  const query = transformSql(request, spec);
  if ('error' in query) throw new Error(query.error);
  const table = await engine.query(query.sql);
  const fromSql = transformedRowsFromTable(table);
  const series = heldSeries(held, request);
  expect(series, 'the held rows cover the request').not.toBeNull();
  const inPage = transformInPage(series!, request, spec);
  expect(inPage, `${spec.kind} is computed in the page`).not.toBeNull();
  expect(inPage!.rows).toEqual(fromSql);
  const absolute = table.getChild('absolute_change');
  if (absolute)
    fromSql.forEach((row, i) => {
      const value = absolute.get(i);
      expect(inPage!.absoluteChange[row.series]).toBe(value === null ? null : Number(value));
    });
  return fromSql;
}

const kinds = (from: string, to: string, bases: string[]): TransformSpec[] => [
  { kind: 'none' },
  ...bases.map((base) => ({ kind: 'index' as const, base })),
  { kind: 'yoy' },
  { kind: 'ma3' },
  { kind: 'change', periods: { from, to } },
  { kind: 'change', periods: { from, to }, measure: 'absolute' }
];

describe('transforms computed in the page', () => {
  test('crim_off_cat: every country, gaps in the series, windows and bases', async () => {
    const geo = manifest('crim_off_cat').dimensions.find((d) => d.id === 'geo')!.codes;
    for (const [iccs, unit] of [
      ['ICCS0101', 'NR'],
      ['ICCS0101', 'P_HTHAB'],
      ['ICCS020221', 'P_HTHAB']
    ])
      for (const [from, to] of [
        ['2008', '2022'],
        ['2010', '2015']
      ]) {
        const request: SeriesRequest = {
          table: 'crim_off_cat',
          filters: { freq: ['A'], iccs: [iccs], unit: [unit], geo: geo.map((c) => c.code) },
          seriesBy: 'geo',
          timeFrom: from,
          timeTo: to
        };
        const held = await hold(request);
        for (const spec of kinds('2010', '2020', [from, '2012', '2022']))
          await bothWays(held, request, spec);
      }
  }, 60_000);

  test('tps00001: flags and breaks (the EU aggregate has several) travel the same way', async () => {
    const request: SeriesRequest = {
      table: 'tps00001',
      filters: { indic_de: ['JAN'], geo: ['DE', 'EU27_2020', 'RO', 'NO', 'FR', 'UK'] },
      seriesBy: 'geo',
      timeFrom: '2012',
      timeTo: '2020'
    };
    const held = await hold(request);
    let flagged = 0;
    for (const spec of kinds('2011', '2019', ['2012', '2010', '2015'])) {
      const rows = await bothWays(held, request, spec);
      flagged += rows.filter((r) => r.flag !== null && r.breakInWindow).length;
    }
    // The comparison is only worth something if flags and breaks are among the rows.
    expect(flagged).toBeGreaterThan(10);
  }, 60_000);

  test('migr_eipre: the d and b flags, one country per series', async () => {
    const dataset = manifest('migr_eipre');
    const first = (id: string) => [dataset.dimensions.find((d) => d.id === id)!.codes[0].code];
    const request: SeriesRequest = {
      table: 'migr_eipre',
      filters: {
        freq: first('freq'),
        reason: first('reason'),
        apprehen: first('apprehen'),
        citizen: ['TOTAL'],
        sex: first('sex'),
        age: first('age'),
        unit: first('unit'),
        geo: dataset.dimensions.find((d) => d.id === 'geo')!.codes.map((c) => c.code)
      },
      seriesBy: 'geo',
      timeFrom: dataset.time.first,
      timeTo: dataset.time.last
    };
    const held = await hold(request);
    for (const spec of kinds(dataset.time.first, dataset.time.last, [dataset.time.first]))
      await bothWays(held, request, spec);
  }, 60_000);

  test('frontex_ibc: monthly periods, a second dimension in panels, a slice held', async () => {
    const dataset = manifest('frontex_ibc');
    const request: SeriesRequest = {
      table: 'frontex_ibc',
      filters: {
        route: dataset.dimensions.find((d) => d.id === 'route')!.codes.map((c) => c.code),
        border_type: dataset.dimensions
          .find((d) => d.id === 'border_type')!
          .codes.map((c) => c.code),
        citizen: ['SY']
      },
      seriesBy: 'route',
      panelBy: 'border_type',
      timeFrom: '2016-03',
      timeTo: '2019-11'
    };
    // Too large to hold whole: the slice of the chosen nationality is held.
    expect(heldFilters(dataset, request)).toEqual({
      border_type: request.filters.border_type,
      citizen: ['SY']
    });
    const held = await hold(request);
    for (const spec of kinds('2015-01', '2020-12', ['2016-03', '2018-07']))
      await bothWays(held, request, spec);
    // Another nationality is not in the slice: the engine answers it.
    expect(heldSeries(held, { ...request, filters: { ...request.filters, citizen: ['AF'] } })).toBe(
      null
    );
  }, 60_000);

  test('the note under a 3-period average is worded from the same gap', async () => {
    const request: SeriesRequest = {
      table: 'crim_off_cat',
      filters: { freq: ['A'], iccs: ['ICCS020221'], unit: ['P_HTHAB'], geo: ['RO'] },
      seriesBy: 'geo',
      timeFrom: '2008',
      timeTo: '2022'
    };
    const held = await hold(request);
    const rows = transformInPage(heldSeries(held, request)!, request, { kind: 'ma3' })!.rows;
    // Romania's 2009 kidnapping rate is missing (`:`), so 2010 and 2011 have no average;
    // 2008 is the first year published.
    expect(rows.filter((r) => r.note).map((r) => transformNoteText(r.note!))).toEqual([
      expect.stringContaining('2008'),
      expect.stringContaining('2010'),
      expect.stringContaining('2011')
    ]);
    expect(rows.find((r) => r.period === '2012')?.value).not.toBeNull();
  });

  test('a rate needs the population: the page does not compute it', async () => {
    const request: SeriesRequest = {
      table: 'crim_off_cat',
      filters: { freq: ['A'], iccs: ['ICCS0101'], unit: ['NR'], geo: ['RO'] },
      seriesBy: 'geo'
    };
    const held = await hold(request);
    const spec = {
      kind: 'rate',
      plan: { kind: 'unavailable', reason: '' }
    } as unknown as TransformSpec;
    expect(transformInPage(heldSeries(held, request)!, request, spec)).toBeNull();
  });

  test('a period’s ordinal reads back as the period, as the held rows read periods', () => {
    const periods = ['2009', '1999', '2009-Q1', '2009-Q4', '2009-01', '2009-10', '2009-12'];
    expect(periods.map((p) => periodOfOrdinal(periodOrdinal(p), frequencyOf(p)))).toEqual(periods);
  });

  test('the countries with data in a window are those the engine finds', async () => {
    const geo = manifest('crim_off_cat').dimensions.find((d) => d.id === 'geo')!.codes;
    const codes = geo.map((c) => c.code);
    const request: SeriesRequest = {
      table: 'crim_off_cat',
      filters: { freq: ['A'], iccs: ['ICCS0501'], unit: ['P_HTHAB'], geo: ['RO'] },
      seriesBy: 'geo'
    };
    const held = await hold(request);
    for (const [iccs, from, to] of [
      ['ICCS0501', '2015', '2022'],
      ['ICCS020221', '2008', '2010'],
      ['ICCS0501', '2022', '2022']
    ]) {
      const filters = { ...request.filters, iccs: [iccs] };
      const sql = codesWithDataSql('crim_off_cat', 'geo', filters, from, to);
      const fromSql = codesFromTable(await engine.query(sql));
      const inPage = codesWithDataHeld(held, 'geo', codes, filters, { timeFrom: from, timeTo: to });
      expect(inPage).toEqual(fromSql);
      // Not every country has data in every window, or the comparison would prove little.
      expect(fromSql.size).toBeLessThan(codes.length);
    }
  });
});
