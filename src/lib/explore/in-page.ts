/**
 * The explorer's common path without the engine: once the rows a view reads are held in the
 * page (query/held-rows.ts), a change that only re-slices them (a series ticked on or off,
 * the time window moved, a transform the page computes) is answered from them in the same
 * frame as the click. The held rows are kept by the page's query manager, so every chart of
 * a dataset shares them and a change of the catalogue forgets them.
 */
import type { SqlEngine } from '$lib/db/engine';
import type { QueryManager } from '$lib/db/query-manager';
import type { DatasetManifest } from '$lib/model/manifest';
import {
  heldFilters,
  heldRowsSql,
  heldSeries,
  holdsEvery,
  readHeldRows,
  type HeldRows
} from '$lib/query/held-rows';
import { transformInPage } from '$lib/query/transforms';
import type { ViewState } from '$lib/state/view-state';
import type { ExploreResult } from './explore-state.svelte';
import { planExplore, type ExplorePlan } from './plan';

/** What to hold for a view's plan and the manager's key for it; null when nothing is held. */
function heldJob(dataset: DatasetManifest, plan: ExplorePlan) {
  const filters = heldFilters(dataset, plan.request);
  if (filters === null) return null;
  const dimensions = dataset.dimensions.map((d) => d.id);
  const sql = heldRowsSql(dataset.id, dimensions, filters);
  // The manifest's size and date tell a dataset replaced under the same id.
  const version = [dataset.rowCount, dataset.bytes, dataset.lastUpdate].join(' ');
  return {
    key: `held:${version}:${sql}`,
    dataset: `${dataset.id} ${version}`,
    sql,
    filters,
    dimensions,
    whole: !Object.keys(filters).length
  };
}

/**
 * The keys of the last slices held, per manager, with their dataset. A server-held view's
 * slice is its own chosen codes, so the view after a series is ticked off has another key
 * but is answered by the slice before it, which holds its rows.
 */
const recentSlices = new WeakMap<QueryManager, { dataset: string; key: string }[]>();
const RECENT_SLICES = 8;

function remember(manager: QueryManager, dataset: string, key: string): void {
  const recent = (recentSlices.get(manager) ?? []).filter((slice) => slice.key !== key);
  recentSlices.set(manager, [{ dataset, key }, ...recent].slice(0, RECENT_SLICES));
}

/** The rows the page holds for views like `state` of `dataset`, once they have arrived. */
export function heldRowsFor(
  manager: QueryManager,
  state: ViewState,
  dataset: DatasetManifest
): { plan: ExplorePlan; held: HeldRows | null } | null {
  const plan = planExplore(state, dataset, null);
  if ('error' in plan) return null;
  const job = heldJob(dataset, plan);
  if (!job) return { plan, held: null };
  const exact = manager.known<HeldRows | null>(job.key);
  if (exact) return { plan, held: exact };
  for (const slice of recentSlices.get(manager) ?? []) {
    if (slice.dataset !== job.dataset) continue;
    const held = manager.known<HeldRows | null>(slice.key);
    if (held && holdsEvery(held, plan.request.filters)) return { plan, held };
  }
  return { plan, held: null };
}

/** The answer to `state` (planned as `plan`) from `held`, or null when they cannot give it. */
function answerFromHeld(state: ViewState, plan: ExplorePlan, held: HeldRows): ExploreResult | null {
  const series = heldSeries(held, plan.request);
  const answer = series ? transformInPage(series, plan.request, plan.spec) : null;
  if (!answer) return null;
  return { state, plan, computedRate: false, ...answer, source: 'page' };
}

/**
 * The answer to `state` worked out from rows the page holds, or null when the engine must
 * answer: the rows are not held (yet), they do not hold every row the view's SQL reads, or
 * the transform needs other data (a rate needs the population). The page holds all the
 * rows the SQL reads or answers nothing, so its answer is the engine's, not an estimate.
 */
export function answerInPage(
  manager: QueryManager,
  state: ViewState,
  dataset: DatasetManifest
): ExploreResult | null {
  if (state.transform === 'rate') return null;
  const found = heldRowsFor(manager, state, dataset);
  if (!found?.held) return null;
  return answerFromHeld(state, found.plan, found.held);
}

type EngineFor = (filters: Record<string, readonly string[]>) => Promise<SqlEngine>;

/** Runs the job that reads the rows to hold for `plan`; null when none are held for it. */
function heldRowsJob(
  manager: QueryManager,
  dataset: DatasetManifest,
  plan: ExplorePlan,
  engine: EngineFor,
  priority: 'now' | 'later'
) {
  const job = heldJob(dataset, plan);
  if (!job) return null;
  remember(manager, job.dataset, job.key);
  const held = manager.run({
    key: job.key,
    priority,
    run: async () => {
      const answer = await (await engine(job.filters)).query(job.sql);
      const held = readHeldRows(
        dataset.id,
        job.dimensions,
        job.filters,
        dataset.time.frequency,
        answer
      );
      // From here a re-slice is answered in the page: the bench and the tests wait for it.
      if (held) performance.mark('cooperare:rows-held');
      return held;
    }
  });
  return { held, whole: job.whole };
}

/**
 * Asks, when nothing the reader waits for is running, for the rows to hold for views like
 * `plan`, unless they are held or asked for already; calls `onHeld` once they are. Says what
 * is held: the whole dataset, a slice of it, or nothing.
 */
export function holdRows(
  manager: QueryManager,
  dataset: DatasetManifest,
  plan: ExplorePlan,
  engine: EngineFor,
  onHeld: () => void = () => {}
): 'whole' | 'slice' | null {
  const job = heldRowsJob(manager, dataset, plan, engine, 'later');
  job?.held
    .then((held) => {
      if (held) onHeld();
    })
    // Only speed is at stake: without held rows the engine answers every change, as before.
    .catch(() => undefined);
  return job ? (job.whole ? 'whole' : 'slice') : null;
}

/**
 * A view of a large server-held table is answered from its own slice (its chosen codes
 * over all periods, as holdRows would hold them), asked at once instead of the view's
 * query: one request, no larger for the engine than the view's, after which a re-slice
 * needs none. Null when the page cannot work the answer out (a rate, no slice for it):
 * the view's query is then sent as for any other dataset.
 */
export async function answerFromServerSlice(
  manager: QueryManager,
  state: ViewState,
  dataset: DatasetManifest,
  plan: ExplorePlan,
  engine: EngineFor
): Promise<ExploreResult | null> {
  const held = await serverSliceJob(manager, state, dataset, plan, engine)?.held;
  return held ? answerFromHeld(state, plan, held) : null;
}

/** The job that reads a large server-held view's own slice, or null where none is asked. */
function serverSliceJob(
  manager: QueryManager,
  state: ViewState,
  dataset: DatasetManifest,
  plan: ExplorePlan,
  engine: EngineFor
) {
  if (dataset.origin !== 'server' || state.transform === 'rate') return null;
  if (heldJob(dataset, plan)?.whole !== false) return null;
  return heldRowsJob(manager, dataset, plan, engine, 'now');
}

/**
 * Asks the slice answerFromServerSlice would ask for `state`, as soon as a page knows the
 * view and before it has drawn its controls: the explorer's own ask, moments later, shares
 * the request (the query manager keeps answers by key). Nothing for a view that holds none.
 */
export function askServerSlice(
  manager: QueryManager,
  state: ViewState,
  dataset: DatasetManifest,
  engine: EngineFor
): void {
  const plan = planExplore(state, dataset, null);
  if ('error' in plan) return;
  // A failure is the explorer's to show, when its own ask meets it.
  serverSliceJob(manager, state, dataset, plan, engine)?.held.catch(() => undefined);
}
