import { readFileSync } from 'node:fs';
import { beforeAll, expect, test } from 'vitest';
import type { SqlEngine } from '../../../src/lib/db/engine';
import type { SeriesRequest } from '../../../src/lib/query/series';
import { warmUpQueries } from '../../../src/lib/query/warm-up';
import { transformDefinitions } from '../../../src/lib/query/transforms';
import { TRANSFORM_IDS, TWO_PERIOD_TRANSFORM_IDS } from '../../../src/lib/query/transform/ids';
import { startNodeEngine } from '../support/node-engine';

let engine: SqlEngine;
beforeAll(async () => {
  engine = await startNodeEngine();
  await engine.insertArrowIpc('crim_off_cat', readFileSync('datasets/crim_off_cat.arrow'));
}, 60_000);

const homicide: SeriesRequest = {
  table: 'crim_off_cat',
  filters: { iccs: ['ICCS0101'], unit: ['P_HTHAB'], geo: ['RO', 'NO'] },
  timeFrom: '2008',
  timeTo: '2022',
  seriesBy: 'geo'
};

// The app runs these unseen and drops their errors, so a broken one would only cost speed:
// here each must run and answer for both countries.
test('every warm-up query runs on the shipped table and answers the selection', async () => {
  const queries = warmUpQueries(homicide, '2008', '2022');
  expect(queries).toHaveLength(5);
  for (const sql of queries) {
    const table = await engine.query(sql);
    const series = new Set(table.getChild('series')?.toArray());
    expect(series).toEqual(new Set(['RO', 'NO']));
  }
});

test('a one-period window warms up no two-period comparison', () => {
  const queries = warmUpQueries({ ...homicide, timeFrom: '2022' }, '2022', '2022');
  expect(queries).toHaveLength(3);
});

test('the list of transform ids and the registry of their definitions agree', () => {
  expect(transformDefinitions().map((d) => d.id)).toEqual([...TRANSFORM_IDS]);
  expect(
    transformDefinitions()
      .filter((d) => d.comparesTwoPeriods)
      .map((d) => d.id)
  ).toEqual(TWO_PERIOD_TRANSFORM_IDS);
});
