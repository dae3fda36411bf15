import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../../src/lib/db/engine';
import { codesFromTable, codesWithDataSql } from '../../../src/lib/query/coverage';
import { rawTsvCell } from '../../support/raw';
import { startNodeEngine } from '../support/node-engine';

const ARROW = 'datasets/tps00001.arrow';

describe.skipIf(!existsSync(ARROW))('codesWithDataSql on tps00001', () => {
  let engine: SqlEngine;
  beforeAll(async () => {
    engine = await startNodeEngine();
    await engine.insertArrowIpc('tps00001', readFileSync(ARROW));
  });

  it('lists every country with a value in the years, whatever geo is selected', async () => {
    // Andorra has no figure for 2014 in the published file.
    expect(rawTsvCell('eurostat/tps00001.tsv', 'JAN,AD', '2014')).toBe(':');
    const in2014 = codesFromTable(
      await engine.query(codesWithDataSql('tps00001', 'geo', { geo: ['AD', 'RO'] }, '2014', '2014'))
    );
    expect(in2014.has('RO')).toBe(true);
    expect(in2014.has('AD')).toBe(false);
    const around = codesFromTable(
      await engine.query(codesWithDataSql('tps00001', 'geo', { geo: ['AD', 'RO'] }, '2013', '2014'))
    );
    expect(around.has('AD')).toBe(true);
  });
});
