import { ensureTable } from '$lib/catalog/registry';
import { QueryClient } from '$lib/db/query-client.svelte';
import { sqlJob } from '$lib/db/query-manager';
import type { DatasetManifest } from '$lib/model/manifest';
import { codesFromTable, codesWithDataSql } from '$lib/query/coverage';
import type { ViewState } from '$lib/state/view-state';
import { queryFilters, seriesDimension } from './selection';

/**
 * The countries with data in the chosen years, so the country list marks the others and lists
 * them last. Marking is a help, not the view: without it every code is simply listed.
 */
export class CountriesWithData {
  private readonly marks = new QueryClient<{ datasetId: string; codes: ReadonlySet<string> }>();

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
    const seriesBy = seriesDimension(dataset, state.selections) ?? 'geo';
    const filters = queryFilters(dataset, state.selections, seriesBy);
    const datasetId = dataset.id;
    const sql = codesWithDataSql(datasetId, 'geo', filters, state.time?.from, state.time?.to);
    this.marks.request(
      sqlJob({
        sql,
        engine: () => ensureTable(datasetId),
        read: (table) => ({ datasetId, codes: codesFromTable(table) }),
        // The engine answers in turn: the chart comes first.
        priority: 'later'
      })
    );
  }
}
