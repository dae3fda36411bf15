import { untrack } from 'svelte';
import { ensureTable } from '$lib/catalog/registry';
import { serverRunsTable } from '$lib/catalog/server-datasets';
import { QueryClient } from '$lib/db/query-client.svelte';
import { queries, sqlJob, type QueryJob } from '$lib/db/query-manager';
import type { DatasetManifest } from '$lib/model/manifest';
import {
  codesFromTable,
  codesWithDataInRuns,
  codesWithDataSql,
  coverageRunsFromTableSql,
  coverageRunsSql,
  runsFromTable,
  type CoverageRun
} from '$lib/query/coverage';
import { codesWithDataHeld } from '$lib/query/held-rows';
import type { ViewState } from '$lib/state/view-state';
import { heldRowsFor } from './in-page';
import { panelDimension, queryFilters, seriesDimension } from './selection';

/**
 * Above this many rows a server-held table gets no marks until the engine has built its table
 * of runs. Even asked once per indicator and unit (followRuns), the runs from the dataset
 * are a scan of the whole table, 0.3 s of both of the engine's threads per 100 million rows
 * on a quiet machine and seconds on a loaded one; in the bench at 100 million rows the scans
 * after each change of indicator or unit held up the changes that followed (docs/scaling.md,
 * "The view's own rows in the page"). The engine's table of runs answers the same in tens of
 * milliseconds.
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
    const runsTable = dataset.origin === 'server' ? serverRunsTable(dataset.id) : null;
    if (dataset.origin === 'server' && !runsTable && dataset.rowCount > SERVER_MARKS_MAX_ROWS)
      return;
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
    if (codes) return this.showAtOnce(datasetId, codes);
    if (dataset.origin === 'server') {
      const sql = runsTable
        ? coverageRunsFromTableSql(runsTable, 'geo', filters)
        : coverageRunsSql(datasetId, 'geo', filters);
      return this.followRuns(datasetId, sql, window);
    }
    const sql = codesWithDataSql(datasetId, 'geo', filters, state.time?.from, state.time?.to);
    const job = sqlJob({
      sql,
      engine: () => ensureTable(datasetId),
      read: (table) => ({ datasetId, codes: codesFromTable(table) }),
      // The engine answers in turn: the chart comes first.
      priority: 'later'
    });
    this.ask(job);
  }

  /**
   * A server-held table's marks come from the runs of periods with data under the other
   * filters (`sql`: from the engine's table of runs, or else from the dataset), asked once
   * per filters and kept by the page's query manager: a move of the time window or a country
   * ticked is marked at once, and only another indicator or unit costs the engine a query,
   * where a scan per change would take threads that every user of the server shares.
   */
  private followRuns(
    datasetId: string,
    sql: string,
    window: { timeFrom?: string; timeTo?: string }
  ): void {
    const runsJob = sqlJob({
      sql,
      engine: () => ensureTable(datasetId),
      read: runsFromTable,
      priority: 'later'
    });
    const mark = (runs: readonly CoverageRun[]) =>
      codesWithDataInRuns(runs, window.timeFrom, window.timeTo);
    const known = queries.known<CoverageRun[]>(runsJob.key);
    if (known) return this.showAtOnce(datasetId, mark(known));
    this.ask({
      key: `${runsJob.key} ${window.timeFrom ?? ''}..${window.timeTo ?? ''}`,
      priority: 'later',
      cache: false,
      // Another indicator often has data in the same places: the set on screen is kept, so
      // the list of up to a thousand places is not drawn again for the same marks.
      run: async () => ({
        datasetId,
        codes: this.sameAsShown(datasetId, mark(await queries.run(runsJob)))
      })
    });
  }

  /** `codes`, or the set on screen when it holds the same codes. */
  private sameAsShown(datasetId: string, codes: ReadonlySet<string>): ReadonlySet<string> {
    const shown = untrack(() => this.codes(datasetId));
    return shown && shown.size === codes.size && [...codes].every((c) => shown.has(c))
      ? shown
      : codes;
  }

  /**
   * Shows marks worked out in the page. The same marks as on screen are left there: a new set
   * would redraw a list of up to a thousand places in the frame of the chart's change.
   */
  private showAtOnce(datasetId: string, codes: ReadonlySet<string>): void {
    this.wanted++;
    // Read, not followed: the page's effect that calls follow() must not run again on it.
    if (this.sameAsShown(datasetId, codes) !== codes) return;
    this.marks.show({ datasetId, codes });
  }

  /** Asks for the marks of `job` once the marks query before it is done, if still wanted. */
  private ask(job: QueryJob<{ datasetId: string; codes: ReadonlySet<string> }>): void {
    const ticket = ++this.wanted;
    this.running = this.running.then(() =>
      ticket === this.wanted ? this.marks.request(job) : undefined
    );
  }
}
