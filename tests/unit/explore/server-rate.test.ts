/**
 * A computed rate on a server-held dataset whose engine holds no population table: the reader
 * gets a sentence saying what to do, not DuckDB's "Table with name demo_gind does not exist".
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { RemoteEngine } from '../../../src/lib/db/remote-engine';
import { planExplore } from '../../../src/lib/explore/plan';
import { explainRateFailure } from '../../../src/lib/explore/server-rate';
import { m } from '../../../src/lib/i18n/messages';
import { transformSql } from '../../../src/lib/query/transforms';
import { defaultViewState } from '../../../src/lib/state/defaults';
import { startTestEngine, type TestEngine } from '../support/engine-service';
import { DATASETS } from '../support/explore-sources';

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine(['migr_eipre'], {}, { population: false });
}, 60_000);
afterAll(() => engine?.stop());

const shipped = DATASETS.find((d) => d.id === 'migr_eipre')!;
const population = DATASETS.find((d) => d.id === 'demo_gind')!;

async function failure(origin: 'server' | 'shipped') {
  const manifest = { ...shipped, origin };
  const state = { ...defaultViewState(manifest.id, manifest), transform: 'rate' as const };
  const plan = planExplore(state, manifest, population);
  if ('error' in plan) throw new Error(plan.error);
  expect(plan.needsPopulation).toBe(true);
  const query = transformSql(plan.request, plan.spec);
  if ('error' in query) throw new Error(query.error);
  return new RemoteEngine(`${engine.service.url}/`)
    .query(query.sql)
    .catch(explainRateFailure(manifest, plan))
    .then(
      () => null,
      (error: Error) => error.message
    );
}

test('an engine without demo_gind: the reader is told what to do', async () => {
  expect(await failure('server')).toBe(m.explore_server_rate_no_population());
});

test('any other engine keeps its own message', async () => {
  expect(await failure('shipped')).toMatch(/demo_gind does not exist/);
});
