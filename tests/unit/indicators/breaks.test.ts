import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../../src/lib/db/engine';
import {
  SHIFT_MIN_CHANGES,
  breakFlagYears,
  breaksSpanned,
  consistentSegment,
  detectLevelShifts,
  knownBreaksFor,
  seriesBreaks,
  type LevelShift
} from '../../../src/lib/indicators/breaks';
import {
  statisticStatus,
  valuesByGeo,
  type YearValues
} from '../../../src/lib/indicators/evaluate';
import type { KnownBreak } from '../../../src/lib/indicators/framework';
import { parseFramework } from '../../../src/lib/indicators/framework-check';
import { indicatorSeriesRequest } from '../../../src/lib/query/indicator';
import { observationsFromTable, seriesSql } from '../../../src/lib/query/series';
import { startNodeEngine } from '../support/node-engine';

function shipped() {
  const result = parseFramework(readFileSync('datasets/programme/ro21.json', 'utf8'));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.framework;
}

const framework = shipped();
const criminalCodes = framework.breaks![0];
const noBreaks = { breaks: undefined };

/** Year values from consecutive years starting at `first`. */
function yearly(first: number, values: number[]): YearValues {
  return new Map(values.map((v, i) => [first + i, v]));
}

/** What a shift says, without the exact z: the year, the two values, its shape and cause. */
function summary(s: LevelShift) {
  return [s.year, s.before, s.after, s.shape, s.explanation.kind];
}

describe('known breaks for a series', () => {
  const romania = (dataset: string, filters: Record<string, string>, geo = 'RO') =>
    knownBreaksFor({ dataset, filters, geo }, framework);

  it('gives the new Criminal Code for Romania’s police-recorded crime, with its sources', () => {
    expect(criminalCodes).toMatchObject({ geo: 'RO', from: 2014, date: '2014-02-01', kind: 'law' });
    expect(criminalCodes.sources.length).toBeGreaterThan(0);
    expect(romania('crim_off_cat', { iccs: 'ICCS0501', unit: 'P_HTHAB' })).toEqual([criminalCodes]);
    expect(romania('crim_just_ctz', { leg_stat: 'PER_SUSP', citizen: 'FOR' })).toEqual([
      criminalCodes
    ]);
  });

  it('reaches Romania’s regions, and no other country or dataset', () => {
    expect(romania('crim_gen_reg', { iccs: 'ICCS0501' }, 'RO111')).toEqual([criminalCodes]);
    expect(romania('crim_off_cat', { iccs: 'ICCS0501' }, 'NO')).toEqual([]);
    expect(romania('crim_off_cat', { iccs: 'ICCS0501' }, 'EU27_2020')).toEqual([]);
    expect(romania('migr_eipre', { reason: 'TOTAL' })).toEqual([]);
  });

  it('limits a break to the codes it names, unless the series sums over them', () => {
    const theftOnly: KnownBreak = {
      ...criminalCodes,
      id: 'theft-only',
      affects: { datasets: ['crim_off_cat'], codes: { iccs: ['ICCS0502'] } }
    };
    const f = { breaks: [theftOnly] };
    const series = (filters: Record<string, string>) =>
      knownBreaksFor({ dataset: 'crim_off_cat', filters, geo: 'RO' }, f);
    expect(series({ iccs: 'ICCS0502', unit: 'NR' })).toEqual([theftOnly]);
    expect(series({ iccs: 'ICCS0501', unit: 'NR' })).toEqual([]);
    expect(series({ unit: 'NR' })).toEqual([theftOnly]);
  });

  it('finds none in a framework written before breaks were kept', () => {
    expect(knownBreaksFor({ dataset: 'crim_off_cat', filters: {}, geo: 'RO' }, noBreaks)).toEqual(
      []
    );
  });
});

describe('level shifts on the shipped crim_off_cat', () => {
  let engine: SqlEngine;

  beforeAll(async () => {
    engine = await startNodeEngine();
    await engine.insertArrowIpc('crim_off_cat', readFileSync('datasets/crim_off_cat.arrow'));
  });

  async function series(iccs: string, geo: string): Promise<YearValues> {
    const sql = seriesSql(
      indicatorSeriesRequest({
        dataset: 'crim_off_cat',
        filters: { iccs, unit: 'P_HTHAB' },
        geos: [geo]
      })
    );
    return valuesByGeo(observationsFromTable(await engine.query(sql))).get(geo) ?? new Map();
  }

  async function scan(iccs: string, geo: string, f: { breaks?: KnownBreak[] } = framework) {
    const known = knownBreaksFor({ dataset: 'crim_off_cat', filters: { iccs }, geo }, f);
    return detectLevelShifts(await series(iccs, geo), { known });
  }

  it('holds the jumps the issue quotes: burglary 97.8 → 256.3, theft 287.5 → 824.2 in 2014', async () => {
    const burglary = await series('ICCS0501', 'RO');
    expect([burglary.get(2013), burglary.get(2014)]).toEqual([97.77, 256.26]);
    const theft = await series('ICCS0502', 'RO');
    expect([theft.get(2013), theft.get(2014)]).toEqual([287.5, 824.15]);
  });

  it('finds Romania’s 2014 jumps in burglary and theft, explained by the new Criminal Code', async () => {
    for (const [iccs, ratio] of [
      ['ICCS0501', 2.62],
      ['ICCS0502', 2.87]
    ] as const) {
      const result = await scan(iccs, 'RO');
      if (result.kind !== 'scanned') throw new Error(iccs);
      expect(result.shifts, iccs).toHaveLength(1);
      const [shift] = result.shifts;
      expect(shift).toMatchObject({ year: 2014, shape: 'step' });
      expect(shift.ratio).toBeCloseTo(ratio, 2);
      expect(Math.abs(shift.z)).toBeGreaterThan(4);
      expect(shift.explanation).toEqual({ kind: 'known', known: criminalCodes });
    }
  });

  it('calls the same jumps possible breaks when the framework does not know the law', async () => {
    for (const iccs of ['ICCS0501', 'ICCS0502']) {
      const result = await scan(iccs, 'RO', noBreaks);
      if (result.kind !== 'scanned') throw new Error(iccs);
      expect(result.shifts.map(summary)[0]).toEqual(expect.arrayContaining([2014, 'step', 'none']));
      expect(seriesBreaks([], [], result).map((b) => [b.year, b.kind])).toEqual([
        [2014, 'possible']
      ]);
    }
  });

  it('finds nothing in Romania’s intentional homicides', async () => {
    expect(await scan('ICCS0101', 'RO')).toEqual({ kind: 'scanned', changes: 14, shifts: [] });
  });

  it('finds in Norway only the 2011 homicides, as a one-year spike and not a break', async () => {
    const found: unknown[] = [];
    for (const iccs of (await codes('NO')).sort()) {
      const result = await scan(iccs, 'NO');
      if (result.kind === 'scanned') found.push(...result.shifts.map((s) => [iccs, ...summary(s)]));
    }
    expect(found).toEqual([['ICCS0101', 2011, 0.6, 2.26, 'spike', 'none']]);
    const homicide = await scan('ICCS0101', 'NO');
    expect(seriesBreaks([], [], homicide)).toEqual([]);
  });

  it('lists every shift in Romania’s series per 100 000 (as docs/methods.md reports them)', async () => {
    const found: unknown[] = [];
    for (const iccs of (await codes('RO')).sort()) {
      const result = await scan(iccs, 'RO');
      if (result.kind === 'scanned') found.push(...result.shifts.map((s) => [iccs, ...summary(s)]));
    }
    expect(found).toEqual([
      ['ICCS020111', 2014, 87.77, 11.43, 'step', 'known'],
      ['ICCS020111', 2015, 11.43, 1.5, 'step', 'none'],
      ['ICCS03012', 2015, 3.21, 0.4, 'step', 'none'],
      ['ICCS03012', 2018, 0.73, 1.47, 'step', 'none'],
      ['ICCS0401', 2014, 14.65, 32.17, 'spike', 'known'],
      ['ICCS0501', 2014, 97.77, 256.26, 'step', 'known'],
      ['ICCS0502', 2014, 287.5, 824.15, 'step', 'known'],
      ['ICCS0601', 2015, 12.07, 25.42, 'step', 'none'],
      ['ICCS0703', 2017, 7.09, 27.67, 'step', 'none']
    ]);
  });

  async function codes(geo: string): Promise<string[]> {
    const table = await engine.query(
      `SELECT DISTINCT CAST(iccs AS VARCHAR) AS iccs FROM crim_off_cat WHERE geo = '${geo}'`
    );
    return table.toArray().map((row) => String(row.iccs));
  }

  it('puts burglary in a segment from 2014, where its verdict differs from 2012’s', async () => {
    const burglary = await series('ICCS0501', 'RO');
    const breaks = seriesBreaks([criminalCodes], [], detectLevelShifts(burglary));
    expect(consistentSegment(burglary, breaks)).toEqual({
      from: 2014,
      to: 2022,
      years: [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022],
      startsAt: 2014,
      choice: 'latest'
    });
    // From the 2012 baseline the comparison crosses the break, and burglary is off track…
    expect(breaksSpanned({ from: 2012, to: 2022 }, breaks)).toEqual([
      { year: 2014, kind: 'known', known: criminalCodes }
    ]);
    const fromData = (year: number) => ({ year, value: 'from data' as const });
    expect(statisticStatus('down', fromData(2012), null, burglary).kind).toBe('off-track');
    // …within the segment it falls (2014 itself is its highest year; 2015 on, it still falls).
    expect(breaksSpanned({ from: 2014, to: 2022 }, breaks)).toEqual([]);
    expect(statisticStatus('down', fromData(2014), null, burglary).kind).toBe('on-track');
    expect(statisticStatus('down', fromData(2015), null, burglary).kind).toBe('on-track');
  });
});

describe('level shifts in every statistic indicator of the shipped framework', () => {
  it('finds the 2014 code change in burglary and theft, and possible breaks in corruption and illegal presence', async () => {
    const engine = await startNodeEngine();
    const found: unknown[] = [];
    const loaded = new Set<string>();
    for (const indicator of framework.indicators) {
      if (indicator.kind !== 'statistic') continue;
      const { dataset, filters, geo } = indicator.binding;
      if (!loaded.has(dataset)) {
        await engine.insertArrowIpc(dataset, readFileSync(`datasets/${dataset}.arrow`));
        loaded.add(dataset);
      }
      const sql = seriesSql(indicatorSeriesRequest({ dataset, filters, geos: [geo] }));
      const rows = observationsFromTable(await engine.query(sql));
      const scan = detectLevelShifts(valuesByGeo(rows).get(geo) ?? new Map(), {
        flagged: breakFlagYears(rows).get(geo),
        known: knownBreaksFor(indicator.binding, framework)
      });
      found.push([
        indicator.id,
        scan.kind,
        ...(scan.kind === 'scanned' ? scan.shifts.map(summary) : [])
      ]);
    }
    expect(found).toEqual([
      ['foreign-suspects-norway', 'scanned'],
      ['organised-crime-participation', 'scanned'],
      ['money-laundering', 'scanned'],
      ['fraud', 'too-short'],
      ['corruption', 'scanned', [2017, 7.09, 27.67, 'step', 'none']],
      ['computer-systems', 'too-short'],
      ['burglary', 'scanned', [2014, 97.77, 256.26, 'step', 'known']],
      ['theft', 'scanned', [2014, 287.5, 824.15, 'step', 'known']],
      ['illegally-present-romania', 'scanned', [2021, 3475, 10780, 'step', 'none']],
      ['refused-entry-romania', 'scanned'],
      ['sexual-exploitation', 'too-short'],
      ['trafficking-victims-romania', 'scanned'],
      ['romanian-victims-norway', 'scanned']
    ]);
  });
});

describe('level shifts explained by a b flag (migr_eipre, as shipped)', () => {
  it('reads the flags and explains Sweden’s 2015 fall by them', async () => {
    const engine = await startNodeEngine();
    await engine.insertArrowIpc('migr_eipre', readFileSync('datasets/migr_eipre.arrow'));
    const filters = { reason: 'TOTAL', apprehen: 'TOTAL', citizen: 'TOTAL', sex: 'T' };
    const sql = seriesSql(
      indicatorSeriesRequest({
        dataset: 'migr_eipre',
        filters: { ...filters, age: 'TOTAL', unit: 'PER' },
        geos: ['SE', 'FR']
      })
    );
    const rows = observationsFromTable(await engine.query(sql));
    const flagged = breakFlagYears(rows);
    expect(Object.fromEntries(flagged)).toEqual({ FR: [2014], SE: [2014, 2015] });
    const values = valuesByGeo(rows);
    const sweden = detectLevelShifts(values.get('SE')!, { flagged: flagged.get('SE') });
    if (sweden.kind !== 'scanned') throw new Error('too short');
    expect(sweden.shifts.map(summary)).toEqual([[2015, 72835, 1445, 'step', 'flag']]);
    // The rule is cautious: France's flagged 2014 (×1.97) and Sweden's (×2.98) lie within
    // four robust deviations of those noisy series' other changes.
    const france = detectLevelShifts(values.get('FR')!, { flagged: flagged.get('FR') });
    expect(france).toMatchObject({ kind: 'scanned', shifts: [] });
    expect(seriesBreaks([], flagged.get('SE')!, sweden).map((b) => [b.year, b.kind])).toEqual([
      [2014, 'flag'],
      [2015, 'flag']
    ]);
  });
});

describe('level-shift rule on constructed series', () => {
  // Changes alternate +5 % and −5 %: the typical change is small and steady.
  const steady = (first: number, n: number) =>
    Array.from({ length: n }, (_, i) => 100 * (i % 2 === 0 ? 1 : 1.05)).map((v, i) => [
      first + i,
      v
    ]);

  it('needs SHIFT_MIN_CHANGES year-to-year changes', () => {
    const short = yearly(2010, [100, 101, 102, 103, 300, 301]);
    expect(detectLevelShifts(short)).toEqual({ kind: 'too-short', changes: 5 });
    expect(SHIFT_MIN_CHANGES).toBe(6);
  });

  it('fires just beyond ×1.8 and not at it, when the series is otherwise steady', () => {
    const series = (jump: number) => {
      const v = new Map(steady(2010, 7) as [number, number][]);
      for (const [y, x] of steady(2017, 6)) v.set(y, x * jump);
      return v;
    };
    expect(detectLevelShifts(series(1.8))).toMatchObject({ shifts: [] });
    const above = detectLevelShifts(series(1.9));
    if (above.kind !== 'scanned') throw new Error('too short');
    expect(above.shifts.map((s) => [s.year, s.shape])).toEqual([[2017, 'step']]);
    expect(above.shifts[0].percent).toBeCloseTo(90, 9);
  });

  it('lets a series that always moves a lot double without alarm', () => {
    // Rises and falls by a half or more in turn: a final doubling is its ordinary pace.
    const steps = [1.5, 0.6, 1.7, 0.55, 1.9, 0.65, 1.6, 0.5, 2];
    const levels = steps.reduce((acc, step) => [...acc, acc[acc.length - 1] * step], [100]);
    expect(detectLevelShifts(yearly(2010, levels))).toMatchObject({
      kind: 'scanned',
      shifts: []
    });
  });

  it('says z is infinite when the other changes are all alike', () => {
    const flat = yearly(2010, [10, 10, 10, 10, 10, 10, 30, 30, 30, 30]);
    const result = detectLevelShifts(flat);
    if (result.kind !== 'scanned') throw new Error('too short');
    expect(result.shifts.map((s) => [s.year, s.z, s.ratio])).toEqual([[2016, Infinity, 3]]);
  });

  it('never compares across a missing year or from zero', () => {
    const gappy = new Map([
      ...(steady(2008, 7) as [number, number][]),
      // 2015 is missing, then the level is tripled; 2017 is 0.
      [2016, 300],
      [2017, 0],
      [2018, 900]
    ]);
    expect(detectLevelShifts(gappy)).toEqual({ kind: 'scanned', changes: 6, shifts: [] });
  });

  it('reports a spike once, and the fall after it is not a shift of its own', () => {
    const v = new Map(steady(2008, 14) as [number, number][]);
    v.set(2013, 400);
    const result = detectLevelShifts(v);
    if (result.kind !== 'scanned') throw new Error('too short');
    expect(result.shifts.map((s) => [s.year, s.shape])).toEqual([[2013, 'spike']]);
    // The latest year can't tell a spike from a step.
    v.set(2021, 400);
    const last = detectLevelShifts(v);
    if (last.kind !== 'scanned') throw new Error('too short');
    expect(last.shifts.map((s) => [s.year, s.shape])).toEqual([
      [2013, 'spike'],
      [2021, 'unknown']
    ]);
  });
});

describe('consistent segments and spanned breaks', () => {
  const values = yearly(2008, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);

  it('takes the years after the last break when there are enough of them', () => {
    expect(consistentSegment(values, [{ year: 2014 }, { year: 2011 }])).toMatchObject({
      from: 2014,
      to: 2022,
      startsAt: 2014,
      choice: 'latest'
    });
  });

  it('falls back to the longest stretch when the latest is too short', () => {
    expect(consistentSegment(values, [{ year: 2012 }, { year: 2021 }])).toMatchObject({
      from: 2012,
      to: 2020,
      startsAt: 2012,
      choice: 'longest'
    });
    // Before every break, the stretch starts at no break.
    expect(consistentSegment(values, [{ year: 2020 }, { year: 2022 }])).toMatchObject({
      from: 2008,
      to: 2019,
      startsAt: null,
      choice: 'longest'
    });
  });

  it('is the whole series without breaks, and nothing without values', () => {
    expect(consistentSegment(values, [])).toMatchObject({ from: 2008, to: 2022 });
    expect(consistentSegment(new Map(), [{ year: 2014 }])).toBeNull();
  });

  it('counts a break as crossed after the first year and up to the last', () => {
    const breaks = [{ year: 2014 }];
    expect(breaksSpanned({ from: 2013, to: 2014 }, breaks)).toEqual(breaks);
    expect(breaksSpanned({ from: 2014, to: 2020 }, breaks)).toEqual([]);
    expect(breaksSpanned({ from: 2010, to: 2013 }, breaks)).toEqual([]);
  });

  it('keeps one break a year, preferring the one with a name and a source', () => {
    const scan = detectLevelShifts(yearly(2010, [10, 10, 10, 10, 30, 30, 30, 30, 30, 30]));
    expect(seriesBreaks([criminalCodes], [2014, 2019], scan).map((b) => [b.year, b.kind])).toEqual([
      [2014, 'known'],
      [2019, 'flag']
    ]);
  });
});
