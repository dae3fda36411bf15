import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Table } from 'apache-arrow';
import { QueryCancelled, duckDbMessage, type SqlEngine } from '../../../src/lib/db/engine';
import { gridWindow } from '../../../src/lib/sql/grid-window';
import {
  parseSavedQueries,
  serializeSavedQueries,
  withSavedQuery,
  withoutSavedQuery
} from '../../../src/lib/sql/saved-queries';
import { mentionedTables, starterQuery, tableColumns } from '../../../src/lib/sql/tables';
import { cellText, resultColumns } from '../../../src/lib/sql/result';
import { resultChart, resultExportRows, MAX_BARS, MAX_POINTS } from '../../../src/lib/sql/chart';
import { readSqlLink, sqlLinkHref } from '../../../src/lib/state/sql-link';
import { chartCsv } from '../../../src/lib/export/csv-export';
import { startNodeEngine } from '../support/node-engine';
import { rawTsvCell } from '../../support/raw';

const IDS = ['crim_off_cat', 'crim_gen_reg', 'migr_eipre', 'demo_gind'];
const plain = (n: number) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 6 }).format(n);

describe('tables named by a statement', () => {
  test('finds bare ids in any case, and quoted ones', () => {
    expect(mentionedTables('select * from CRIM_OFF_CAT join "demo_gind" using (geo)', IDS)).toEqual(
      ['crim_off_cat', 'demo_gind']
    );
  });

  test('a longer name containing an id is not that id', () => {
    expect(mentionedTables('SELECT * FROM crim_off_cat_copy, my_demo_gind', IDS)).toEqual([]);
  });

  test('columns and starter query come from the manifest', () => {
    const dataset = {
      id: 'demo_gind',
      dimensions: [{ id: 'freq' }, { id: 'indic_de' }, { id: 'geo' }]
    };
    const manifest = dataset as unknown as Parameters<typeof tableColumns>[0] & { id: string };
    expect(tableColumns(manifest).map((c) => `${c.name} ${c.type}`)).toEqual([
      'freq VARCHAR',
      'indic_de VARCHAR',
      'geo VARCHAR',
      'time VARCHAR',
      'value DOUBLE',
      'flag VARCHAR'
    ]);
    expect(starterQuery(manifest)).toBe(
      'SELECT freq, indic_de, geo, time, value, flag\nFROM demo_gind\nLIMIT 100'
    );
  });
});

describe('saved queries', () => {
  test('round-trip through their stored text', () => {
    const list = withSavedQuery(withSavedQuery([], { name: ' a ', sql: 'SELECT 1' }), {
      name: 'b',
      sql: 'SELECT 2'
    });
    expect(parseSavedQueries(serializeSavedQueries(list))).toEqual([
      { name: 'a', sql: 'SELECT 1' },
      { name: 'b', sql: 'SELECT 2' }
    ]);
  });

  test('saving under an existing name replaces it in place; deleting removes it', () => {
    const list = [
      { name: 'a', sql: '1' },
      { name: 'b', sql: '2' }
    ];
    expect(withSavedQuery(list, { name: 'a', sql: '3' })).toEqual([
      { name: 'a', sql: '3' },
      { name: 'b', sql: '2' }
    ]);
    expect(withoutSavedQuery(list, 'a')).toEqual([{ name: 'b', sql: '2' }]);
  });

  test('unreadable storage gives an empty list, bad entries are skipped', () => {
    expect(parseSavedQueries(null)).toEqual([]);
    expect(parseSavedQueries('{not json')).toEqual([]);
    expect(parseSavedQueries('{"name":"a"}')).toEqual([]);
    expect(
      parseSavedQueries('[{"name":"a","sql":"x"},{"name":""},{"sql":"y"},7,{"name":"a","sql":"z"}]')
    ).toEqual([{ name: 'a', sql: 'x' }]);
  });
});

describe('grid window', () => {
  test('renders the rows in view plus overscan, never past the ends', () => {
    expect(gridWindow(0, 280, 28, 100_000, 5)).toEqual({
      first: 0,
      end: 16,
      offset: 0,
      total: 2_800_000
    });
    const middle = gridWindow(28 * 500, 280, 28, 100_000, 5);
    expect(middle).toEqual({ first: 495, end: 516, offset: 495 * 28, total: 2_800_000 });
    const end = gridWindow(10_000_000, 280, 28, 100_000, 5);
    expect(end.end).toBe(100_000);
    expect(end.end - end.first).toBeLessThan(30);
  });

  test('a short or empty result renders all or nothing', () => {
    expect(gridWindow(0, 280, 28, 3)).toEqual({ first: 0, end: 3, offset: 0, total: 84 });
    expect(gridWindow(0, 280, 28, 0)).toEqual({ first: 0, end: 0, offset: 0, total: 0 });
  });
});

test('DuckDB messages read the same whichever way the statement ran', () => {
  expect(
    duckDbMessage(
      '{"exception_type":"Parser","exception_message":"syntax error at or near \\"SELEC\\""}'
    )
  ).toBe('Parser Error: syntax error at or near "SELEC"');
  expect(duckDbMessage('Catalog Error: Table with name x does not exist!')).toBe(
    'Catalog Error: Table with name x does not exist!'
  );
  expect(duckDbMessage('{broken')).toBe('{broken');
});

describe('against DuckDB', () => {
  let engine: SqlEngine;
  beforeAll(async () => {
    engine = await startNodeEngine();
    await engine.insertArrowIpc('crim_off_cat', readFileSync('datasets/crim_off_cat.arrow'));
  });

  test('a bad statement fails with DuckDB’s own message', async () => {
    await expect(engine.queryCancellable('SELEC 1')).rejects.toThrow(
      /^Parser Error: syntax error at or near "SELEC"/
    );
  });

  test('a plain run’s error points at the mistake once', async () => {
    const error = await engine.query('SELEC geo FROM crim_off_cat').catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toMatch(/^Parser Error: syntax error at or near "SELEC"/);
    expect(message.match(/LINE 1:/g)).toHaveLength(1);
  });

  test('a long statement stops on cancel, and the next one runs', async () => {
    const long = engine.queryCancellable('SELECT count(*) FROM range(10000000000)');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await engine.cancel()).toBe(true);
    await expect(long).rejects.toBeInstanceOf(QueryCancelled);
    const next = await engine.queryCancellable('SELECT 42 AS answer');
    expect(next.getChild('answer')?.get(0)).toBe(42);
  });

  test('an empty result keeps its columns', async () => {
    const table = await engine.queryCancellable("SELECT 1 AS a, 'x' AS b WHERE false");
    expect(table.numRows).toBe(0);
    expect(resultColumns(table).map((c) => `${c.name} ${c.type}`)).toEqual([
      'a INTEGER',
      'b VARCHAR'
    ]);
  });

  test('cells are shown per type, NULL apart from text', async () => {
    const table = await engine.queryCancellable(
      `SELECT 1234.5::DOUBLE d, 9007199254740993::BIGINT big, 12::BIGINT small, -1.25::DECIMAL(6,2) AS amount,
        DATE '2020-02-29' AS d2, TIMESTAMP '2020-01-01 10:30:00' ts, true b, NULL::VARCHAR n, '' e, [1, 2] l`
    );
    const columns = resultColumns(table);
    expect(columns.map((c) => c.type)).toEqual([
      'DOUBLE',
      'BIGINT',
      'BIGINT',
      'DECIMAL(6,2)',
      'DATE',
      'TIMESTAMP',
      'BOOLEAN',
      'VARCHAR',
      'VARCHAR',
      expect.stringContaining('List')
    ]);
    const shown = columns.map((c, i) => cellText(table.getChildAt(i)?.get(0), c, plain));
    expect(shown).toEqual([
      '1,234.5',
      '9007199254740993',
      '12',
      '-1.25',
      '2020-02-29',
      '2020-01-01 10:30:00',
      'true',
      null,
      '',
      '[1,2]'
    ]);
  });

  async function run(sql: string): Promise<Table> {
    return engine.queryCancellable(sql);
  }

  test('a period x gives one line per series, values and flags as published', async () => {
    const table = await run(
      `SELECT geo, time, value, flag FROM crim_off_cat
       WHERE iccs = 'ICCS0101' AND unit = 'P_HTHAB' AND geo IN ('RO', 'NO') ORDER BY geo, time`
    );
    const columns = resultColumns(table);
    const chart = resultChart(table, columns, { x: 1, y: 2, series: 0 }, plain);
    if (!('kind' in chart) || chart.kind !== 'line') throw new Error(JSON.stringify(chart));
    expect(chart.step).toBe(1);
    expect(chart.series.map((s) => s.key)).toEqual(['NO', 'RO']);
    const ro = chart.series.find((s) => s.key === 'RO')!;
    expect(ro.color).toBe('#0072B2');
    const published = rawTsvCell(
      'eurostat/estat_crim_off_cat.tsv',
      'A,ICCS0101,P_HTHAB,RO',
      '2008'
    );
    expect(ro.points.find((p) => p.period === '2008')?.value).toBe(Number(published));
    expect(ro.points.map((p) => p.x)).toEqual([...ro.points.map((p) => p.x)].sort((a, b) => a - b));
  });

  test('the download of a result chart holds every point drawn, with its series and flag', async () => {
    const table = await run(
      `SELECT geo, time, value, flag FROM crim_off_cat
       WHERE iccs = 'ICCS0101' AND unit = 'P_HTHAB' AND geo IN ('RO', 'NO') ORDER BY geo, time`
    );
    const chart = resultChart(table, resultColumns(table), { x: 1, y: 2, series: 0 }, plain);
    if (!('kind' in chart) || chart.kind !== 'line') throw new Error(JSON.stringify(chart));
    const rows = resultExportRows(chart, { datasets: ['crim_off_cat'], x: 'time', series: 'geo' });
    expect(rows).toHaveLength(table.numRows);
    const published = rawTsvCell(
      'eurostat/estat_crim_off_cat.tsv',
      'A,ICCS0101,P_HTHAB,NO',
      '2011'
    );
    expect(rows.find((r) => r.dimensions[0].code === 'NO' && r.period === '2011')).toEqual({
      dataset: 'crim_off_cat',
      dimensions: [{ id: 'geo', code: 'NO', label: 'Norway' }],
      period: '2011',
      value: Number(published),
      unit: '',
      flag: null
    });
    const csv = chartCsv(rows, { title: 't', subtitle: '', source: 's', notes: [], unit: '' });
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFdataset,geo_code,geo_label,time,value,unit,flag,flag_meaning'
    );
  });

  test('bars download their x and series as dimensions, hostile text made inert', async () => {
    const table = await run(
      `SELECT * FROM (VALUES ('=cmd()', 'RO', 2.5), ('b', 'NO', NULL)) t(k, geo, v)`
    );
    const chart = resultChart(table, resultColumns(table), { x: 0, y: 2, series: 1 }, plain);
    if (!('kind' in chart) || chart.kind !== 'bars') throw new Error(JSON.stringify(chart));
    const rows = resultExportRows(chart, { datasets: [], x: 'k', series: 'geo' });
    expect(rows.map((r) => [r.dataset, r.dimensions.map((d) => d.label), r.value])).toEqual([
      ['sql', ['=cmd()', 'Romania'], 2.5],
      ['sql', ['b', 'Norway'], null]
    ]);
    const csv = chartCsv(rows, { title: 't', subtitle: '', source: 's', notes: [], unit: '' });
    expect(csv).toContain("sql,'=cmd(),'=cmd(),RO,Romania,,2.5,,,");
  });

  test('without a series column, repeated x values are reported, not drawn', async () => {
    const table = await run(
      `SELECT geo, time, value FROM crim_off_cat
       WHERE iccs = 'ICCS0101' AND unit = 'P_HTHAB' AND geo IN ('RO', 'NO')`
    );
    const chart = resultChart(table, resultColumns(table), { x: 1, y: 2, series: null }, plain);
    expect(chart).toMatchObject({ problem: 'duplicate-x' });
  });

  test('an unordered x gives bars; too many rows or a text y are reported', async () => {
    const bars = await run(`SELECT * FROM (VALUES ('b', 2.5), ('a', NULL)) t(k, v)`);
    expect(
      resultChart(bars, resultColumns(bars), { x: 0, y: 1, series: null }, plain)
    ).toMatchObject({
      kind: 'bars',
      bars: [
        { label: 'b', value: 2.5 },
        { label: 'a', value: null }
      ]
    });
    expect(resultChart(bars, resultColumns(bars), { x: 1, y: 0, series: null }, plain)).toEqual({
      problem: 'y-not-numeric'
    });
    const many = await run(`SELECT 'k' || range AS k, range AS v FROM range(${MAX_BARS + 1})`);
    expect(resultChart(many, resultColumns(many), { x: 0, y: 1, series: null }, plain)).toEqual({
      problem: 'too-many-bars',
      limit: MAX_BARS
    });
  });

  test('more points than a line chart can show are reported', async () => {
    const table = await run(`SELECT range AS x, range AS y FROM range(${MAX_POINTS + 1})`);
    expect(resultChart(table, resultColumns(table), { x: 0, y: 1, series: null }, plain)).toEqual({
      problem: 'too-many-points',
      limit: MAX_POINTS
    });
  });

  test('a numeric x is a line whose step is the smallest gap', async () => {
    const table = await run('SELECT range * 5 AS x, range AS y FROM range(4)');
    const chart = resultChart(table, resultColumns(table), { x: 0, y: 1, series: null }, plain);
    expect(chart).toMatchObject({ kind: 'line', step: 5 });
  });
});

describe('links to the console', () => {
  const query = "SELECT geo, time, value FROM crim_off_cat WHERE geo = 'RO' -- 100% & more";

  test('a query and its chart travel through the address and back unchanged', () => {
    const href = sqlLinkHref({ query, chart: { x: 'time', y: 'value', series: 'geo' } });
    expect(href.startsWith('/sql?q=SELECT+geo')).toBe(true);
    const params = new URL(href, 'https://example.org').searchParams;
    expect(readSqlLink(params)).toEqual({
      link: { query, chart: { x: 'time', y: 'value', series: 'geo' } },
      problem: null
    });
  });

  test('a chart without series, or with a column whose name holds a comma', () => {
    const params = (href: string) => new URL(href, 'https://example.org').searchParams;
    const plainChart = sqlLinkHref({ query, chart: { x: 'time', y: 'value', series: null } });
    expect(readSqlLink(params(plainChart)).link?.chart).toEqual({
      x: 'time',
      y: 'value',
      series: null
    });
    // "a,b" cannot be written in chart=x,y: the link opens the result and lets the reader pick.
    const comma = sqlLinkHref({ query, chart: { x: 'a,b', y: 'value', series: null } });
    expect(readSqlLink(params(comma))).toEqual({ link: { query, chart: null }, problem: null });
  });

  test('no query is the plain console; an unreadable chart still runs the query', () => {
    expect(readSqlLink(new URLSearchParams(''))).toEqual({ link: null, problem: null });
    expect(readSqlLink(new URLSearchParams('q=%20'))).toEqual({ link: null, problem: null });
    expect(readSqlLink(new URLSearchParams({ q: 'SELECT 1', chart: 'x' }))).toEqual({
      link: { query: 'SELECT 1', chart: null },
      problem: { problem: 'bad-chart', chart: 'x' }
    });
    expect(readSqlLink(new URLSearchParams({ q: 'SELECT 1', chart: 'a,,b' }))).toMatchObject({
      problem: { problem: 'bad-chart' }
    });
  });
});
