/**
 * A large table's runs are built in slices of one dimension's codes: the same runs as built
 * in one pass, every series in exactly one slice.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, expect, test } from 'vitest';
import {
  attachOwnCatalogue,
  buildRunsTable,
  runsTableName,
  slicesOf
} from '../../../server/engine/own-catalogue';
import { writeShippedDatabase } from '../../../server/engine/shipped';

let dir = '';
afterAll(() => rm(dir, { recursive: true, force: true }));

test('crim_gen_reg in slices of 20,000 rows has the runs of one pass', async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cooperare-runs-slices-'));
  const file = path.join(dir, 'shipped.duckdb');
  const [manifest] = await writeShippedDatabase('datasets', file, ['crim_gen_reg']);
  const slices = slicesOf(manifest, 20_000);
  // 216,947 rows: about eleven slices, split between codes of the regions.
  expect(slices.length).toBeGreaterThan(8);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`ATTACH '${file}' AS source (READ_ONLY)`);
    await attachOwnCatalogue(connection);
    const runs = async (sliceRows?: number) => {
      const rows = await buildRunsTable(connection, 'source', manifest, sliceRows);
      const read = await connection.runAndReadAll(
        `SELECT * FROM ${runsTableName(manifest.id)} ORDER BY ALL`
      );
      expect(read.currentRowCount).toBe(rows);
      return read.getRowsJS();
    };
    const whole = await runs();
    expect(whole.length).toBeGreaterThan(20_000);
    expect(await runs(20_000)).toEqual(whole);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}, 60_000);
