/**
 * The marks of codes with data on a server-held table come from runs of periods, asked once
 * per filters (coverageRunsSql) and cut to each window in the page (codesWithDataInRuns):
 * checked against codesWithDataSql, one scan per window, on shipped tables with gaps.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { SqlEngine } from '../../../src/lib/db/engine';
import {
  codesFromTable,
  codesWithDataInRuns,
  codesWithDataSql,
  coverageRunsSql,
  runsFromTable
} from '../../../src/lib/query/coverage';
import { DATASETS } from '../support/explore-sources';
import { startNodeEngine } from '../support/node-engine';
import { windowsOf } from '../support/windows';

let engine: SqlEngine;
const manifest = (id: string) => DATASETS.find((d) => d.id === id)!;

beforeAll(async () => {
  engine = await startNodeEngine();
  for (const id of ['crim_gen_reg', 'crim_off_cat', 'frontex_ibc'])
    await engine.insertArrowIpc(id, readFileSync(`datasets/${manifest(id).file}`));
}, 60_000);

async function compare(
  table: string,
  filters: Record<string, readonly string[]>,
  dimension = 'geo'
) {
  const runs = runsFromTable(await engine.query(coverageRunsSql(table, dimension, filters)));
  const periods = manifest(table).time.periods;
  let compared = 0;
  for (const [from, to] of windowsOf(periods)) {
    const scanned = codesFromTable(
      await engine.query(codesWithDataSql(table, dimension, filters, from, to))
    );
    expect([...codesWithDataInRuns(runs, from, to)].sort(), `${table} ${from}..${to}`).toEqual(
      [...scanned].sort()
    );
    compared += scanned.size;
  }
  return { runs, compared };
}

describe('codes with data from runs of periods', () => {
  test('crim_gen_reg: 1,682 regions, series that start, stop and have holes', async () => {
    for (const [iccs, unit] of [
      ['ICCS0101', 'NR'],
      ['ICCS0401', 'P_HTHAB'],
      ['ICCS050211', 'NR']
    ]) {
      const { runs, compared } = await compare('crim_gen_reg', {
        freq: ['A'],
        iccs: [iccs],
        unit: [unit],
        geo: ['RO']
      });
      expect(compared).toBeGreaterThan(0);
      // Some region has a hole between two runs, or the test would not test the islands.
      const codes = runs.map((r) => r.code);
      expect(new Set(codes).size).toBeLessThan(codes.length);
    }
  }, 120_000);

  test('crim_off_cat with both units; frontex_ibc by route, monthly, on both borders', async () => {
    await compare('crim_off_cat', { freq: ['A'], iccs: ['ICCS0101'], unit: ['NR', 'P_HTHAB'] });
    for (const citizen of ['SY', 'ER', 'BD']) {
      const { compared } = await compare(
        'frontex_ibc',
        { border_type: ['sea', 'land'], citizen: [citizen] },
        'route'
      );
      expect(compared).toBeGreaterThan(0);
    }
  }, 120_000);
});
