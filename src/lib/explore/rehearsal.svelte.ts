/**
 * The first changes of a page are its slowest: the first tick of a box, the first window, the
 * first transform or the first panels each run code the browser has not compiled yet, and
 * took two to four frames where later ones take one (docs/scaling.md, "Interactions in
 * /explore"). So once the page holds a view's rows, the explorer draws the changes a reader
 * is likely to make first, off screen (in an element never attached to the document, so
 * nothing is laid out, painted or seen), one change per idle moment, and then drops them.
 * The reader's own first change then runs code already compiled.
 */
import { mount, unmount, type Component } from 'svelte';
import { queries, type QueryManager } from '$lib/db/query-manager';
import type { DatasetManifest } from '$lib/model/manifest';
import type { ViewState } from '$lib/state/view-state';
import { answerInPage } from './in-page';
import { planExplore } from './plan';
import { toggleCode } from './selection';

/** What the rehearsal gives the view it draws (ExploreView's props). */
interface RehearsedProps {
  state: ViewState;
  dataset: DatasetManifest;
  id: string;
  rehearsal: boolean;
}

/** The code is compiled once for the page, whichever view rehearses first. */
let rehearsed = false;

/**
 * The changes a reader makes first from `view`, each as its new state: a series ticked and
 * one unticked, another code of each other dimension, the window narrowed, each transform
 * the page computes, and back. Only those the page answers from the rows it holds.
 */
export function rehearsalStates(
  view: ViewState,
  dataset: DatasetManifest,
  manager: QueryManager = queries
): ViewState[] {
  const plan = planExplore(view, dataset, null);
  if ('error' in plan) return [];
  const toggled = (dimensionId: string, code: string): ViewState => ({
    ...view,
    selections: toggleCode(dataset, view.selections, dimensionId, code)
  });
  const states: ViewState[] = [];
  for (const dimension of dataset.dimensions) {
    const chosen = view.selections[dimension.id] ?? [];
    const other = dimension.codes.find((c) => !chosen.includes(c.code));
    if (other) states.push(toggled(dimension.id, other.code));
    if (dimension.id === plan.seriesBy && chosen.length > 1)
      states.push(toggled(dimension.id, chosen[chosen.length - 1]));
  }
  const periods = dataset.time.periods.filter((p) => p >= plan.from && p <= plan.to);
  if (periods.length > 3)
    states.push({ ...view, time: { from: periods[1], to: periods[periods.length - 2] } });
  for (const transform of ['index', 'yoy', 'ma3'] as const)
    if (view.transform !== transform)
      states.push({ ...view, transform, base: transform === 'index' ? plan.from : null });
  states.push(view);
  return states.filter((state) => answerInPage(manager, state, dataset) !== null);
}

/**
 * Rehearses the first changes from `view` (see rehearsalStates) with `component`, the
 * explorer's view, once per page: one change per idle moment, so a click that comes
 * meanwhile waits for one of them at most.
 */
export function rehearseOnce(
  component: Component<RehearsedProps>,
  view: ViewState,
  dataset: DatasetManifest
): void {
  if (rehearsed || typeof requestIdleCallback !== 'function') return;
  rehearsed = true;
  const pending = rehearsalStates(view, dataset);
  if (pending.length === 0) return;
  const props: RehearsedProps = $state({ state: view, dataset, id: 'rehearsal', rehearsal: true });
  const drawn = mount(component, { target: document.createElement('div'), props });
  const next = () => {
    const state = pending.shift();
    if (state) {
      props.state = state;
      requestIdleCallback(next, { timeout: 2_000 });
    } else unmount(drawn);
  };
  requestIdleCallback(next, { timeout: 2_000 });
}
