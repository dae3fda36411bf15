/**
 * The engine's own catalogue (server/engine/own-catalogue.ts): the tables of runs of periods
 * with data that the explorer's marks read, checked against the scan per window the browser's
 * DuckDB runs (codesWithDataSql); the shipped population table held for rates on a source
 * without one; and the catalogue read-only to every client.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SqlEngine } from '../../../src/lib/db/engine';
import { RemoteEngine } from '../../../src/lib/db/remote-engine';
import {
  codesFromTable,
  codesWithDataInRuns,
  codesWithDataSql,
  coverageRunsFromTableSql,
  runsFromTable
} from '../../../src/lib/query/coverage';
import type { SeriesRequest } from '../../../src/lib/query/series';
import { planRate, rateSql } from '../../../src/lib/query/transform/rate';
import { transformedRowsFromTable } from '../../../src/lib/query/transforms';
import { startTestEngine, type TestEngine } from '../support/engine-service';
import { DATASETS } from '../support/explore-sources';
import { startNodeEngine } from '../support/node-engine';
import { windowsOf } from '../support/windows';

const HELD = ['crim_gen_reg', 'crim_off_cat', 'frontex_ibc', 'migr_eipre'];
const manifest = (id: string) => DATASETS.find((d) => d.id === id)!;

let engine: TestEngine;
let remote: RemoteEngine;
let local: SqlEngine;
let runs: Record<string, string>;
/** Rows of the own catalogue's tables before any client statement. */
let before: Record<string, number>;

const count = async (table: string) =>
  Number((await remote.query(`SELECT count(*) AS n FROM ${table}`)).getChild('n')!.get(0));

/** The engine's answer to GET /datasets once every held dataset has its table of runs. */
async function runsBuilt(): Promise<Record<string, string>> {
  for (;;) {
    const body = (await (await fetch(`${engine.service.url}/datasets`)).json()) as {
      runs?: Record<string, string>;
    };
    if (HELD.every((id) => body.runs?.[id])) return body.runs!;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  // The source file holds no demo_gind: the engine adds the shipped one.
  engine = await startTestEngine(HELD, { timeoutMs: 10_000 });
  remote = new RemoteEngine(`${engine.service.url}/`);
  local = await startNodeEngine();
  for (const id of [...HELD, 'demo_gind'])
    await local.insertArrowIpc(id, readFileSync(`datasets/${manifest(id).file}`));
  runs = await runsBuilt();
  before = { demo_gind: await count('demo_gind') };
  for (const id of HELD) before[id] = await count(runs[id]);
}, 120_000);
afterAll(() => engine?.stop());

/** The marks from the engine's runs against the browser's DuckDB's scan, window by window. */
async function compare(table: string, filters: Record<string, string[]>, dimension = 'geo') {
  const sql = coverageRunsFromTableSql(runs[table], dimension, filters);
  const fromRuns = runsFromTable(await remote.query(sql));
  let compared = 0;
  for (const [from, to] of windowsOf(manifest(table).time.periods)) {
    const scanned = codesFromTable(
      await local.query(codesWithDataSql(table, dimension, filters, from, to))
    );
    expect([...codesWithDataInRuns(fromRuns, from, to)].sort(), `${table} ${from}..${to}`).toEqual(
      [...scanned].sort()
    );
    compared += scanned.size;
  }
  return compared;
}

describe("the engine's tables of runs", () => {
  test('are named in GET /datasets, in the own catalogue', () => {
    expect(runs.crim_off_cat).toBe('cooperare_engine.runs."crim_off_cat"');
    expect(Object.keys(runs).sort()).toEqual(HELD);
  });

  test('mark the regions of crim_gen_reg as a scan per window does, holes and all', async () => {
    for (const [iccs, unit] of [
      ['ICCS0101', 'NR'],
      ['ICCS0401', 'P_HTHAB'],
      ['ICCS050211', 'NR']
    ]) {
      expect(
        await compare('crim_gen_reg', { freq: ['A'], iccs: [iccs], unit: [unit] })
      ).toBeGreaterThan(0);
    }
    // Regions with a hole between two runs are there, or the test would not test the runs.
    const perRegion = await remote.query(
      `SELECT geo, count(*) AS n FROM ${runs.crim_gen_reg} GROUP BY geo HAVING count(*) > ` +
        `count(DISTINCT iccs || unit) LIMIT 1`
    );
    expect(perRegion.numRows).toBe(1);
  }, 120_000);

  test('mark crim_off_cat with both units, and frontex_ibc by route on both borders', async () => {
    expect(
      await compare('crim_off_cat', { freq: ['A'], iccs: ['ICCS0101'], unit: ['NR', 'P_HTHAB'] })
    ).toBeGreaterThan(0);
    for (const citizen of ['SY', 'ER', 'BD'])
      expect(
        await compare('frontex_ibc', { border_type: ['sea', 'land'], citizen: [citizen] }, 'route')
      ).toBeGreaterThan(0);
  }, 120_000);
});

describe('the population table on a source without one', () => {
  test("answers the explorer's computed rate with the browser's numbers", async () => {
    const migration = manifest('migr_eipre');
    const plan = planRate(migration, { unit: ['PER'] }, manifest('demo_gind'));
    expect(plan.kind).toBe('computed');
    if (plan.kind === 'unavailable') return;
    const request: SeriesRequest = {
      table: 'migr_eipre',
      filters: {
        reason: ['TOTAL'],
        apprehen: ['TOTAL'],
        citizen: ['TOTAL'],
        geo: ['RO', 'NO', 'DE', 'PL']
      },
      seriesBy: 'geo'
    };
    const sql = rateSql(request, plan);
    const served = transformedRowsFromTable(await remote.query(sql));
    expect(served.filter((r) => r.computed && r.value !== null).length).toBeGreaterThan(40);
    expect(served).toEqual(transformedRowsFromTable(await local.query(sql)));
  });
});

describe('the own catalogue, for a client', () => {
  const readOnly = (what: string) =>
    `This server answers read-only queries; ${what} is not allowed. Send one SELECT statement.`;
  const sql = (text: string) =>
    fetch(`${engine.service.url}/query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sql: text })
    });

  test.each<[string, string | RegExp]>([
    ['DROP TABLE cooperare_engine.runs."crim_off_cat"', readOnly('DROP')],
    ['DROP SCHEMA cooperare_engine.runs CASCADE', readOnly('DROP')],
    ['CREATE TABLE cooperare_engine.main.x (a INTEGER)', readOnly('CREATE')],
    ['CREATE TABLE cooperare_engine.runs.x AS SELECT 1 AS a', readOnly('CREATE')],
    ['INSERT INTO cooperare_engine.main.demo_gind SELECT * FROM demo_gind', readOnly('INSERT')],
    ['DELETE FROM cooperare_engine.runs."crim_off_cat"', readOnly('DELETE')],
    ["UPDATE demo_gind SET value = 0 WHERE geo = 'RO'", readOnly('UPDATE')],
    ['WITH a AS (SELECT 1) DELETE FROM demo_gind', /^This server answers read-only queries/],
    ['DETACH cooperare_engine', readOnly('DETACH')],
    ["ATTACH ':memory:' AS cooperare_engine_2", readOnly('ATTACH')],
    ['USE cooperare_engine', readOnly('USE')],
    ["SET search_path = 'cooperare_engine.main'", readOnly('SET')]
  ])('refuses %s', async (statement, message) => {
    const response = await sql(statement);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: string }).error).toMatch(message);
  });

  test('is left as it was: every run and every population row', async () => {
    const rows = (await local.query('SELECT count(*) AS n FROM demo_gind')).getChild('n')!.get(0);
    expect(before.demo_gind).toBe(Number(rows));
    expect(await count('demo_gind')).toBe(before.demo_gind);
    for (const id of HELD) {
      expect(before[id], id).toBeGreaterThan(0);
      expect(await count(runs[id]), id).toBe(before[id]);
    }
  });
});
