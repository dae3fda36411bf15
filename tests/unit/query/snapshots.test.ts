import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { SNAPSHOT_VIEWS, computeSnapshots, snapshotJson } from '../../../scripts/build-snapshots';
import { observationsFromTable, seriesSql } from '../../../src/lib/query/series';
import {
  findSnapshotTable,
  snapshotTable,
  type QuerySnapshot
} from '../../../src/lib/query/snapshot';
import { transformedRowsFromTable } from '../../../src/lib/query/transforms';
import { HOME_VIEW } from '../../../src/routes/home-view';

const datasets = path.resolve(process.cwd(), 'datasets');
const committed = async (name: string) =>
  JSON.parse(
    await readFile(path.join(datasets, 'snapshots', `${name}.json`), 'utf8')
  ) as QuerySnapshot;

describe('first-paint snapshots', () => {
  test('each committed snapshot is exactly what the live query returns on the shipped data', async () => {
    const live = await computeSnapshots(datasets);
    const files = (await readdir(path.join(datasets, 'snapshots'))).sort();
    expect(files).toEqual(
      Object.keys(SNAPSHOT_VIEWS)
        .map((name) => `${name}.json`)
        .sort()
    );
    for (const [name, snapshot] of live) {
      const text = await readFile(path.join(datasets, 'snapshots', `${name}.json`), 'utf8');
      expect(
        text === snapshotJson(snapshot),
        `datasets/snapshots/${name}.json is stale: run npm run datasets:build`
      ).toBe(true);
    }
  });

  test('the homicide snapshot of the home board holds the published homicide rates with their flags', async () => {
    const snapshot = await committed('home-homicide');
    const table = snapshotTable(snapshot, snapshot.sql);
    expect(table).not.toBeNull();
    const rows = transformedRowsFromTable(table!);
    const ro2008 = rows.find((r) => r.series === 'RO' && r.period === '2008');
    expect(ro2008?.value).toBe(2.28);
    expect(new Set(rows.map((r) => r.series))).toEqual(new Set(HOME_VIEW.filters.geo));
  });

  test("a board chart's snapshot carries only the codes it draws, and plans the same query from them", async () => {
    const snapshot = await committed('home-trafficking');
    expect(snapshot.datasetTrimmed).toBe(true);
    const manifest = JSON.parse(await readFile(path.join(datasets, 'manifest.json'), 'utf8'));
    const full = manifest.datasets.find((d: { id: string }) => d.id === snapshot.dataset.id);
    const codes = (dataset: QuerySnapshot['dataset'], id: string) =>
      dataset.dimensions.find((d) => d.id === id)?.codes.map((c) => c.code) ?? [];
    // UNODC's table has 645 categories and 199 places; the chart draws Norway and Romania.
    expect(codes(full, 'category').length).toBeGreaterThan(600);
    expect(codes(snapshot.dataset, 'category').length).toBe(1);
    expect(codes(snapshot.dataset, 'geo').sort()).toEqual(['NO', 'RO']);
    expect(SNAPSHOT_VIEWS['home-trafficking'].sql(snapshot.dataset)).toBe(snapshot.sql);
    // The explorer's own snapshot keeps every code: its pickers list them.
    const explore = await committed('explore-crim_off_cat');
    expect(explore.datasetTrimmed).toBeUndefined();
  });

  test('the explorer snapshot reads as a transform result, as the live table does', async () => {
    const snapshot = await committed('explore-crim_off_cat');
    const found = findSnapshotTable([await committed('home-homicide'), snapshot], snapshot.sql);
    expect(found?.dataset.id).toBe('crim_off_cat');
    const rows = transformedRowsFromTable(found!.table);
    expect(rows.length).toBe(snapshot.rowCount);
    expect(rows.find((r) => r.series === 'NO' && r.period === '2011')?.value).toBe(2.26);
    expect(rows.every((r) => r.computed === false && r.note === null)).toBe(true);
  });

  test('a snapshot of another query is never used', () => {
    const snapshot: QuerySnapshot = {
      sql: seriesSql(HOME_VIEW),
      dataset: {} as QuerySnapshot['dataset'],
      rowCount: 1,
      columns: { series: ['RO'], time: ['2008'], value: [2.28], flag: [null] }
    };
    expect(snapshotTable(snapshot, seriesSql({ ...HOME_VIEW, timeTo: '2023' }))).toBeNull();
    expect(findSnapshotTable([snapshot], 'SELECT 1')).toBeNull();
    expect(observationsFromTable(snapshotTable(snapshot, snapshot.sql)!)).toEqual([
      { series: 'RO', period: '2008', value: 2.28, flag: null }
    ]);
  });
});
