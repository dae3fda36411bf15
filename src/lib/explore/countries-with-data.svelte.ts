import { ensureTable } from '$lib/catalog/registry';
import { QueryClient } from '$lib/db/query-client.svelte';
import { queries, sqlJob } from '$lib/db/query-manager';
import type { DatasetManifest } from '$lib/model/manifest';
import { codesFromTable, codesWithDataSql } from '$lib/query/coverage';
import { codesWithDataHeld } from '$lib/query/held-rows';
import type { ViewState } from '$lib/state/view-state';
import { heldRowsFor } from './in-page';
import { panelDimension, queryFilters, seriesDimension } from './selection';

/**
 * Above this many rows a server-held table gets no marks: the query scans every row on each
 * change, a second or more per 100 million rows of the engine's threads, which all its users
 * share.
 */
const SERVER_MARKS_MAX_ROWS = 10_000_000;

/**
 * The countries with data in the chosen years, so the country list marks the others and lists
 * them last. Marking is a help, not the view: without it every code is simply listed.
 */
export class CountriesWithData {
  private readonly marks = new QueryClient<{ datasetId: string; codes: ReadonlySet<string> }>();
  /**
   * One marks query at a time, the latest wanted: on a large server-held table each is a scan
   * of seconds, and queued ones would take every slot the engine gives a client, so that the
   * view's own query would be refused.
   */
  private running: Promise<unknown> = Promise.resolve();
  private wanted = 0;

  /**
   * The marks for `datasetId`; those of the same dataset stay until the new ones come, so the
   * list moves once, not twice.
   */
  codes(datasetId: string | undefined): ReadonlySet<string> | null {
    const { answer } = this.marks;
    return answer.status === 'ready' && answer.value.datasetId === datasetId
      ? answer.value.codes
      : null;
  }

  /** Asks for the marks of `state`'s selection of `dataset`. */
  follow(state: ViewState, dataset: DatasetManifest): void {
    const geo = dataset.dimensions.find((d) => d.id === 'geo');
    // A remote dataset holds only the rows views fetched, which would mark the rest empty.
    if (!geo || dataset.origin === 'remote') return;
    if (dataset.origin === 'server' && dataset.rowCount > SERVER_MARKS_MAX_ROWS) return;
    const seriesBy = seriesDimension(dataset, state.selections) ?? 'geo';
    const panelBy = panelDimension(dataset, state.selections, seriesBy);
    const filters = queryFilters(dataset, state.selections, seriesBy, panelBy);
    const datasetId = dataset.id;
    // Rows the page holds answer at once, as they answer the chart (see in-page.ts).
    const held = heldRowsFor(queries, { ...state, transform: 'none' }, dataset)?.held;
    const window = { timeFrom: state.time?.from, timeTo: state.time?.to };
    const codes = held
      ? codesWithDataHeld(
          held,
          'geo',
          geo.codes.map((c) => c.code),
          filters,
          window
        )
      : null;
    if (codes) {
      this.wanted++;
      this.marks.show({ datasetId, codes });
      return;
    }
    const sql = codesWithDataSql(datasetId, 'geo', filters, state.time?.from, state.time?.to);
    const job = sqlJob({
      sql,
      engine: () => ensureTable(datasetId),
      read: (table) => ({ datasetId, codes: codesFromTable(table) }),
      // The engine answers in turn: the chart comes first.
      priority: 'later'
    });
    const ticket = ++this.wanted;
    this.running = this.running.then(() =>
      ticket === this.wanted ? this.marks.request(job) : undefined
    );
  }
}
