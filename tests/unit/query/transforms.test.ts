import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { SqlEngine } from '../../../src/lib/db/engine';
import type { SeriesRequest } from '../../../src/lib/query/series';
import { seriesKey, seriesSql } from '../../../src/lib/query/series';
import {
  transformSql,
  transformedRowsFromTable,
  type TransformedRow
} from '../../../src/lib/query/transforms';
import { cagrSql } from '../../../src/lib/query/transform/cagr';
import { changeSql } from '../../../src/lib/query/transform/change';
import { combinedFlagSql } from '../../../src/lib/query/transform/sql-parts';
import { indexSql } from '../../../src/lib/query/transform/indexed';
import { movingAverageSql } from '../../../src/lib/query/transform/moving-average';
import { planRate, rateSql } from '../../../src/lib/query/transform/rate';
import { publishedSql } from '../../../src/lib/query/transform/published';
import { yearOnYearSql } from '../../../src/lib/query/transform/year-on-year';
import { periodOrdinal, periodOrdinalSql } from '../../../src/lib/model/period';
import {
  loadTestTable,
  rowFromPopulationCsvLine,
  rowsFromTsvLine,
  type TestRow
} from '../support/long-table';
import { startNodeEngine } from '../support/node-engine';
import { crimOffCatManifest, frontexRouteManifest, testManifest } from '../support/test-manifest';

// Lines copied unchanged from /work/shared/datasets/eurostat/estat_crim_off_cat.tsv.
const CRIM_HEADER =
  'freq,iccs,unit,geo\\TIME_PERIOD\t2008 \t2009 \t2010 \t2011 \t2012 \t2013 \t2014 \t2015 \t2016 \t2017 \t2018 \t2019 \t2020 \t2021 \t2022 ';
const CRIM_LINES = [
  'A,ICCS0101,NR,NO\t34 \t29 \t29 \t111 \t27 \t47 \t29 \t24 \t27 \t28 \t25 \t28 \t31 \t29 \t30 ',
  'A,ICCS0101,NR,RO\t470 \t397 \t404 \t335 \t378 \t336 \t298 \t291 \t247 \t256 \t267 \t255 \t256 \t191 \t174 ',
  'A,ICCS0101,NR,XK\t113 \t73 \t106 \t62 \t90 \t41 \t38 \t27 \t29 \t33 \t43 \t23 \t28 \t26 \t: ',
  'A,ICCS0101,NR,UKC-L\t638 \t595 \t632 \t526 \t544 \t521 \t510 \t546 \t675 \t704 \t671 \t: \t: \t: \t: ',
  'A,ICCS0101,P_HTHAB,NO\t0.72 \t0.60 \t0.60 \t2.26 \t0.54 \t0.93 \t0.57 \t0.46 \t0.52 \t0.53 \t0.47 \t0.53 \t0.58 \t0.54 \t0.55 ',
  'A,ICCS0101,P_HTHAB,RO\t2.28 \t1.94 \t1.88 \t1.56 \t1.88 \t1.68 \t1.49 \t1.46 \t1.25 \t1.30 \t1.37 \t1.31 \t1.32 \t0.99 \t0.91 ',
  'A,ICCS0101,P_HTHAB,XK\t5.25 \t3.35 \t4.80 \t3.46 \t: \t: \t: \t: \t1.64 \t1.85 \t2.39 \t1.28 \t1.57 \t: \t: ',
  'A,ICCS020221,P_HTHAB,RO\t1.28 \t: \t1.50 \t1.43 \t1.95 \t1.55 \t1.45 \t1.48 \t1.75 \t1.58 \t1.56 \t1.82 \t1.48 \t1.79 \t2.13 ',
  'A,ICCS0501,P_HTHAB,NO\t464.71 \t493.33 \t438.39 \t365.49 \t348.81 \t311.60 \t291.51 \t: \t: \t: \t: \t: \t: \t: \t: '
];

// Lines copied unchanged from /work/shared/datasets/eurostat/tps00001.tsv (population on
// 1 January): Germany's 2011 census is a break (`b`); the EU aggregate has several.
const TPS_HEADER =
  'indic_de,geo\\time\t2010 \t2011 \t2012 \t2013 \t2014 \t2015 \t2016 \t2017 \t2018 \t2019 \t2020 \t2021 ';
const TPS_LINES = [
  'JAN,DE\t81802257 \t80222065 b\t80327900 \t80523746 \t80767463 \t81197537 \t82175684 \t82521653 \t82792351 \t83019213 \t83166711 \t83155031 ',
  'JAN,EU27_2020\t440660421 b\t439942305 b\t440552661 b\t441257711 \t442883888 b\t443666812 b\t444802830 \t445534430 b\t446208557 p\t446446444 bp\t447319829 ep\t447007596 ep'
];

// Lines of /work/shared/datasets/eurostat/country_population.csv (demo_gind), 2008–2022.
const POPULATION_LINES: Record<string, string[]> = {
  RO: [
    'ESTAT:DEMO_GIND(1.0),27/03/25 23:00:00,Annual,Population on 1 January - total,Romania,2008,20635460,,',
    'ESTAT:DEMO_GIND(1.0),27/03/25 23:00:00,Annual,Population on 1 January - total,Romania,2009,20440290,,',
    'ESTAT:DEMO_GIND(1.0),27/03/25 23:00:00,Annual,Population on 1 January - total,Romania,2010,20294683,,',
    'ESTAT:DEMO_GIND(1.0),27/03/25 23:00:00,Annual,Population on 1 January - total,Romania,2011,20199059,,',
    'ESTAT:DEMO_GIND(1.0),27/03/25 23:00:00,Annual,Population on 1 January - total,Romania,2012,20095996,,',
    'ESTAT:DEMO_GIND(1.0),27/03/25 23:00:00,Annual,Population on 1 January - total,Romania,2013,20020074,,',
    'ESTAT:DEMO_GIND(1.0),27/03/25 23:00:00,Annual,Population on 1 January - total,Romania,2014,19947311,,',
    'ESTAT:DEMO_GIND(1.0),27/03/25 23:00:00,Annual,Population on 1 January - total,Romania,2015,19870647,,',
    'ESTAT:DEMO_GIND(1.0),27/03/25 23:00:00,Annual,Population on 1 January - total,Romania,2016,19760585,,',
    'ESTAT:DEMO_GIND(1.0),27/03/25 23:00:00,Annual,Population on 1 January - total,Romania,2017,19643949,,',
    'ESTAT:DEMO_GIND(1.0),27/03/25 23:00:00,Annual,Population on 1 January - total,Romania,2018,19533481,,',
    'ESTAT:DEMO_GIND(1.0),27/03/25 23:00:00,Annual,Population on 1 January - total,Romania,2019,19414458,,',
    'ESTAT:DEMO_GIND(1.0),27/03/25 23:00:00,Annual,Population on 1 January - total,Romania,2020,19328838,e,',
    'ESTAT:DEMO_GIND(1.0),27/03/25 23:00:00,Annual,Population on 1 January - total,Romania,2021,19201662,,',
    'ESTAT:DEMO_GIND(1.0),27/03/25 23:00:00,Annual,Population on 1 January - total,Romania,2022,19042455,e,'
  ],
  NO: [
    'ESTAT:DEMO_GIND(1.0),27/03/25 23:00:00,Annual,Population on 1 January - total,Norway,2008,4737171,,',
    'ESTAT:DEMO_GIND(1.0),27/03/25 23:00:00,Annual,Population on 1 January - total,Norway,2009,4799252,,',
    'ESTAT:DEMO_GIND(1.0),27/03/25 23:00:00,Annual,Population on 1 January - total,Norway,2010,4858199,,',
    'ESTAT:DEMO_GIND(1.0),27/03/25 23:00:00,Annual,Population on 1 January - total,Norway,2011,4920305,,',
    'ESTAT:DEMO_GIND(1.0),27/03/25 23:00:00,Annual,Population on 1 January - total,Norway,2012,4985870,,',
    'ESTAT:DEMO_GIND(1.0),27/03/25 23:00:00,Annual,Population on 1 January - total,Norway,2013,5051275,,',
    'ESTAT:DEMO_GIND(1.0),27/03/25 23:00:00,Annual,Population on 1 January - total,Norway,2014,5109056,,',
    'ESTAT:DEMO_GIND(1.0),27/03/25 23:00:00,Annual,Population on 1 January - total,Norway,2015,5165802,,',
    'ESTAT:DEMO_GIND(1.0),27/03/25 23:00:00,Annual,Population on 1 January - total,Norway,2016,5213985,,',
    'ESTAT:DEMO_GIND(1.0),27/03/25 23:00:00,Annual,Population on 1 January - total,Norway,2017,5258317,,',
    'ESTAT:DEMO_GIND(1.0),27/03/25 23:00:00,Annual,Population on 1 January - total,Norway,2018,5295619,,',
    'ESTAT:DEMO_GIND(1.0),27/03/25 23:00:00,Annual,Population on 1 January - total,Norway,2019,5328212,,',
    'ESTAT:DEMO_GIND(1.0),27/03/25 23:00:00,Annual,Population on 1 January - total,Norway,2020,5367580,,',
    'ESTAT:DEMO_GIND(1.0),27/03/25 23:00:00,Annual,Population on 1 January - total,Norway,2021,5391369,,',
    'ESTAT:DEMO_GIND(1.0),27/03/25 23:00:00,Annual,Population on 1 January - total,Norway,2022,5425270,,'
  ],
  XK: [
    'ESTAT:DEMO_GIND(1.0),27/03/25 23:00:00,Annual,Population on 1 January - total,Kosovo*,2008,2153139,,',
    'ESTAT:DEMO_GIND(1.0),27/03/25 23:00:00,Annual,Population on 1 January - total,Kosovo*,2009,2180686,,',
    'ESTAT:DEMO_GIND(1.0),27/03/25 23:00:00,Annual,Population on 1 January - total,Kosovo*,2010,2208107,,',
    'ESTAT:DEMO_GIND(1.0),27/03/25 23:00:00,Annual,Population on 1 January - total,Kosovo*,2011,1794180,b,',
    'ESTAT:DEMO_GIND(1.0),27/03/25 23:00:00,Annual,Population on 1 January - total,Kosovo*,2012,1780021,e,'
  ]
};

const CRIM_DIMENSIONS = ['freq', 'iccs', 'unit', 'geo'];

function crimRequest(iccs: string, unit: string, geo: string[], window?: [string, string]) {
  return {
    table: 'crim_off_cat',
    filters: { iccs: [iccs], unit: [unit], geo },
    seriesBy: 'geo',
    ...(window ? { timeFrom: window[0], timeTo: window[1] } : {})
  } satisfies SeriesRequest;
}

const populationRequest = (geo: string[], window?: [string, string]): SeriesRequest => ({
  table: 'tps00001',
  filters: { indic_de: ['JAN'], geo },
  seriesBy: 'geo',
  ...(window ? { timeFrom: window[0], timeTo: window[1] } : {})
});

let engine: SqlEngine;

async function rows(sql: string): Promise<TransformedRow[]> {
  return transformedRowsFromTable(await engine.query(sql));
}

async function plainRows(sql: string): Promise<Record<string, unknown>[]> {
  return (await engine.query(sql)).toArray().map((row) => row.toJSON());
}

/** The row of one series and period; fails the test when there is none. */
function at(result: TransformedRow[], series: string, period: string): TransformedRow {
  const row = result.find((r) => r.series === series && r.period === period);
  if (!row) throw new Error(`No row for ${series} ${period}`);
  return row;
}

beforeAll(async () => {
  engine = await startNodeEngine();
  const crimRows = CRIM_LINES.flatMap((line) => rowsFromTsvLine(CRIM_HEADER, line));
  await loadTestTable(engine, 'crim_off_cat', CRIM_DIMENSIONS, crimRows);
  // The same RO kidnapping series with the 2009 row left out instead of empty: a gap is a
  // gap whether the reader keeps an empty row or not.
  await loadTestTable(
    engine,
    'crim_off_cat_without_empty_rows',
    CRIM_DIMENSIONS,
    crimRows.filter((row) => row.value !== null)
  );
  const populationRows: TestRow[] = Object.entries(POPULATION_LINES).flatMap(([geo, lines]) =>
    lines.map((line) => rowFromPopulationCsvLine(line, geo))
  );
  await loadTestTable(engine, 'demo_gind', ['freq', 'indic_de', 'geo'], populationRows);
  await loadTestTable(
    engine,
    'tps00001',
    ['indic_de', 'geo'],
    TPS_LINES.flatMap((line) => rowsFromTsvLine(TPS_HEADER, line))
  );
});

describe('two dimensions varying at once', () => {
  // Homicide of Romania and Norway in two units: a series per pair, keyed by both codes.
  const request: SeriesRequest = {
    table: 'crim_off_cat',
    filters: { iccs: ['ICCS0101'], unit: ['NR', 'P_HTHAB'], geo: ['RO', 'NO'] },
    seriesBy: 'geo',
    panelBy: 'unit',
    timeFrom: '2010',
    timeTo: '2011'
  };

  test('as published, each pair is its own series with the file’s values', async () => {
    const result = await rows(publishedSql(request));
    expect(at(result, seriesKey('RO', 'NR'), '2010').value).toBe(404);
    expect(at(result, seriesKey('RO', 'P_HTHAB'), '2010').value).toBe(1.88);
    expect(at(result, seriesKey('NO', 'NR'), '2011').value).toBe(111);
    expect(new Set(result.map((r) => r.series)).size).toBe(4);
  });

  test('a transform works within each pair, never across the panel codes', async () => {
    // Index 2010 = 100: Norway's 2011 count 111 / 29 × 100 = 382.8; its rate 2.26 / 0.60 × 100.
    const sql = indexSql(request, '2010');
    const result = await rows(sql);
    expect(at(result, seriesKey('NO', 'NR'), '2011').value).toBeCloseTo((111 / 29) * 100, 6);
    expect(at(result, seriesKey('NO', 'P_HTHAB'), '2011').value).toBeCloseTo((2.26 / 0.6) * 100, 6);
  });
});

describe('SQL helpers', () => {
  test('flags are combined letter by letter, each once, sorted', async () => {
    // EU27_2020 population: 2019 `bp`, 2020 `ep` → `bep`.
    const [row] = await plainRows(
      `SELECT ${combinedFlagSql("'bp'", "'ep'")} AS both_flags, ${combinedFlagSql("'e'", 'NULL')} AS one, ${combinedFlagSql('NULL', 'NULL')} AS none`
    );
    expect(row).toEqual({ both_flags: 'bep', one: 'e', none: null });
  });

  test('period ordinals agree between SQL and TypeScript and count periods', async () => {
    const periods = ['2009', '2009-Q1', '2009-Q4', '2009-01', '2009-12', '2010-01'];
    const [row] = await plainRows(
      `SELECT ${periods.map((p, i) => `${periodOrdinalSql(`'${p}'`)} AS p${i}`).join(', ')}`
    );
    expect(Object.values(row)).toEqual(periods.map(periodOrdinal));
    expect(periodOrdinal('2010-01') - periodOrdinal('2009-12')).toBe(1);
    expect(periodOrdinal('2010-Q1') - periodOrdinal('2009-Q4')).toBe(1);
  });

  test('published values are seriesSql’s rows with computed false', async () => {
    const request = crimRequest('ICCS0101', 'P_HTHAB', ['RO', 'NO'], ['2008', '2022']);
    const published = await rows(publishedSql(request));
    const plain = await plainRows(seriesSql(request));
    expect(
      published.map(({ series, period, value, flag }) => ({ series, time: period, value, flag }))
    ).toEqual(plain);
    expect(published.every((r) => !r.computed && !r.breakInWindow && r.note === null)).toBe(true);
  });

  test('codes with quotes are quoted, not executed', async () => {
    const result = await rows(
      publishedSql(crimRequest("ICCS0101'; DROP TABLE demo_gind; --", 'NR', ['RO']))
    );
    expect(result).toEqual([]);
    expect(await plainRows('SELECT count(*) AS n FROM demo_gind')).toEqual([{ n: 35n }]);
  });
});

describe('rate per 100 000 inhabitants', () => {
  const populationManifest = testManifest({
    id: 'demo_gind',
    dimensions: [
      { id: 'freq', codes: ['A'] },
      { id: 'indic_de', codes: [['JAN', 'Population on 1 January']] },
      { id: 'geo', codes: ['RO', 'NO', 'XK'] }
    ],
    first: '2008',
    last: '2022'
  });

  test('crim_off_cat publishes its own rate, so P_HTHAB is used as it is', async () => {
    const plan = planRate(crimOffCatManifest(), { unit: ['NR'] }, populationManifest);
    expect(plan).toEqual({ kind: 'published', unitDimension: 'unit', unitCode: 'P_HTHAB' });
    if (plan.kind !== 'published') return;
    const result = await rows(rateSql(crimRequest('ICCS0101', 'NR', ['RO']), plan));
    // RO ICCS0101 P_HTHAB 2008 = 2.28, 2022 = 0.91, as published.
    expect(at(result, 'RO', '2008')).toMatchObject({ value: 2.28, computed: false, flag: null });
    expect(at(result, 'RO', '2022').value).toBe(0.91);
  });

  test('the UNODC label “Rate per 100,000 population” counts as a published rate', () => {
    const unodc = testManifest({
      id: 'unodc_cts_violent',
      dimensions: [
        { id: 'geo', codes: ['RO'] },
        {
          id: 'unit',
          codes: [
            ['counts', 'Counts'],
            ['rate_per_100_000_population', 'Rate per 100,000 population']
          ]
        }
      ],
      first: '2003',
      last: '2021'
    });
    expect(planRate(unodc, { unit: ['counts'] }, null)).toEqual({
      kind: 'published',
      unitDimension: 'unit',
      unitCode: 'rate_per_100_000_population'
    });
  });

  test('a computed rate divides counts by the population on 1 January of the same year', async () => {
    const countsOnly = testManifest({
      id: 'crim_off_cat',
      dimensions: [
        { id: 'iccs', codes: ['ICCS0101'] },
        { id: 'unit', codes: [['NR', 'Number']] },
        { id: 'geo', codes: ['RO', 'NO', 'XK', 'UKC-L'] }
      ],
      first: '2008',
      last: '2022'
    });
    const plan = planRate(countsOnly, { unit: ['NR'] }, populationManifest);
    expect(plan).toEqual({
      kind: 'computed',
      geoDimension: 'geo',
      population: { table: 'demo_gind', filters: {} }
    });
    if (plan.kind !== 'computed') return;
    const result = await rows(
      rateSql(crimRequest('ICCS0101', 'NR', ['RO', 'NO', 'XK', 'UKC-L'], ['2008', '2022']), plan)
    );
    // RO 2008: 470 / 20 635 460 × 100 000 = 2.27763…; Eurostat publishes 2.28.
    expect(at(result, 'RO', '2008').value).toBeCloseTo(2.277633, 5);
    expect(at(result, 'RO', '2008')).toMatchObject({ computed: true, flag: null, note: null });
    // NO 2011: 111 / 4 920 305 × 100 000 = 2.25596… (published 2.26).
    expect(at(result, 'NO', '2011').value).toBeCloseTo(2.255958, 5);
    // RO 2020: 256 / 19 328 838 (flag e) = 1.32445…; the population's flag is carried.
    expect(at(result, 'RO', '2020')).toMatchObject({ flag: 'e' });
    expect(at(result, 'RO', '2020').value).toBeCloseTo(1.324445, 5);
    // XK 2011: 62 / 1 794 180 (flag b, the census) = 3.45562… (published 3.46), flag b.
    expect(at(result, 'XK', '2011')).toMatchObject({ flag: 'b' });
    expect(at(result, 'XK', '2011').value).toBeCloseTo(3.455618, 5);
    // The published rates round the computed ones for every year except RO 2010 and 2011,
    // where Eurostat has since revised Romania's population (census 2011): 404 / 20 294 683
    // = 1.99 against the published 1.88. This is why a published rate is preferred.
    const published = await rows(publishedSql(crimRequest('ICCS0101', 'P_HTHAB', ['RO', 'NO'])));
    for (const row of published) {
      const computed = at(result, row.series, row.period).value as number;
      const revised = row.series === 'RO' && (row.period === '2010' || row.period === '2011');
      expect(
        Math.abs(computed - (row.value as number)) <= 0.005,
        `${row.series} ${row.period}`
      ).toBe(!revised);
    }
    // UKC-L is a part of the United Kingdom: demo_gind has no population for it.
    expect(at(result, 'UKC-L', '2008')).toMatchObject({
      value: null,
      computed: true,
      note: { code: 'no_population', params: { geo: 'UKC-L', year: '2008' } }
    });
    // XK 2013 has a count (41) but the population lines loaded stop at 2012.
    expect(at(result, 'XK', '2013').note).toEqual({
      code: 'no_population',
      params: { geo: 'XK', year: '2013' }
    });
    // No count, no note: XK 2022 is `:` in the source.
    expect(at(result, 'XK', '2022')).toMatchObject({ value: null, note: null });
  });

  test('the population table is filtered to population on 1 January when it holds more', () => {
    const wider = testManifest({
      id: 'demo_gind',
      dimensions: [
        {
          id: 'indic_de',
          codes: [
            ['GROW', 'Population change'],
            ['JAN', 'Population on 1 January']
          ]
        },
        { id: 'geo', codes: ['RO'] }
      ],
      first: '2008',
      last: '2022'
    });
    const counts = testManifest({
      id: 'x',
      dimensions: [{ id: 'geo', codes: ['RO'] }],
      first: '2008',
      last: '2022'
    });
    expect(planRate(counts, {}, wider)).toEqual({
      kind: 'computed',
      geoDimension: 'geo',
      population: { table: 'demo_gind', filters: { indic_de: ['JAN'] } }
    });
  });

  test('a rate that cannot be worked out is an error value with a readable message', () => {
    const frontex = frontexRouteManifest();
    const noGeo = planRate(frontex, {}, populationManifest);
    expect(noGeo).toEqual({
      kind: 'unavailable',
      message:
        '“Monthly detections of illegal border-crossing” has no countries, so it cannot be put per 100 000 inhabitants.',
      reason: {
        code: 'no_geo',
        params: { dataset: 'Monthly detections of illegal border-crossing' }
      }
    });
    expect(
      transformSql(crimRequest('ICCS0101', 'NR', ['RO']), { kind: 'rate', plan: noGeo })
    ).toEqual({
      error: (noGeo as { message: string }).message
    });

    const percentages = testManifest({
      id: 'y',
      dimensions: [
        { id: 'unit', codes: [['PC', 'Percentage']] },
        { id: 'geo', codes: ['RO'] }
      ],
      first: '2008',
      last: '2022'
    });
    expect(planRate(percentages, { unit: ['PC'] }, populationManifest)).toMatchObject({
      kind: 'unavailable',
      message: 'Only counts can be put per 100 000 inhabitants; “Percentage” is not a count.',
      reason: { code: 'not_count', params: { unit: 'Percentage' } }
    });
    const counts = testManifest({
      id: 'z',
      dimensions: [{ id: 'geo', codes: ['RO'] }],
      first: '2008',
      last: '2022'
    });
    expect(planRate(counts, {}, null)).toMatchObject({ kind: 'unavailable' });
  });
});

describe('index', () => {
  test('base year = 100, by hand', async () => {
    const result = await rows(indexSql(crimRequest('ICCS0101', 'P_HTHAB', ['RO', 'NO']), '2008'));
    expect(at(result, 'RO', '2008').value).toBeCloseTo(100, 10);
    // RO: 0.91 / 2.28 × 100 = 39.9123; 1.56 / 2.28 × 100 = 68.4211.
    expect(at(result, 'RO', '2022').value).toBeCloseTo(39.912281, 5);
    expect(at(result, 'RO', '2011').value).toBeCloseTo(68.421053, 5);
    // NO 2011 (Utøya): 2.26 / 0.72 × 100 = 313.8889.
    expect(at(result, 'NO', '2011').value).toBeCloseTo(313.888889, 5);
    expect(result.every((r) => r.computed && !r.breakInWindow && r.note === null)).toBe(true);
  });

  test('the base may lie before the time window', async () => {
    const result = await rows(
      indexSql(crimRequest('ICCS0101', 'P_HTHAB', ['RO'], ['2015', '2022']), '2008')
    );
    expect(result.map((r) => r.period)).toEqual([
      '2015',
      '2016',
      '2017',
      '2018',
      '2019',
      '2020',
      '2021',
      '2022'
    ]);
    // 1.46 / 2.28 × 100 = 64.0351.
    expect(at(result, 'RO', '2015').value).toBeCloseTo(64.035088, 5);
  });

  test('a series without a value in the base year is NULL with a note', async () => {
    // RO kidnapping per 100 000: 2009 is `:` in the source.
    for (const table of ['crim_off_cat', 'crim_off_cat_without_empty_rows']) {
      const request = { ...crimRequest('ICCS020221', 'P_HTHAB', ['RO']), table };
      const result = await rows(indexSql(request, '2009'));
      expect(result.length).toBeGreaterThan(0);
      for (const row of result)
        expect(row).toMatchObject({
          value: null,
          note: { code: 'no_base_value', params: { base: '2009' } }
        });
    }
  });

  test('a break between the base and the period is reported; one on the base is not', async () => {
    // DE population: 2011 is flagged b (census).
    const base2010 = await rows(indexSql(populationRequest(['DE']), '2010'));
    expect(at(base2010, 'DE', '2010').breakInWindow).toBe(false);
    expect(at(base2010, 'DE', '2011').breakInWindow).toBe(true);
    expect(at(base2010, 'DE', '2020').breakInWindow).toBe(true);
    // 80 222 065 / 81 802 257 × 100 = 98.06828; the flag keeps b.
    expect(at(base2010, 'DE', '2011')).toMatchObject({ flag: 'b' });
    expect(at(base2010, 'DE', '2011').value).toBeCloseTo(98.068278, 5);

    const base2011 = await rows(indexSql(populationRequest(['DE']), '2011'));
    expect(at(base2011, 'DE', '2010').breakInWindow).toBe(true);
    expect(at(base2011, 'DE', '2012').breakInWindow).toBe(false);
    // Every index value carries the base's flag: b.
    expect(at(base2011, 'DE', '2012').flag).toBe('b');
  });

  test('flags of the period and of the base are combined without repeats', async () => {
    // EU27_2020: 2019 `bp`, base 2020 `ep`.
    const result = await rows(indexSql(populationRequest(['EU27_2020']), '2020'));
    expect(at(result, 'EU27_2020', '2019').flag).toBe('bep');
    expect(at(result, 'EU27_2020', '2019').breakInWindow).toBe(false);
    // 2018 (p) → 2020 spans the 2019 break.
    expect(at(result, 'EU27_2020', '2018').breakInWindow).toBe(true);
  });
});

describe('year-on-year change', () => {
  test('by hand, with a note where the year before is missing', async () => {
    const result = await rows(yearOnYearSql(crimRequest('ICCS0101', 'P_HTHAB', ['NO'])));
    // NO 2011: (2.26 / 0.60 − 1) × 100 = 276.667; 2012: (0.54 / 2.26 − 1) × 100 = −76.106.
    expect(at(result, 'NO', '2011').value).toBeCloseTo(276.666667, 5);
    expect(at(result, 'NO', '2012').value).toBeCloseTo(-76.106195, 5);
    expect(at(result, 'NO', '2008')).toMatchObject({
      value: null,
      note: { code: 'no_previous_value', params: { period: '2007' } }
    });
  });

  test('the year before the window is used', async () => {
    const result = await rows(
      yearOnYearSql(crimRequest('ICCS0101', 'P_HTHAB', ['RO'], ['2021', '2022']))
    );
    // (0.99 / 1.32 − 1) × 100 = −25; (0.91 / 0.99 − 1) × 100 = −8.0808.
    expect(result.map((r) => r.period)).toEqual(['2021', '2022']);
    expect(at(result, 'RO', '2021').value).toBeCloseTo(-25, 10);
    expect(at(result, 'RO', '2022').value).toBeCloseTo(-8.080808, 5);
  });

  test('a gap gives NULL with a note, and an empty period no note', async () => {
    const result = await rows(yearOnYearSql(crimRequest('ICCS020221', 'P_HTHAB', ['RO'])));
    expect(at(result, 'RO', '2009')).toMatchObject({ value: null, note: null });
    expect(at(result, 'RO', '2010')).toMatchObject({
      value: null,
      note: { code: 'no_previous_value', params: { period: '2009' } }
    });
    // 2011: (1.43 / 1.50 − 1) × 100 = −4.6667.
    expect(at(result, 'RO', '2011').value).toBeCloseTo(-4.666667, 5);
  });

  test('a break in the compared year is reported', async () => {
    const result = await rows(yearOnYearSql(populationRequest(['DE'])));
    expect(at(result, 'DE', '2011').breakInWindow).toBe(true);
    expect(at(result, 'DE', '2012').breakInWindow).toBe(false);
  });

  test('monthly data are compared with the same month a year before', async () => {
    // Shape test on made-up values: the period arithmetic, not the numbers, is under test.
    await loadTestTable(
      engine,
      'monthly',
      ['route'],
      [
        { codes: { route: 'R' }, time: '2019-12', value: 100, flag: null },
        { codes: { route: 'R' }, time: '2020-01', value: 50, flag: null },
        { codes: { route: 'R' }, time: '2020-12', value: 150, flag: 'b' },
        { codes: { route: 'R' }, time: '2021-01', value: 75, flag: null }
      ]
    );
    const request = { table: 'monthly', filters: { route: ['R'] }, seriesBy: 'route' };
    const result = await rows(yearOnYearSql(request));
    expect(at(result, 'R', '2020-12').value).toBeCloseTo(50, 10);
    // 2021-01 against 2020-01: +50 %, and the b of 2020-12 lies between them.
    expect(at(result, 'R', '2021-01')).toMatchObject({ value: 50, breakInWindow: true });
    // CAGR from 2020-01 to 2021-01, twelve months = one year: (75 / 50)^(1/1) − 1 = 50 %.
    const cagr = await rows(cagrSql(request, { from: '2020-01', to: '2021-01' }));
    expect(cagr[0].value).toBeCloseTo(50, 10);
  });
});

describe('three-year moving average (trailing)', () => {
  test('by hand: the mean of t−2, t−1 and t', async () => {
    const result = await rows(movingAverageSql(crimRequest('ICCS0101', 'P_HTHAB', ['NO'])));
    // 2010: (0.72 + 0.60 + 0.60) / 3 = 0.64; 2011: (0.60 + 0.60 + 2.26) / 3 = 1.15333;
    // 2013: (2.26 + 0.54 + 0.93) / 3 = 1.24333.
    expect(at(result, 'NO', '2010').value).toBeCloseTo(0.64, 10);
    expect(at(result, 'NO', '2011').value).toBeCloseTo(1.153333, 5);
    expect(at(result, 'NO', '2013').value).toBeCloseTo(1.243333, 5);
    expect(at(result, 'NO', '2009')).toMatchObject({
      value: null,
      note: { code: 'average_gap', params: { period: '2009' } }
    });
  });

  test('never averages across a gap, whether the gap is an empty row or no row', async () => {
    for (const table of ['crim_off_cat', 'crim_off_cat_without_empty_rows']) {
      const request = { ...crimRequest('ICCS020221', 'P_HTHAB', ['RO']), table };
      const result = await rows(movingAverageSql(request));
      // 2009 is `:`: 2010 and 2011 have it in their window.
      expect(at(result, 'RO', '2010').value).toBeNull();
      expect(at(result, 'RO', '2011').value).toBeNull();
      expect(at(result, 'RO', '2011').note?.code).toBe('average_gap');
      // 2012: (1.50 + 1.43 + 1.95) / 3 = 1.62667.
      expect(at(result, 'RO', '2012').value).toBeCloseTo(1.626667, 5);
    }
  });

  test('a break after the first of the three years is reported', async () => {
    const result = await rows(movingAverageSql(populationRequest(['DE'])));
    // 2010 is the first year of tps00001: no average for 2010 and 2011.
    expect(at(result, 'DE', '2011').value).toBeNull();
    // 2012: 2010–2012 has the 2011 break inside; 2013: 2011–2013 starts with it.
    expect(at(result, 'DE', '2012').breakInWindow).toBe(true);
    expect(at(result, 'DE', '2013').breakInWindow).toBe(false);
    // (81 802 257 + 80 222 065 + 80 327 900) / 3 = 80 784 074; flags of the window: b.
    expect(at(result, 'DE', '2012')).toMatchObject({ value: 80784074, flag: 'b' });
    expect(at(result, 'DE', '2014').flag).toBeNull();
  });

  test('the window is applied after averaging', async () => {
    const result = await rows(
      movingAverageSql(crimRequest('ICCS0101', 'P_HTHAB', ['NO'], ['2011', '2011']))
    );
    expect(result).toHaveLength(1);
    expect(result[0].value).toBeCloseTo(1.153333, 5);
  });
});

describe('change between two years', () => {
  const periods = { from: '2008', to: '2022' };

  test('by hand, one row per series', async () => {
    const result = await plainRows(
      changeSql(crimRequest('ICCS0101', 'P_HTHAB', ['RO', 'NO']), periods)
    );
    expect(result).toHaveLength(2);
    const [no, ro] = result;
    // RO: 0.91 − 2.28 = −1.37; (0.91 / 2.28 − 1) × 100 = −60.0877 %.
    expect(ro).toMatchObject({
      series: 'RO',
      time: '2022',
      from_time: '2008',
      from_value: 2.28,
      to_value: 0.91
    });
    expect(ro.value as number).toBeCloseTo(-60.087719, 5);
    expect(ro.percent_change as number).toBeCloseTo(-60.087719, 5);
    expect(ro.absolute_change as number).toBeCloseTo(-1.37, 10);
    // NO: 0.55 − 0.72 = −0.17; (0.55 / 0.72 − 1) × 100 = −23.6111 %.
    expect(no.series).toBe('NO');
    expect(no.value as number).toBeCloseTo(-23.611111, 5);
    expect(no).toMatchObject({ computed: true, break_in_window: false, note: null, flag: null });
  });

  test('the absolute measure puts the difference in value', async () => {
    const result = await rows(
      changeSql(crimRequest('ICCS0101', 'P_HTHAB', ['RO']), periods, 'absolute')
    );
    expect(result[0].value).toBeCloseTo(-1.37, 10);
  });

  test('a series without a value at one end is NULL with a note', async () => {
    // NO burglary per 100 000 stops in 2014.
    const result = await rows(changeSql(crimRequest('ICCS0501', 'P_HTHAB', ['NO']), periods));
    expect(result).toEqual([
      expect.objectContaining({
        series: 'NO',
        value: null,
        note: { code: 'no_value', params: { period: '2022' } }
      })
    ]);
  });

  test('a break between the two years is reported', async () => {
    const across = await rows(changeSql(populationRequest(['DE']), { from: '2010', to: '2020' }));
    expect(across[0].breakInWindow).toBe(true);
    const after = await rows(changeSql(populationRequest(['DE']), { from: '2011', to: '2020' }));
    expect(after[0].breakInWindow).toBe(false);
    // (83 166 711 / 80 222 065 − 1) × 100 = 3.67062 %; the flag keeps the b of 2011.
    expect(after[0].value).toBeCloseTo(3.670619, 5);
    expect(after[0].flag).toBe('b');
  });
});

describe('compound annual growth rate', () => {
  test('by hand', async () => {
    const result = await plainRows(
      cagrSql(crimRequest('ICCS0101', 'P_HTHAB', ['RO', 'NO']), { from: '2008', to: '2022' })
    );
    const byCountry = Object.fromEntries(result.map((r) => [r.series, r]));
    // RO: ((0.91 / 2.28)^(1/14) − 1) × 100 = −6.35004 % a year.
    expect(byCountry.RO.value as number).toBeCloseTo(-6.350037, 5);
    expect(byCountry.RO).toMatchObject({ time: '2022', from_time: '2008', computed: true });
    // NO: ((0.55 / 0.72)^(1/14) − 1) × 100 = −1.90542 %.
    expect(byCountry.NO.value as number).toBeCloseTo(-1.90542, 5);
  });

  test('missing ends and breaks', async () => {
    const burglary = await rows(
      cagrSql(crimRequest('ICCS0501', 'P_HTHAB', ['NO']), { from: '2008', to: '2022' })
    );
    expect(burglary[0]).toMatchObject({
      value: null,
      note: { code: 'no_value', params: { period: '2022' } }
    });
    const population = await rows(cagrSql(populationRequest(['DE']), { from: '2010', to: '2020' }));
    // (83 166 711 / 81 802 257)^(1/10) − 1 = 0.16556 % a year, across the 2011 break.
    expect(population[0].value).toBeCloseTo(0.165556, 5);
    expect(population[0].breakInWindow).toBe(true);
  });

  test('two equal periods give no rate', async () => {
    const result = await rows(
      cagrSql(crimRequest('ICCS0101', 'P_HTHAB', ['RO']), { from: '2022', to: '2022' })
    );
    expect(result[0]).toMatchObject({
      value: null,
      note: { code: 'not_later', params: { from: '2022', to: '2022' } }
    });
  });
});

describe('transformSql', () => {
  test('dispatches every transform to SQL with the same leading columns', async () => {
    const request = crimRequest('ICCS0101', 'P_HTHAB', ['RO'], ['2008', '2022']);
    const specs = [
      { kind: 'none' },
      { kind: 'rate', plan: { kind: 'published', unitDimension: 'unit', unitCode: 'P_HTHAB' } },
      { kind: 'index', base: '2008' },
      { kind: 'yoy' },
      { kind: 'change', periods: { from: '2008', to: '2022' } },
      { kind: 'cagr', periods: { from: '2008', to: '2022' } },
      { kind: 'ma3' }
    ] as const;
    for (const spec of specs) {
      const built = transformSql(request, spec);
      if (!('sql' in built)) throw new Error(built.error);
      const table = await engine.query(built.sql);
      expect(table.schema.fields.slice(0, 7).map((f) => f.name)).toEqual([
        'series',
        'time',
        'value',
        'flag',
        'computed',
        'break_in_window',
        'note'
      ]);
    }
  });
});

const shipped = 'datasets/crim_off_cat.arrow';
describe.skipIf(!existsSync(shipped))('on the shipped crim_off_cat', () => {
  test('RO homicide rate change 2008–2022 is −60.09 %', async () => {
    await engine.insertArrowIpc('crim_off_cat_shipped', new Uint8Array(readFileSync(shipped)));
    const request = {
      ...crimRequest('ICCS0101', 'P_HTHAB', ['RO']),
      table: 'crim_off_cat_shipped'
    };
    const result = await rows(changeSql(request, { from: '2008', to: '2022' }));
    expect(result[0].value).toBeCloseTo(-60.087719, 5);
  });
});

describe('notes on values that cannot be computed', () => {
  test('a zero value gives a note code with the period it concerns', async () => {
    await engine.query(
      `CREATE OR REPLACE TABLE zero_start AS SELECT * FROM (VALUES ('X', '2010', 0.0, NULL), ('X', '2011', 5.0, NULL)) AS t(geo, "time", value, flag)`
    );
    const request: SeriesRequest = {
      table: 'zero_start',
      filters: { geo: ['X'] },
      seriesBy: 'geo'
    };
    const periods = { from: '2010', to: '2011' };
    expect(at(await rows(indexSql(request, '2010')), 'X', '2011').note).toEqual({
      code: 'base_not_positive',
      params: { base: '2010' }
    });
    expect(at(await rows(yearOnYearSql(request)), 'X', '2011').note).toEqual({
      code: 'previous_not_positive',
      params: { period: '2010' }
    });
    expect((await rows(changeSql(request, periods)))[0].note).toEqual({
      code: 'change_not_positive',
      params: { period: '2010' }
    });
    expect((await rows(cagrSql(request, periods)))[0].note).toEqual({
      code: 'growth_not_positive',
      params: { from: '2010', to: '2011' }
    });
  });
});
