import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { valuesByGeo } from '../../../src/lib/indicators/evaluate';
import type { StatisticIndicator } from '../../../src/lib/indicators/framework';
import { parseFramework } from '../../../src/lib/indicators/framework-check';
import {
  backtest,
  backtestSeries,
  naiveScale,
  type BacktestSeries
} from '../../../src/lib/indicators/projection-backtest';
import { indicatorSeriesRequest } from '../../../src/lib/query/indicator';
import { observationsFromTable, seriesSql } from '../../../src/lib/query/series';
import { startNodeEngine } from '../support/node-engine';

const annual = (first: number, values: number[]) =>
  values.map((value, i) => ({ year: first + i, value }));

describe('scaled errors', () => {
  it('scale by the mean one-year change of the training values, skipping gaps', () => {
    expect(naiveScale(annual(2000, [1, 3, 2, 6]))).toBeCloseTo(7 / 3, 12);
    // 2002 → 2004 is not a one-year change.
    expect(
      naiveScale([
        { year: 2000, value: 1 },
        { year: 2001, value: 3 },
        { year: 2002, value: 2 },
        { year: 2004, value: 10 }
      ])
    ).toBeCloseTo(1.5, 12);
    expect(naiveScale(annual(2000, [4, 4, 4]))).toBeNull();
    expect(naiveScale(annual(2000, [4]))).toBeNull();
  });

  it('give the MASE worked out by hand on a seven-year series', () => {
    // Cut after 2004 (10 12 11 15 14): scale (2+1+4+1)/4 = 2, naive forecast 14;
    // 2005 = 13 and 2006 = 17 give scaled errors −0.5 (1 year ahead) and 1.5 (2 years).
    // Cut after 2005: scale (2+1+4+1+1)/5 = 1.8, forecast 13; 2006 gives 4/1.8.
    const result = backtestSeries(
      { id: 'hand', values: annual(2000, [10, 12, 11, 15, 14, 13, 17]) },
      { methods: ['naive'], maxHorizon: 4 }
    );
    expect(result.origins).toEqual([2004, 2005]);
    const errors = result.forecasts.naive!.map((f) => [f.origin, f.horizon, f.scaledError]);
    expect(errors.map(([o, h]) => [o, h])).toEqual([
      [2004, 1],
      [2004, 2],
      [2005, 1]
    ]);
    expect(errors[0][2]).toBeCloseTo(-0.5, 12);
    expect(errors[1][2]).toBeCloseTo(1.5, 12);
    expect(errors[2][2]).toBeCloseTo(4 / 1.8, 12);
    const score = result.methods.naive!;
    expect(score.mase).toBeCloseTo((0.5 + 1.5 + 4 / 1.8) / 3, 12);
    expect(score.maseByHorizon[0]).toBeCloseTo((0.5 + 4 / 1.8) / 2, 12);
    expect(score.maseByHorizon[1]).toBeCloseTo(1.5, 12);
    expect(score.maseByHorizon.slice(2)).toEqual([null, null]);
    expect(score.count).toBe(3);
  });

  it('scores every method on the same cuts: those the most demanding one can make', () => {
    const series = { id: 'x', values: annual(2000, [10, 12, 11, 15, 14, 13, 17]) };
    const both = backtestSeries(series, { methods: ['naive', 'damped'], maxHorizon: 4 });
    expect(both.origins).toEqual([2005]);
    expect(both.methods.naive!.count).toBe(1);
    expect(both.methods.damped!.count).toBe(1);
  });

  it('scores an exact projection at zero', () => {
    // Constant 10 % growth without noise: the log-linear line is exact.
    const exact = annual(2000, [100, 110, 121, 133.1, 146.41, 161.051, 177.1561]);
    const { methods } = backtestSeries(
      { id: 'exact', values: exact },
      { methods: ['log-linear'], maxHorizon: 4 }
    );
    expect(methods['log-linear']!.mase).toBeLessThan(1e-9);
  });
});

describe('the shipped backtest (docs/projection-backtest.json)', () => {
  it('is what the projection code gives on the shipped series today', async () => {
    const framework = parseFramework(readFileSync('datasets/programme/ro21.json', 'utf8'));
    if (!framework.ok) throw new Error(framework.errors.join('\n'));
    const engine = await startNodeEngine();
    const loaded = new Set<string>();
    const series: BacktestSeries[] = [];
    for (const indicator of framework.framework.indicators) {
      if (indicator.kind !== 'statistic') continue;
      const { dataset, filters, geo } = (indicator as StatisticIndicator).binding;
      if (!loaded.has(dataset)) {
        await engine.insertArrowIpc(dataset, readFileSync(`datasets/${dataset}.arrow`));
        loaded.add(dataset);
      }
      const sql = seriesSql(indicatorSeriesRequest({ dataset, filters, geos: [geo] }));
      const own = valuesByGeo(observationsFromTable(await engine.query(sql))).get(geo)!;
      series.push({ id: indicator.id, values: [...own].map(([year, value]) => ({ year, value })) });
    }
    const shipped = JSON.parse(readFileSync('docs/projection-backtest.json', 'utf8'));
    const fresh = backtest(series, { methods: shipped.methods, maxHorizon: shipped.maxHorizon });
    expect(JSON.parse(JSON.stringify(fresh.overall))).toEqual(shipped.overall);
    expect(fresh.series.map((s) => s.id)).toEqual(shipped.series.map((s: { id: string }) => s.id));
  });
});
