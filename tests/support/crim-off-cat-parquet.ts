import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';

const COLUMNS = ['freq', 'iccs', 'unit', 'geo', 'time', 'value', 'flag'] as const;

/**
 * The shipped crim_off_cat table (real published values) as a long-shaped Parquet file,
 * sorted by geo, offence, unit and period, in row groups of 1 000 rows: a server-side copy
 * of the kind a remote dataset reads.
 */
export function crimOffCatParquet(): ArrayBuffer {
  const table = tableFromIPC(readFileSync('datasets/crim_off_cat.arrow'));
  const columns = COLUMNS.map((name) => table.getChild(name)?.toArray() as unknown[]);
  const order = Array.from({ length: table.numRows }, (_, i) => i).sort((a, b) => {
    for (const c of [3, 1, 2, 4]) {
      const x = String(columns[c][a]);
      const y = String(columns[c][b]);
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
  const column = (c: number) => order.map((i) => columns[c][i] ?? null);
  return parquetWriteBuffer({
    columnData: [
      ...[0, 1, 2, 3, 4].map((c) => ({
        name: COLUMNS[c],
        data: column(c),
        type: 'STRING' as const
      })),
      { name: 'value', data: column(5), type: 'DOUBLE' as const },
      { name: 'flag', data: column(6), type: 'STRING' as const }
    ],
    rowGroupSize: 1000
  });
}
