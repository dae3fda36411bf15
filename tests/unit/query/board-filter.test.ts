import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { SqlEngine } from '../../../src/lib/db/engine';
import {
  describeStatementSql,
  filterColumns,
  filteredStatementSql
} from '../../../src/lib/query/board-filter';
import { startNodeEngine } from '../support/node-engine';

let engine: SqlEngine;
beforeAll(async () => {
  engine = await startNodeEngine();
  await engine.insertArrowIpc('crim_off_cat', readFileSync('datasets/crim_off_cat.arrow'));
});

const rows = async (sql: string) =>
  (await engine.query(sql)).toArray().map((row) => ({ ...row.toJSON() }));

/** A period's months, counted from year 0, first and last: an independent reading of it. */
function months(period: string): [number, number] {
  const year = Number(period.slice(0, 4)) * 12;
  if (period.length === 4) return [year, year + 11];
  if (period[5] === 'Q') {
    const first = year + (Number(period[6]) - 1) * 3;
    return [first, first + 2];
  }
  const month = year + Number(period.slice(5, 7)) - 1;
  return [month, month];
}
const overlaps = (period: string, from: string, to: string) =>
  months(period)[1] >= months(from)[0] && months(period)[0] <= months(to)[1];

const HOMICIDE =
  "SELECT geo, time, value FROM crim_off_cat WHERE iccs = 'ICCS0101' AND unit = 'P_HTHAB' ORDER BY geo, time";

describe('a board’s filters around a SQL console statement', () => {
  test('keep the rows of the board’s countries and years, as filtering the whole result would', async () => {
    const all = await rows(HOMICIDE);
    const filters = { geo: ['RO', 'NO'], time: { from: '2012', to: '2016' } };
    const sql = filteredStatementSql(HOMICIDE, filters, filterColumns(['geo', 'time', 'value']));
    const expected = all.filter(
      (r) => ['RO', 'NO'].includes(r.geo) && Number(r.time) >= 2012 && Number(r.time) <= 2016
    );
    expect(expected.length).toBe(10);
    expect(await rows(sql as string)).toEqual(expected);
  });

  test('take every frequency’s periods that overlap the window', async () => {
    const periods = ['2014', '2015', '2020', '2021', '2014-Q4', '2015-Q1', '2015-Q2', '2020-Q1'];
    periods.push('2020-Q2', '2014-12', '2015-04', '2015-05', '2020-02', '2020-03', '2020-12');
    const values = periods.map((p) => `('${p}')`).join(', ');
    const statement = `SELECT * FROM (VALUES ${values}) AS t(time)`;
    for (const [from, to] of [
      ['2015', '2020'],
      ['2015-05', '2020-02'],
      ['2015-Q2', '2020-Q1']
    ]) {
      const sql = filteredStatementSql(
        statement,
        { geo: [], time: { from, to } },
        { geo: null, time: 'time' }
      );
      const kept = (await rows(sql as string)).map((r) => r.time);
      expect(kept, `${from}..${to}`).toEqual(periods.filter((p) => overlaps(p, from, to)));
    }
  });

  test('read a date or a year written as a number by its own shape', async () => {
    const statement =
      "SELECT * FROM (VALUES (DATE '2015-03-31', 2014), (DATE '2020-12-31', 2016), (DATE '2021-01-01', 2021)) AS t(time, year)";
    const sql = filteredStatementSql(
      statement,
      { geo: [], time: { from: '2015', to: '2020' } },
      { geo: null, time: 'time' }
    );
    expect((await rows(sql as string)).map((r) => r.year)).toEqual([2014, 2016]);
  });

  test('quote a country as a literal, so a name cannot change the statement', async () => {
    const sql = filteredStatementSql(
      HOMICIDE,
      { geo: ["RO') OR (1=1"], time: null },
      { geo: 'geo', time: null }
    );
    expect(await rows(sql as string)).toEqual([]);
  });

  test('read a statement ending in a comment or a semicolon, and find its columns in any case', async () => {
    const commented = 'SELECT geo AS "GEO", time FROM crim_off_cat LIMIT 3 -- three rows';
    const described = await engine.query(describeStatementSql(commented));
    const names = described.getChild('column_name')!.toArray().map(String);
    expect(filterColumns(names)).toEqual({ geo: 'GEO', time: 'time' });
    const ending = filteredStatementSql(
      "SELECT 'RO' AS geo UNION ALL SELECT 'NO';  \n",
      {
        geo: ['RO'],
        time: null
      },
      { geo: 'geo', time: null }
    );
    expect(await rows(ending as string)).toEqual([{ geo: 'RO' }]);
  });

  test('leave the statement alone when no filter has a column to act on', () => {
    expect(
      filteredStatementSql(HOMICIDE, { geo: ['RO'], time: null }, { geo: null, time: 'time' })
    ).toBeNull();
  });
});
