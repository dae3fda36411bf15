import { describe, expect, test } from 'vitest';
import { longDatasetToIpc } from '../../../src/lib/ingest/arrow';
import type { LongDataset } from '../../../src/lib/ingest/types';
import { startNodeEngine } from '../support/node-engine';

function sample(): LongDataset {
  return {
    tableCode: 'sample',
    title: null,
    lastUpdate: null,
    format: 'eurostat-tsv',
    fileName: 'sample.tsv',
    dimensions: [
      { id: 'unit', label: 'unit', codes: new Map([['NR', 'NR']]) },
      {
        id: 'geo',
        label: 'geo',
        codes: new Map([
          ['RO', 'Romania'],
          ['NO', 'Norway']
        ])
      }
    ],
    rowCount: 3,
    codes: [
      ['NR', 'NR', 'NR'],
      ['RO', 'NO', 'RO']
    ],
    time: ['2008', '2008', '2009'],
    value: new Float64Array([2.28, Number.NaN, -1.5]),
    flag: [null, 'c', 'bep']
  };
}

describe('longDatasetToIpc', () => {
  test('DuckDB reads codes, nulls and flags back exactly', async () => {
    const engine = await startNodeEngine();
    await engine.insertArrowIpc('sample', longDatasetToIpc(sample()));
    const rows = (
      await engine.query(
        'SELECT unit, geo, time, value, flag, typeof(value) AS t FROM sample ORDER BY time, geo'
      )
    )
      .toArray()
      .map((row) => row.toJSON());
    expect(rows).toEqual([
      { unit: 'NR', geo: 'NO', time: '2008', value: null, flag: 'c', t: 'DOUBLE' },
      { unit: 'NR', geo: 'RO', time: '2008', value: 2.28, flag: null, t: 'DOUBLE' },
      { unit: 'NR', geo: 'RO', time: '2009', value: -1.5, flag: 'bep', t: 'DOUBLE' }
    ]);
  });
});
