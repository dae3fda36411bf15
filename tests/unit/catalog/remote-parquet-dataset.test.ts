import { readFileSync } from 'node:fs';
import { parquetMetadata, type AsyncBuffer } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, test } from 'vitest';
import { remoteManifest } from '../../../src/lib/catalog/remote-dataset';
import {
  appendNewRowsSql,
  covers,
  planRemoteRead,
  readFilters,
  remoteTableSql,
  rowsToIpc
} from '../../../src/lib/catalog/remote-rows';
import type { DatasetManifest } from '../../../src/lib/model/manifest';
import {
  chunkFromStatistics,
  countLongParquet,
  longParquetShape
} from '../../../src/lib/ingest/parquet-long-shape';
import { readParquetSelection } from '../../../src/lib/ingest/remote-parquet';
import { observationsFromTable, seriesSql } from '../../../src/lib/query/series';
import { startNodeEngine } from '../support/node-engine';
import { crimOffCatParquet } from '../../support/crim-off-cat-parquet';

const shipped = (
  JSON.parse(readFileSync('datasets/manifest.json', 'utf8')) as {
    datasets: DatasetManifest[];
  }
).datasets.find((d) => d.id === 'crim_off_cat') as DatasetManifest;

const buffer = crimOffCatParquet();
const metadata = parquetMetadata(buffer);

/** The file as a server would serve it, with every slice asked for recorded. */
function servedFile() {
  const slices: [number, number][] = [];
  const file: AsyncBuffer = {
    byteLength: buffer.byteLength,
    slice: (start, end = buffer.byteLength) => {
      slices.push([start, end]);
      return buffer.slice(start, end);
    }
  };
  return { file, slices };
}

/** Byte spans of one column's chunks. */
function chunkSpans(column: string): [number, number][] {
  return metadata.row_groups.map((group) => {
    const meta = group.columns.find((c) => c.meta_data?.path_in_schema[0] === column)?.meta_data;
    if (!meta) throw new Error(`no ${column}`);
    const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
    return [start, start + Number(meta.total_compressed_size)];
  });
}

describe('the long shape of a remote Parquet file', () => {
  test('dimensions are the columns beside time, value and flag', () => {
    expect(longParquetShape(metadata)).toEqual({ dimensions: ['freq', 'iccs', 'unit', 'geo'] });
  });

  test('a file without the long shape says what is wrong', () => {
    const without = parquetWriteBuffer({
      columnData: [
        { name: 'geo', data: ['RO'], type: 'STRING' },
        { name: 'time', data: ['2008'], type: 'STRING' },
        { name: 'value', data: [1], type: 'DOUBLE' }
      ]
    });
    expect(longParquetShape(parquetMetadata(without))).toEqual({
      kind: 'missing',
      columns: ['flag']
    });
    const numericCode = parquetWriteBuffer({
      columnData: [
        { name: 'year', data: [2008], type: 'INT32' },
        { name: 'time', data: ['2008'], type: 'STRING' },
        { name: 'value', data: [1], type: 'DOUBLE' },
        { name: 'flag', data: [null], type: 'STRING' }
      ]
    });
    expect(longParquetShape(parquetMetadata(numericCode))).toEqual({
      kind: 'not-text',
      column: 'year'
    });
    const textValue = parquetWriteBuffer({
      columnData: [
        { name: 'geo', data: ['RO'], type: 'STRING' },
        { name: 'time', data: ['2008'], type: 'STRING' },
        { name: 'value', data: ['2.28'], type: 'STRING' },
        { name: 'flag', data: [null], type: 'STRING' }
      ]
    });
    expect(longParquetShape(parquetMetadata(textValue))).toEqual({
      kind: 'not-number',
      column: 'value'
    });
  });

  test('a chunk whose statistics hold one code is counted from the footer', () => {
    const group = metadata.row_groups[0];
    const freq = group.columns.find((c) => c.meta_data?.path_in_schema[0] === 'freq');
    expect(freq && chunkFromStatistics(freq, Number(group.num_rows))).toEqual({
      code: 'A',
      rows: Number(group.num_rows)
    });
    const time = group.columns.find((c) => c.meta_data?.path_in_schema[0] === 'time');
    expect(time && chunkFromStatistics(time, Number(group.num_rows))).toBeNull();
  });
});

describe('describing a remote file from its footer and code columns', () => {
  test('codes, rows per code and periods equal the shipped manifest, and no value is fetched', async () => {
    const { file, slices } = servedFile();
    const shape = longParquetShape(metadata);
    if ('kind' in shape) throw new Error(shape.kind);
    const counts = await countLongParquet(file, metadata, shape);
    const manifest = remoteManifest(
      'crim',
      'http://127.0.0.1/remote/crim.parquet',
      buffer.byteLength,
      counts
    );

    expect(manifest.rowCount).toBe(shipped.rowCount);
    expect(manifest.time).toEqual(shipped.time);
    expect(manifest.flagCounts).toEqual(shipped.flagCounts);
    for (const dimension of shipped.dimensions) {
      const mine = manifest.dimensions.find((d) => d.id === dimension.id);
      const rows = (codes: { code: string; rows: number }[]) =>
        Object.fromEntries(codes.map((c) => [c.code, c.rows]));
      expect(rows(mine?.codes ?? [])).toEqual(rows(dimension.codes));
    }
    expect(manifest.dimensions.find((d) => d.id === 'iccs')?.codes).toContainEqual({
      code: 'ICCS0101',
      label: 'Intentional homicide',
      rows: expect.any(Number)
    });
    expect(manifest).toMatchObject({
      origin: 'remote',
      url: 'http://127.0.0.1/remote/crim.parquet'
    });

    // Not one byte of a value chunk was asked for.
    const values = chunkSpans('value');
    const touchesValue = slices.some(([s, e]) => values.some(([from, to]) => s < to && e > from));
    expect(touchesValue).toBe(false);
    // freq (one code) is never read: its rows come from the statistics.
    const freq = chunkSpans('freq');
    expect(slices.some(([s, e]) => freq.some(([from, to]) => s < to && e > from))).toBe(false);
  });
});

describe('planning the rows a selection reads', () => {
  const ro = { freq: ['A'], iccs: ['ICCS0101'], unit: ['P_HTHAB'], geo: ['RO', 'NO'] };

  test('a dimension with every code chosen is not filtered; unknown codes are dropped', () => {
    expect(readFilters(shipped, ro)).toEqual({
      iccs: ['ICCS0101'],
      unit: ['P_HTHAB'],
      geo: ['NO', 'RO']
    });
    expect(readFilters(shipped, { geo: ['RO', 'XX'] })).toEqual({ geo: ['RO'] });
    expect(readFilters(shipped, { geo: ['XX'] })).toBeNull();
  });

  test('a selection inside one already read needs no read', () => {
    const done = readFilters(shipped, ro) as Record<string, string[]>;
    expect(covers(done, { iccs: ['ICCS0101'], unit: ['P_HTHAB'], geo: ['RO'] })).toBe(true);
    expect(covers(done, { iccs: ['ICCS0101'], unit: ['P_HTHAB'], geo: ['RO', 'BG'] })).toBe(false);
    expect(covers(done, { iccs: ['ICCS0101'], geo: ['RO'] })).toBe(false);
    expect(planRemoteRead(shipped, { ...ro, geo: ['RO'] }, [done])).toEqual({ read: false });
    expect(planRemoteRead(shipped, { ...ro, geo: ['BG'] }, [done])).toEqual({
      read: true,
      filters: { iccs: ['ICCS0101'], unit: ['P_HTHAB'], geo: ['BG'] },
      columns: ['freq', 'iccs', 'unit', 'geo', 'time', 'value', 'flag']
    });
  });
});

describe('a selection read into DuckDB', () => {
  test('the same seriesSql gives the published value, and a second selection adds no duplicates', async () => {
    const engine = await startNodeEngine();
    const manifest = { ...shipped, id: 'crim_remote', origin: 'remote' as const };
    await engine.query(remoteTableSql(manifest));
    const load = async (filters: Record<string, string[]>, staging: string) => {
      const plan = planRemoteRead(manifest, filters, []);
      if (!plan.read) throw new Error('expected a read');
      const { rows, cost } = await readParquetSelection(servedFile().file, plan, metadata);
      await engine.insertArrowIpc(staging, rowsToIpc(manifest, rows));
      await engine.query(appendNewRowsSql(manifest, staging));
      return cost;
    };
    const cost = await load({ iccs: ['ICCS0101'], unit: ['P_HTHAB'], geo: ['RO'] }, 's1');
    // Sorted by geo: Romania's rows lie in one or two of the eighteen row groups.
    expect(cost.rowGroupsRead).toBeLessThanOrEqual(2);
    expect(cost.bytesRead).toBeLessThan(cost.fileBytes / 4);
    await load({ iccs: ['ICCS0101'], unit: ['P_HTHAB'], geo: ['RO', 'NO'] }, 's2');

    const table = await engine.query(
      seriesSql({
        table: 'crim_remote',
        filters: { iccs: ['ICCS0101'], unit: ['P_HTHAB'], geo: ['RO', 'NO'] },
        seriesBy: 'geo'
      })
    );
    const rows = observationsFromTable(table);
    expect(rows.find((r) => r.series === 'RO' && r.period === '2008')?.value).toBe(2.28);
    const count = await engine.query('SELECT count(*) AS n FROM crim_remote');
    expect(Number(count.getChild('n')?.get(0))).toBe(rows.length);
  });
});
