/**
 * A view of a large server-held table holds its own slice (its chosen codes over all
 * periods), so ticking a series off, moving the time window or picking a transform the page
 * computes is answered without a request, with the engine's values.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../../src/lib/db/engine';
import { QueryManager } from '../../../src/lib/db/query-manager';
import { ExploreState, type ExploreSources } from '../../../src/lib/explore/explore-state.svelte';
import { answerInPage } from '../../../src/lib/explore/in-page';
import type { DatasetManifest } from '../../../src/lib/model/manifest';
import { HELD_ROWS_LIMIT } from '../../../src/lib/query/held-rows';
import { defaultViewState } from '../../../src/lib/state/defaults';
import type { ViewState } from '../../../src/lib/state/view-state';
import { DATASETS } from '../support/explore-sources';
import { startNodeEngine } from '../support/node-engine';

// The shipped regional table (216,947 rows), as an engine that holds it would list it.
const shipped = DATASETS.find((d) => d.id === 'crim_gen_reg')!;
const regions: DatasetManifest = { ...shipped, origin: 'server' };

let engine: SqlEngine;
const sent: string[] = [];
let sources: ExploreSources;
beforeAll(async () => {
  engine = await startNodeEngine();
  await engine.insertArrowIpc('crim_gen_reg', readFileSync(`datasets/${shipped.file}`));
  const counting: SqlEngine = {
    ...engine,
    query: (sql: string) => {
      sent.push(sql);
      return engine.query(sql);
    }
  } as SqlEngine;
  sources = {
    ensureRows: async () => counting,
    ensureTable: async () => counting,
    getDataset: async (id) => (id === regions.id ? regions : null),
    snapshots: []
  };
}, 60_000);

const view = (patch: Partial<ViewState> = {}): ViewState => {
  const byDefault = defaultViewState('crim_gen_reg', regions);
  return {
    ...byDefault,
    selections: {
      ...byDefault.selections,
      iccs: ['ICCS0401'],
      unit: ['NR'],
      geo: ['RO11', 'RO12', 'NO08']
    },
    time: { from: '2008', to: '2021' },
    ...patch
  };
};

/** The same view asked of the engine with its own SQL (an embed's chart holds no rows). */
async function fromEngine(state: ViewState) {
  const live = new ExploreState(state, regions, {
    sources,
    manager: new QueryManager(),
    embedded: true
  });
  await live.follow(state, regions);
  expect(live.ready?.source).toBe('live');
  return live;
}

describe('a server-held view answered in the page', () => {
  it('holds the view’s own slice and answers re-slices of it as the engine does', async () => {
    expect(regions.rowCount).toBeGreaterThan(HELD_ROWS_LIMIT);
    const manager = new QueryManager();
    const explore = new ExploreState(view(), regions, { sources, manager });
    sent.length = 0;
    await explore.follow(view(), regions);
    // One request, for the slice of the three regions, not every region's; the page works
    // the view out from it.
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('dense_rank');
    expect(sent[0]).toContain("'RO11'");
    expect(sent[0]).not.toContain("'RO21'");
    expect(explore.ready?.source).toBe('page');
    expect(explore.ready?.rows).toEqual((await fromEngine(view())).ready?.rows);
    expect(answerInPage(manager, view({ transform: 'yoy' }), regions)).toBeTruthy();

    const changes: Partial<ViewState>[] = [
      { selections: { ...view().selections, geo: ['RO11', 'NO08'] } },
      { time: { from: '2012', to: '2018' } },
      { transform: 'index', base: '2012' },
      { transform: 'yoy', selections: { ...view().selections, geo: ['RO12'] } },
      { transform: 'ma3' }
    ];
    for (const change of changes) {
      const before = sent.length;
      expect(await explore.follow(view(change), regions)).toBe(true);
      expect(explore.ready?.source, JSON.stringify(change)).toBe('page');
      expect(sent.length).toBe(before);
      const live = await fromEngine(view(change));
      expect(explore.ready?.rows).toEqual(live.ready?.rows);
      expect(explore.text).toEqual(live.text);
    }
    // A region outside the slice, or another offence, asks for its slice; a rate, its SQL.
    for (const change of [
      { selections: { ...view().selections, geo: ['RO11', 'RO21'] } },
      { selections: { ...view().selections, iccs: ['ICCS0101'] } }
    ]) {
      const before = sent.length;
      await explore.follow(view(change), regions);
      expect(sent.slice(before)).toEqual([expect.stringContaining('dense_rank')]);
      expect(explore.ready?.rows).toEqual((await fromEngine(view(change))).ready?.rows);
    }
    await explore.follow(view({ transform: 'rate' }), regions);
    expect(explore.ready?.source).not.toBe('page');
  }, 60_000);
});
