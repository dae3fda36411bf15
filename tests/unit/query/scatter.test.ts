import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../../src/lib/db/engine';
import { QueryManager } from '../../../src/lib/db/query-manager';
import { correlation, ranks } from '../../../src/lib/explore/scatter/correlation';
import { planMeasure, type PlannedMeasure } from '../../../src/lib/explore/scatter/measures';
import { scatterPicture } from '../../../src/lib/explore/scatter/picture';
import { ScatterState } from '../../../src/lib/explore/scatter/scatter-state.svelte';
import type { DatasetManifest } from '../../../src/lib/model/manifest';
import { scatterRowsFromTable, scatterSql } from '../../../src/lib/query/scatter';
import { parseViewParams } from '../../../src/lib/state/permalink';
import { rawTsvCell } from '../../support/raw';
import { startNodeEngine } from '../support/node-engine';

const manifest = JSON.parse(readFileSync('datasets/manifest.json', 'utf8'));
const datasets: DatasetManifest[] = Array.isArray(manifest) ? manifest : manifest.datasets;
const dataset = (id: string) => datasets.find((d) => d.id === id)!;
const CRIME = 'eurostat/estat_crim_off_cat.tsv';

/** A published cell of crim_off_cat as a number, null for `:`. */
function published(key: string, year: string): number | null {
  const cell = rawTsvCell(CRIME, key, year);
  if (cell === null) return null;
  const number = cell.split(' ')[0];
  return number === ':' ? null : Number(number);
}

let engine: SqlEngine;
beforeAll(async () => {
  engine = await startNodeEngine();
  for (const id of ['crim_off_cat', 'migr_eipre', 'demo_gind'])
    await engine.insertArrowIpc(id, readFileSync(`datasets/${id}.arrow`));
}, 60_000);

function planned(
  id: string,
  selections: Record<string, string>,
  year: string,
  rate = false,
  from = year
): PlannedMeasure {
  const result = planMeasure(
    { dataset: dataset(id), selections, rate },
    from,
    year,
    dataset('demo_gind')
  );
  if ('error' in result) throw new Error(result.error);
  return result;
}

async function joined(x: PlannedMeasure, y: PlannedMeasure) {
  return scatterRowsFromTable(await engine.query(scatterSql({ x: x.sql, y: y.sql, size: null })));
}

describe('scatterSql on the shipped crim_off_cat', () => {
  it('puts theft beside burglary per country exactly as Eurostat publishes them', async () => {
    const theft = planned('crim_off_cat', { iccs: 'ICCS0502', unit: 'P_HTHAB' }, '2020');
    const burglary = planned('crim_off_cat', { iccs: 'ICCS0501', unit: 'P_HTHAB' }, '2020');
    const picture = scatterPicture(await joined(theft, burglary), '2020', false);
    const geo = dataset('crim_off_cat').dimensions.find((d) => d.id === 'geo')!.codes;
    // Independently: the countries whose published cells hold a number in both rows.
    const both = geo
      .map((c) => c.code)
      .filter(
        (code) =>
          published(`A,ICCS0502,P_HTHAB,${code}`, '2020') !== null &&
          published(`A,ICCS0501,P_HTHAB,${code}`, '2020') !== null
      );
    expect(picture.points.map((p) => p.unit).sort()).toEqual(both.sort());
    const romania = picture.points.find((p) => p.unit === 'RO')!;
    expect(romania.x).toBe(published('A,ICCS0502,P_HTHAB,RO', '2020'));
    expect(romania.y).toBe(published('A,ICCS0501,P_HTHAB,RO', '2020'));
    // Norway publishes theft but no burglary after 2014: it is listed, not drawn.
    expect(published('A,ICCS0501,P_HTHAB,NO', '2020')).toBeNull();
    expect(picture.onlyX).toContain('NO');
    expect(picture.points.some((p) => p.unit === 'NO')).toBe(false);
  });

  it('joins two datasets on unit and year, a rate computed from population, no aggregates', async () => {
    const migrants = planned('migr_eipre', {}, '2021', true);
    const theft = planned('crim_off_cat', { iccs: 'ICCS0502', unit: 'P_HTHAB' }, '2021');
    expect(migrants.computedRate).toBe(true);
    const rows = await joined(migrants, theft);
    expect(rows.some((r) => r.unit.startsWith('EU'))).toBe(false);
    const romania = rows.find((r) => r.unit === 'RO' && r.period === '2021')!;
    expect(romania.y).toBe(published('A,ICCS0502,P_HTHAB,RO', '2021'));
    const [count, population] = await Promise.all([
      engine.query(
        `SELECT value FROM migr_eipre WHERE geo = 'RO' AND "time" = '2021' AND reason = 'TOTAL'
         AND apprehen = 'TOTAL' AND citizen = 'TOTAL'`
      ),
      engine.query(`SELECT value FROM demo_gind WHERE geo = 'RO' AND "time" = '2021'`)
    ]);
    const expected =
      (Number(count.getChild('value')!.get(0)) / Number(population.getChild('value')!.get(0))) *
      100_000;
    expect(romania.x).toBeCloseTo(expected, 9);
    // Countries that publish a theft rate but do not report to migr_eipre are listed apart.
    const picture = scatterPicture(rows, '2021', false);
    const reporting = new Set(dataset('migr_eipre').geo);
    const theftOnly = dataset('crim_off_cat')
      .geo.filter((code) => !reporting.has(code))
      .filter((code) => published(`A,ICCS0502,P_HTHAB,${code}`, '2021') !== null);
    expect(theftOnly).toEqual(expect.arrayContaining(['AL', 'RS', 'TR']));
    expect(picture.onlyY.sort()).toEqual(theftOnly.sort());
  });

  it('gives Pearson and Spearman as DuckDB computes them on the same values', async () => {
    const migrants = planned('migr_eipre', {}, '2021', true);
    const theft = planned('crim_off_cat', { iccs: 'ICCS0502', unit: 'P_HTHAB' }, '2021');
    const sql = scatterSql({ x: migrants.sql, y: theft.sql, size: null });
    const picture = scatterPicture(await joined(migrants, theft), '2021', false);
    const both = `(SELECT x, y FROM (${sql}) WHERE time = '2021' AND x IS NOT NULL AND y IS NOT NULL)`;
    // DuckDB's corr(); ranks with ties at their mean, (lowest rank + highest rank) / 2.
    const reference = await engine.query(
      `SELECT count(*) AS n, corr(x, y) AS pearson, corr(rx, ry) AS spearman FROM (
         SELECT x, y,
           (rank() OVER (ORDER BY x) + count(*) OVER (ORDER BY x RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) / 2.0 AS rx,
           (rank() OVER (ORDER BY y) + count(*) OVER (ORDER BY y RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) / 2.0 AS ry
         FROM ${both})`
    );
    expect(picture.correlation.n).toBe(Number(reference.getChild('n')!.get(0)));
    expect(picture.correlation.n).toBeGreaterThan(10);
    expect(picture.correlation.pearson).toBeCloseTo(
      Number(reference.getChild('pearson')!.get(0)),
      10
    );
    expect(picture.correlation.spearman).toBeCloseTo(
      Number(reference.getChild('spearman')!.get(0)),
      10
    );
  });

  it('draws trails through the earlier years of the window', async () => {
    const theft = planned(
      'crim_off_cat',
      { iccs: 'ICCS0502', unit: 'P_HTHAB' },
      '2020',
      false,
      '2015'
    );
    const burglary = planned(
      'crim_off_cat',
      { iccs: 'ICCS0501', unit: 'P_HTHAB' },
      '2020',
      false,
      '2015'
    );
    const picture = scatterPicture(await joined(theft, burglary), '2020', true);
    const romania = picture.trails.find((t) => t.unit === 'RO')!;
    expect(romania.points.map((p) => p.period)).toEqual([
      '2015',
      '2016',
      '2017',
      '2018',
      '2019',
      '2020'
    ]);
    expect(romania.points[0].y).toBe(published('A,ICCS0501,P_HTHAB,RO', '2015'));
  });
});

describe('correlation', () => {
  it('ranks ties at their mean rank and finds no coefficient without spread', () => {
    expect(ranks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1]);
    expect(
      correlation([
        { x: 1, y: 2 },
        { x: 1, y: 3 },
        { x: 1, y: 4 }
      ]).pearson
    ).toBeNull();
    expect(
      correlation([
        { x: 1, y: 2 },
        { x: 2, y: 3 }
      ]).pearson
    ).toBeNull();
  });
});

describe('ScatterState from a link', () => {
  it('opens the link of the example in docs/permalinks.md', async () => {
    const link = new URLSearchParams(
      'ds=migr_eipre&transform=rate&view=scatter&time=2021&y=crim_off_cat&y.iccs=ICCS0502&y.unit=P_HTHAB'
    );
    const { state, notes } = parseViewParams(
      link,
      dataset('migr_eipre'),
      datasets.map((d) => d.id)
    );
    expect(notes).toEqual([]);
    expect(state.scatter?.y).toEqual({
      dataset: 'crim_off_cat',
      selections: { iccs: 'ICCS0502', unit: 'P_HTHAB' },
      rate: false
    });
    const scatter = new ScatterState(state, dataset('migr_eipre'), {
      sources: {
        getDataset: async (id) => datasets.find((d) => d.id === id) ?? null,
        ensureTables: async () => engine
      },
      manager: new QueryManager()
    });
    expect(await scatter.follow(state, dataset('migr_eipre'))).toBe(true);
    expect(scatter.error).toBeNull();
    expect(scatter.picture?.points.find((p) => p.unit === 'RO')?.y).toBe(
      published('A,ICCS0502,P_HTHAB,RO', '2021')
    );
    expect(scatter.shown?.source).toContain('crim_off_cat');
    expect(scatter.shown?.source).toContain('migr_eipre');
    expect(scatter.exportRows.filter((r) => r.dimensions[1].code === 'RO')).toHaveLength(2);
  });
});
