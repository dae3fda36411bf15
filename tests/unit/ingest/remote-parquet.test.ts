import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, test } from 'vitest';
import { parquetFilter, readParquetSelection } from '../../../src/lib/ingest/remote-parquet';

const GEOS = ['AT', 'BG', 'DE', 'HU', 'NO', 'RO'];
const YEARS = Array.from({ length: 15 }, (_, i) => String(2008 + i));
const ICCS = Array.from({ length: 40 }, (_, i) => `ICCS${String(i).padStart(4, '0')}`);

/** A long table sorted by geo, in row groups of 600 rows: each group holds one country. */
function longParquet(): ArrayBuffer {
  const geo: string[] = [];
  const iccs: string[] = [];
  const time: string[] = [];
  const value: number[] = [];
  for (const g of GEOS)
    for (const code of ICCS)
      for (const year of YEARS) {
        geo.push(g);
        iccs.push(code);
        time.push(year);
        value.push(geo.length / 10);
      }
  return parquetWriteBuffer({
    columnData: [
      { name: 'geo', data: geo, type: 'STRING' },
      { name: 'iccs', data: iccs, type: 'STRING' },
      { name: 'time', data: time, type: 'STRING' },
      { name: 'value', data: value, type: 'DOUBLE' }
    ],
    rowGroupSize: ICCS.length * YEARS.length
  });
}

describe('remote Parquet', () => {
  test('a selection becomes one $in per column', () => {
    expect(parquetFilter({})).toBeUndefined();
    expect(parquetFilter({ geo: ['RO'] })).toEqual({ geo: { $in: ['RO'] } });
    expect(parquetFilter({ geo: ['RO', 'NO'], iccs: ['ICCS0001'] })).toEqual({
      $and: [{ geo: { $in: ['RO', 'NO'] } }, { iccs: { $in: ['ICCS0001'] } }]
    });
  });

  test('a filtered read fetches only the row groups and columns that can match', async () => {
    const buffer = longParquet();
    const file = {
      byteLength: buffer.byteLength,
      slice: (s: number, e?: number) => buffer.slice(s, e)
    };
    const { rows, cost } = await readParquetSelection(file, {
      columns: ['geo', 'time', 'value'],
      filters: { geo: ['RO'], iccs: ['ICCS0003'] }
    });
    expect(rows).toHaveLength(YEARS.length);
    expect(rows.every((row) => row.geo === 'RO')).toBe(true);
    expect(rows.map((row) => row.time)).toEqual(YEARS);
    // RO is the sixth country: rows 5·600 + 3·15 + k, value (index + 1) / 10.
    expect(rows[0].value).toBe((5 * 600 + 3 * 15 + 1) / 10);
    expect(cost.rowGroups).toBe(GEOS.length);
    expect(cost.rowGroupsRead).toBe(1);
    // Past the footer, one country's group of three columns: far less than the file.
    expect(cost.bytesRead - cost.footerBytes).toBeLessThan(cost.fileBytes / 5);
  });
});
