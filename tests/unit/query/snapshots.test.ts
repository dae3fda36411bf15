import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { SNAPSHOT_VIEWS, computeSnapshots, snapshotJson } from '../../../scripts/build-snapshots';
import { seriesSql } from '../../../src/lib/query/series';
import { snapshotObservations, type QuerySnapshot } from '../../../src/lib/query/snapshot';
import { HOME_VIEW } from '../../../src/routes/home-view';

const datasets = path.resolve(process.cwd(), 'datasets');

describe('first-paint snapshots', () => {
  test('each committed snapshot is exactly what the live query returns on the shipped data', async () => {
    const live = await computeSnapshots(datasets);
    expect([...live.keys()].sort()).toEqual(Object.keys(SNAPSHOT_VIEWS).sort());
    for (const [name, snapshot] of live) {
      const committed = await readFile(path.join(datasets, 'snapshots', `${name}.json`), 'utf8');
      expect(
        committed === snapshotJson(snapshot),
        `datasets/snapshots/${name}.json is stale: run npm run datasets:build`
      ).toBe(true);
    }
  });

  test('the home snapshot holds the published homicide rates with their flags', async () => {
    const snapshot = JSON.parse(
      await readFile(path.join(datasets, 'snapshots', 'home.json'), 'utf8')
    ) as QuerySnapshot;
    const rows = snapshotObservations(snapshot, seriesSql(HOME_VIEW));
    expect(rows).not.toBeNull();
    const ro2008 = rows?.find((r) => r.series === 'RO' && r.period === '2008');
    expect(ro2008?.value).toBe(2.28);
    expect(new Set(rows?.map((r) => r.series))).toEqual(new Set(HOME_VIEW.filters.geo));
  });

  test('a snapshot of another query is never used', () => {
    const snapshot: QuerySnapshot = {
      sql: seriesSql(HOME_VIEW),
      dataset: {} as QuerySnapshot['dataset'],
      rows: [{ series: 'RO', time: '2008', value: 2.28, flag: null }]
    };
    expect(snapshotObservations(snapshot, seriesSql({ ...HOME_VIEW, timeTo: '2023' }))).toBeNull();
    expect(snapshotObservations(snapshot, snapshot.sql)).toEqual([
      { series: 'RO', period: '2008', value: 2.28, flag: null }
    ]);
  });
});
