import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../../src/lib/db/engine';
import { comparatorGeos } from '../../../src/lib/indicators/comparator-group';
import {
  beforeAfter,
  comparatorChange,
  comparatorFavours,
  pathValue,
  reportedStatus,
  statisticStatus,
  valuesByGeo,
  type YearValues
} from '../../../src/lib/indicators/evaluate';
import type { ReportedIndicator } from '../../../src/lib/indicators/framework';
import { indicatorSeriesRequest } from '../../../src/lib/query/indicator';
import { observationsFromTable, seriesSql } from '../../../src/lib/query/series';
import { startNodeEngine } from '../support/node-engine';

const years = (entries: [number, number][]): YearValues => new Map(entries);

describe('status rule', () => {
  const fromData = { year: 2012, value: 'from data' } as const;

  it('is insufficient without a baseline value or a later value', () => {
    expect(statisticStatus('down', fromData, null, years([[2013, 5]]))).toMatchObject({
      kind: 'insufficient',
      reason: 'no-baseline'
    });
    expect(statisticStatus('down', fromData, null, years([[2012, 5]]))).toMatchObject({
      kind: 'insufficient',
      reason: 'no-later-value'
    });
  });

  it('without a target, judges the move from the baseline in the desired direction', () => {
    const v = years([
      [2012, 10],
      [2020, 8]
    ]);
    expect(statisticStatus('down', fromData, null, v).kind).toBe('on-track');
    expect(statisticStatus('up', fromData, null, v).kind).toBe('off-track');
  });

  it('with a target, compares the latest value with the straight path to it', () => {
    // Baseline 100 in 2012, target 50 in 2022: the path is at 75 in 2017.
    expect(pathValue({ year: 2012, value: 100 }, { year: 2022, value: 50 }, 2017)).toBe(75);
    const target = { year: 2022, value: 50, origin: 'evaluator' } as const;
    const base = { year: 2012, value: 100 };
    expect(statisticStatus('down', base, target, years([[2017, 74]]))).toMatchObject({
      kind: 'on-track',
      expected: 75
    });
    expect(statisticStatus('down', base, target, years([[2017, 76]])).kind).toBe('off-track');
    // After the target year the path stays at the target.
    expect(statisticStatus('down', base, target, years([[2024, 51]])).kind).toBe('off-track');
  });

  it('judges reported outputs only when both target and achieved value are known', () => {
    const indicator: ReportedIndicator = {
      id: 'x',
      objective: 'so2',
      kind: 'reported',
      project: 'p6',
      name: { en: 'x', ro: 'x' },
      unit: { en: 'persons', ro: 'persoane' },
      direction: 'up',
      source: 'https://example.org',
      target: { year: 2017, value: 110, origin: 'project description' },
      achieved: null
    };
    expect(reportedStatus(indicator)).toMatchObject({
      kind: 'insufficient',
      reason: 'no-achieved'
    });
    expect(
      reportedStatus({ ...indicator, achieved: { year: 2017, value: 110, origin: 'evaluator' } })
        .kind
    ).toBe('on-track');
    expect(
      reportedStatus({ ...indicator, achieved: { year: 2017, value: 90, origin: 'evaluator' } })
        .kind
    ).toBe('off-track');
    expect(reportedStatus({ ...indicator, target: null })).toMatchObject({ reason: 'no-target' });
  });
});

describe('before/after', () => {
  it('compares the means of 2010–2012 and 2018–2020', () => {
    const v = years([
      [2010, 3],
      [2011, 6],
      [2012, 9],
      [2018, 2],
      [2019, 4],
      [2020, 6]
    ]);
    expect(beforeAfter(v, [2010, 2011, 2012], [2018, 2019, 2020])).toEqual({
      kind: 'ok',
      before: 6,
      after: 4,
      change: -2,
      percent: -100 / 3
    });
  });

  it('is insufficient when any year is missing, and says which', () => {
    const v = years([
      [2010, 3],
      [2012, 9],
      [2018, 2],
      [2019, 4],
      [2020, 6]
    ]);
    expect(beforeAfter(v, [2010, 2011, 2012], [2018, 2019, 2020])).toEqual({
      kind: 'insufficient',
      missing: [2011]
    });
  });
});

describe('on real series (crim_off_cat, theft per 100 000 inhabitants)', () => {
  let engine: SqlEngine;
  const eu = comparatorGeos({ group: 'EU27' }, 'RO');
  const filters = { iccs: 'ICCS0502', unit: 'P_HTHAB' };

  beforeAll(async () => {
    engine = await startNodeEngine();
    await engine.insertArrowIpc('crim_off_cat', readFileSync('datasets/crim_off_cat.arrow'));
  });

  async function load() {
    const sql = seriesSql(
      indicatorSeriesRequest({ dataset: 'crim_off_cat', filters, geos: ['RO', ...eu] })
    );
    return valuesByGeo(observationsFromTable(await engine.query(sql)));
  }

  it('leaves Romania out of its own comparator group', () => {
    expect(eu).toHaveLength(26);
    expect(eu).not.toContain('RO');
  });

  it('gives the difference in differences that plain SQL gives', async () => {
    const byGeo = await load();
    const own = byGeo.get('RO')!;
    const others = new Map([...byGeo].filter(([geo]) => geo !== 'RO'));
    const result = comparatorChange(own, others, 2012);
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') return;
    expect(result.year).toBe(2022);

    // The same definition written directly in SQL: index to 2012, median over countries
    // with a value above zero in 2012 and in 2022.
    const check = await engine.query(`
      WITH s AS (SELECT geo, CAST(time AS INTEGER) AS y, value FROM crim_off_cat
        WHERE iccs = 'ICCS0502' AND unit = 'P_HTHAB' AND value IS NOT NULL),
      b AS (SELECT geo, value AS base FROM s WHERE y = 2012 AND value > 0),
      l AS (SELECT geo, value AS last FROM s WHERE y = 2022),
      idx AS (SELECT b.geo, l.last / b.base * 100 AS i FROM b JOIN l USING (geo))
      SELECT (SELECT i FROM idx WHERE geo = 'RO') AS own,
        (SELECT median(i) FROM idx WHERE geo IN (${eu.map((g) => `'${g}'`).join(',')})) AS comp,
        (SELECT count(*) FROM idx WHERE geo IN (${eu.map((g) => `'${g}'`).join(',')})) AS n`);
    const row = check.get(0)!.toJSON() as { own: number; comp: number; n: bigint };
    expect(result.index).toBeCloseTo(row.own, 9);
    expect(result.comparatorIndex).toBeCloseTo(row.comp, 9);
    expect(result.countries).toHaveLength(Number(row.n));
    expect(result.difference).toBeCloseTo(row.own - row.comp, 9);
    expect(result.ownSeries.get(2012)).toBe(100);
  });

  it('computes the status of theft from the published 2012 and 2022 values', async () => {
    const own = (await load()).get('RO')!;
    const base = own.get(2012)!;
    const latest = own.get(2022)!;
    const status = statisticStatus('down', { year: 2012, value: 'from data' }, null, own);
    expect(status.baseline).toEqual({ year: 2012, value: base });
    expect(status.latest).toEqual({ year: 2022, value: latest });
    expect(status.kind).toBe(latest <= base ? 'on-track' : 'off-track');
    // A target far below the latest value puts the same series off track.
    const strict = statisticStatus(
      'down',
      { year: 2012, value: 'from data' },
      { year: 2017, value: latest / 2, origin: 'evaluator' },
      own
    );
    expect(strict.kind).toBe('off-track');
  });

  it('says sexual exploitation has no 2012 baseline for Romania (published from 2017)', async () => {
    const sql = seriesSql(
      indicatorSeriesRequest({
        dataset: 'crim_off_cat',
        filters: { iccs: 'ICCS0302', unit: 'P_HTHAB' },
        geos: ['RO']
      })
    );
    const own = valuesByGeo(observationsFromTable(await engine.query(sql))).get('RO')!;
    expect(Math.min(...own.keys())).toBe(2017);
    expect(statisticStatus('down', { year: 2012, value: 'from data' }, null, own).kind).toBe(
      'insufficient'
    );
    expect(beforeAfter(own, [2010, 2011, 2012], [2018, 2019, 2020])).toEqual({
      kind: 'insufficient',
      missing: [2010, 2011, 2012]
    });
    expect(comparatorChange(own, new Map(), 2012)).toEqual({
      kind: 'insufficient',
      reason: 'no-base-value'
    });
  });

  it('takes the median country as the typical change, so one jumping series cannot make it', () => {
    const series = (base: number, later: number) =>
      new Map([
        [2012, base],
        [2022, later]
      ]);
    const own = series(100, 80);
    // Four countries fall by 10 %; one series jumps 60-fold (a change of recording).
    const others = new Map([
      ['AA', series(50, 45)],
      ['BB', series(20, 18)],
      ['CC', series(10, 9)],
      ['DD', series(0.5, 30)],
      ['EE', series(40, 36)]
    ]);
    const result = comparatorChange(own, others, 2012);
    if (result.kind !== 'ok') throw new Error(result.reason);
    expect(result.comparatorIndex).toBeCloseTo(90, 9);
    expect(result.difference).toBeCloseTo(-10, 9);
    // With an even number of countries, the middle two are averaged: (90 + 95) / 2.
    const even = comparatorChange(
      own,
      new Map([
        ['AA', series(50, 45)],
        ['BB', series(20, 19)],
        ['CC', series(10, 8)],
        ['DD', series(0.5, 30)]
      ]),
      2012
    );
    if (even.kind !== 'ok') throw new Error(even.reason);
    expect(even.comparatorIndex).toBeCloseTo(92.5, 9);
  });

  it('reads the sign of the difference against the desired direction', () => {
    expect(comparatorFavours('down', -5)).toBe(true);
    expect(comparatorFavours('up', -5)).toBe(false);
    expect(comparatorFavours('up', 0)).toBeNull();
  });
});
