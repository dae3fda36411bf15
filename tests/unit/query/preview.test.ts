import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../../src/lib/db/engine';
import { previewRowsFromTable, previewSql } from '../../../src/lib/query/preview';
import { startNodeEngine } from '../support/node-engine';

let engine: SqlEngine;
beforeAll(async () => {
  engine = await startNodeEngine();
  await engine.insertArrowIpc('crim_off_cat', readFileSync('datasets/crim_off_cat.arrow'));
});

describe('previewSql', () => {
  const dims = ['freq', 'iccs', 'unit', 'geo'];

  it('shows the first rows, or the rows whose codes and period match every term', async () => {
    const first = previewRowsFromTable(await engine.query(previewSql('crim_off_cat', dims, [])), 5);
    expect(first).toHaveLength(12);
    const rows = previewRowsFromTable(
      await engine.query(previewSql('crim_off_cat', dims, ['RO', 'ICCS0101', 'P_HTHAB', '2008'])),
      5
    );
    // estat_crim_off_cat.tsv: A,ICCS0101,P_HTHAB,RO 2008 = 2.28
    expect(rows).toEqual([
      { cells: ['A', 'ICCS0101', 'P_HTHAB', 'RO', '2008'], value: 2.28, flag: null }
    ]);
  });

  it('quotes what the user types', () => {
    expect(previewSql('t', ['geo'], ["x' OR 1=1 --"])).toContain(`= 'x'' OR 1=1 --'`);
  });
});
