import { unshippedDatasetNamed } from '$lib/catalog/early-engine';
import { importedDatasetSource } from '$lib/catalog/imported';
import { catalogVersion, getDataset, listDatasets } from '$lib/catalog/registry';
import { serverEngine } from '$lib/catalog/server-datasets';
import { queries } from '$lib/db/query-manager';
import { m } from '$lib/i18n';
import type { DatasetManifest } from '$lib/model/manifest';
import { SHIPPED_SNAPSHOTS } from '$lib/query/shipped-snapshots';
import type { LinkNote } from '$lib/state/link-note';
import { parseViewParams, permalinkHref, resolveDatasetId } from '$lib/state/permalink';
import type { ViewState } from '$lib/state/view-state';
import { askServerSlice } from './in-page';

/** What an address names: the view, the notes its link needs, its dataset among the known. */
export interface AddressView {
  state: ViewState;
  notes: LinkNote[];
  dataset: DatasetManifest;
  datasets: DatasetManifest[];
}

/**
 * The catalogue, read again only when it changes, not on every change of the address: reading
 * it lists the imported datasets in OPFS, which a selection need not wait for.
 */
export class CatalogueOnce {
  private read: { version: number; datasets: Promise<DatasetManifest[]> } | null = null;

  datasets(): Promise<DatasetManifest[]> {
    const version = catalogVersion.value;
    if (this.read?.version !== version) {
      const datasets = listDatasets();
      this.read = { version, datasets };
      // A failed read is tried again on the next address, not remembered.
      datasets.catch(() => {
        if (this.read?.datasets === datasets) this.read = null;
      });
    }
    return this.read.datasets;
  }
}

/** The view the address `search` names; throws the reader's message when there is no dataset. */
export function readAddress(search: string, datasets: DatasetManifest[]): AddressView {
  const ids = datasets.map((d) => d.id);
  const params = new URLSearchParams(search);
  const id = resolveDatasetId(params, ids);
  const dataset = datasets.find((d) => d.id === id);
  if (!dataset) throw new Error(m.explore_error_no_datasets());
  const { state, notes } = parseViewParams(params, dataset, ids);
  return { state, notes, dataset, datasets };
}

/** Whether `read` is the address of the view already shown: nothing to draw again. */
export function alreadyShown(shown: AddressView | null, read: AddressView): boolean {
  return (
    shown?.dataset === read.dataset &&
    shown.datasets === read.datasets &&
    shown.notes.length === 0 &&
    read.notes.length === 0 &&
    permalinkHref(shown.state, read.dataset) === permalinkHref(read.state, read.dataset)
  );
}

/**
 * A view the build answered (datasets/snapshots/) carries its dataset's manifest entry,
 * enough for the first paint: it need not wait for the full manifest (430 KB), which follows
 * and takes over. Null when the link needs a note, or an import replaced the dataset.
 */
export async function readShippedAddress(search: string): Promise<AddressView | null> {
  const view = shippedEntryView(search);
  if (!view) return null;
  const imported = await importedDatasetSource().list();
  return imported.some((d) => d.id === view.dataset.id) ? null : view;
}

/**
 * The manifest of the dataset a link names when the build does not ship it (one held by the
 * server engine, or an import), looked up without the shipped manifest; null for a shipped
 * id or none, an id the link resolves otherwise, or a dataset not found.
 */
export async function unshippedDatasetOf(params: URLSearchParams): Promise<DatasetManifest | null> {
  const id = unshippedDatasetNamed(params);
  return id !== null && resolveDatasetId(params, [id]) === id ? getDataset(id) : null;
}

/**
 * The view of a dataset the build does not ship (one held by the server engine, or an
 * import), read against that dataset's manifest alone as soon as it is known, without the
 * shipped manifest, which follows with the rest of the catalogue and takes over (its lists
 * name every dataset). A large server-held view's slice is asked at once, while the page
 * draws its controls (in-page.ts). Null for a shipped id or none, a dataset not found, or a
 * link that needs a note.
 */
export async function readUnshippedAddress(search: string): Promise<AddressView | null> {
  const params = new URLSearchParams(search);
  const dataset = await unshippedDatasetOf(params);
  if (!dataset) return null;
  const { state, notes } = parseViewParams(params, dataset, [dataset.id]);
  if (notes.length > 0) return null;
  // The server's engine at hand, not through ensureRows: its few awaits would let the page's
  // first render (its controls) go before the request, which should travel meanwhile.
  askServerSlice(queries, state, dataset, async () => serverEngine());
  return { state, notes, dataset, datasets: [dataset] };
}

/**
 * The same as readShippedAddress, at once, for a chart that must paint in the page's first
 * frame (a board's, whose neighbours would otherwise move when it comes in): it trusts the
 * browser's record of its imports instead of listing them, and is null where there is no
 * record to read.
 */
export function shippedAddressNow(search: string): AddressView | null {
  const view = shippedEntryView(search);
  const imported = importedDatasetSource().knownIds();
  return view && imported && !imported.has(view.dataset.id) ? view : null;
}

function shippedEntryView(search: string): AddressView | null {
  // A whole manifest entry before one cut to a board chart's codes, where both are shipped.
  const shipped = [...SHIPPED_SNAPSHOTS]
    .sort((a, b) => Number(a.datasetTrimmed ?? false) - Number(b.datasetTrimmed ?? false))
    .map((snapshot) => snapshot.dataset);
  const ids = [...new Set(shipped.map((d) => d.id))];
  const params = new URLSearchParams(search);
  const dataset = shipped.find((d) => d.id === resolveDatasetId(params, ids));
  if (!dataset) return null;
  const { state, notes } = parseViewParams(params, dataset, ids);
  return notes.length > 0 ? null : { state, notes, dataset, datasets: [dataset] };
}

/** How long the address may wait for a change's answer before it is written anyway. */
const ADDRESS_LIMIT_MS = 1000;

/**
 * The explorer's address kept in step with the screen. A change is shown from the control's
 * handler and the address follows once its chart is painted: SvelteKit's navigation takes
 * 10–15 ms of the main thread, which would otherwise hold the query's answer back. A change
 * that needs no new query (a chart type, the scale) goes to the address at once, as there is
 * no answer to wait for.
 */
export class AddressSync {
  private due: string | null = null;
  private limit: ReturnType<typeof setTimeout> | undefined;

  /** `navigate` writes an address (SvelteKit's goto, keeping focus and scroll). */
  constructor(private readonly navigate: (href: string) => void) {}

  /** The screen is ahead of the address until its change's address is written. */
  get ahead(): boolean {
    return this.due !== null;
  }

  /** A change to `href` is on screen; its address is written now or after its answer. */
  changed(href: string, sameQuery: boolean): void {
    // The previous change keeps its own history entry, even when the next comes first.
    this.follow();
    this.due = href;
    // However long the answer takes, the address is never much behind the screen.
    if (sameQuery) this.follow();
    else this.limit = setTimeout(() => this.follow(), ADDRESS_LIMIT_MS);
  }

  /** Writes the address of the change on screen, if it is not written yet. */
  follow(): void {
    clearTimeout(this.limit);
    if (this.due === null) return;
    const href = this.due;
    this.due = null;
    this.navigate(href);
  }

  /** After the frame that paints the chart, not before it. */
  followAfterPaint(): void {
    requestAnimationFrame(() => setTimeout(() => this.follow()));
  }

  /** Back, forward or a link elsewhere drops a change's address that has not been written. */
  drop(): void {
    clearTimeout(this.limit);
    this.due = null;
  }
}

/**
 * The state as its address reads back, so the address's return finds it already on screen,
 * and that address.
 */
export function asAddressReadsIt(
  next: ViewState,
  dataset: DatasetManifest,
  datasets: readonly DatasetManifest[]
): { state: ViewState; href: string } {
  const href = permalinkHref(next, dataset);
  const params = new URLSearchParams(href.slice(href.indexOf('?')));
  const { state } = parseViewParams(
    params,
    dataset,
    datasets.map((d) => d.id)
  );
  return { state, href };
}
