/**
 * Rows of a dataset the page holds, raw values with their flags, so that a change of view
 * that only re-slices them (a series ticked off, the time window moved, a transform the page
 * can compute) is answered without a round trip to the engine.
 *
 * What is held is decided per view: a small dataset whole; a larger one as the slice every
 * code of the series' dimension makes with the codes chosen in the others, over all periods;
 * nothing when even that slice is past HELD_ROWS_LIMIT or the rows come over the network
 * (a remote Parquet file fetches only the rows a view selects).
 */
import type { DatasetManifest } from '$lib/model/manifest';
import { periodOrdinal } from '$lib/model/period';
import { quoteIdent } from '../db/engine';
import { seriesKey, whereClause, type SeriesRequest } from './series';
import type { HeldObservation, HeldSeries } from './transform/page-parts';

/**
 * The most rows the page holds for one view. Reading them from the engine's Arrow answer into
 * the page is done once, when the page is idle; past this size that read and the memory
 * (about 100 bytes a row in the page) are no longer small next to a query, and a change
 * reading a few series out of them gains little. docs/scaling.md gives the figures.
 */
export const HELD_ROWS_LIMIT = 100_000;

/** Rows held in the page: which ones, and every observation of them grouped by their codes. */
export interface HeldRows {
  table: string;
  /** The dataset's dimensions, in the order of the groups' keys. */
  dimensions: readonly string[];
  /** Dimension → the codes held; a dimension left out is held with every code. */
  filters: Record<string, readonly string[]>;
  /** The observations of each combination of codes (one per dimension), in period order. */
  groups: ReadonlyMap<string, Omit<HeldSeries, 'key'>>;
}

/** Joins codes into a group's key; U+001F, the unit separator, is in no code. */
const joinCodes = (codes: readonly string[]) => codes.join('\u001f');

/**
 * The filters of the rows to hold for a view of `dataset` whose query is `request`: none (the
 * whole table) for a small dataset, else every dimension but the series' at its chosen codes;
 * null when the page should hold nothing for it.
 */
export function heldFilters(
  dataset: DatasetManifest,
  request: SeriesRequest
): Record<string, readonly string[]> | null {
  if (dataset.origin === 'remote') return null;
  if (dataset.rowCount <= HELD_ROWS_LIMIT) return {};
  const seriesCodes = dataset.dimensions.find((d) => d.id === request.seriesBy)?.codes.length ?? 0;
  const panels = request.panelBy ? (request.filters[request.panelBy]?.length ?? 0) : 1;
  if (seriesCodes * panels * dataset.time.periods.length > HELD_ROWS_LIMIT) return null;
  const filters = { ...request.filters };
  delete filters[request.seriesBy];
  return filters;
}

/**
 * SQL for the rows to hold: each dimension's code, the period, value and flag. One row past
 * the limit is asked for, so that a slice larger than its estimate is seen and not held.
 */
export function heldRowsSql(
  table: string,
  dimensions: readonly string[],
  filters: Record<string, readonly string[]>
): string {
  const codes = dimensions.map((d) => `CAST(${quoteIdent(d)} AS VARCHAR) AS ${quoteIdent(d)}`);
  return [
    `SELECT ${[...codes, 'CAST("time" AS VARCHAR) AS time', 'value', 'CAST(flag AS VARCHAR) AS flag'].join(', ')}`,
    `FROM ${quoteIdent(table)} WHERE ${whereClause({ table, filters })}`,
    `LIMIT ${HELD_ROWS_LIMIT + 1}`
  ].join(' ');
}

type Column = { get(index: number): unknown };

/** Reads heldRowsSql's answer; null when it is past the limit, so nothing is held. */
export function readHeldRows(
  table: string,
  dimensions: readonly string[],
  filters: Record<string, readonly string[]>,
  answer: { numRows: number; getChild(name: string): Column | null }
): HeldRows | null {
  if (answer.numRows > HELD_ROWS_LIMIT) return null;
  const column = (name: string) => {
    const found = answer.getChild(name);
    if (!found) throw new Error(`The held rows need the column ${name}.`);
    return found;
  };
  const codes = dimensions.map(column);
  const [time, value, flag] = ['time', 'value', 'flag'].map(column);
  const read = new Map<string, HeldObservation[]>();
  for (let i = 0; i < answer.numRows; i++) {
    const key = joinCodes(codes.map((c) => String(c.get(i))));
    const period = String(time.get(i));
    const v = value.get(i);
    const observation: HeldObservation = {
      period,
      ord: periodOrdinal(period),
      value: v === null ? null : Number(v),
      flag: (flag.get(i) as string | null) ?? null
    };
    const group = read.get(key);
    if (group) group.push(observation);
    else read.set(key, [observation]);
  }
  const groups = new Map<string, Omit<HeldSeries, 'key'>>();
  for (const [key, observations] of read) {
    observations.sort((a, b) => a.ord - b.ord);
    groups.set(key, { observations, at: new Map(observations.map((o) => [o.period, o])) });
  }
  return { table, dimensions, filters, groups };
}

/**
 * The series `request` selects, each over all its periods and sorted by key as the SQL
 * orders them, when the held rows have every observation its SQL would read; else null.
 * Needs what the explorer's plans give: every dimension filtered, and one code in each
 * dimension other than the series' and the panels'.
 */
export function heldSeries(held: HeldRows, request: SeriesRequest): HeldSeries[] | null {
  if (held.table !== request.table) return null;
  const chosen: (readonly string[])[] = [];
  for (const dimension of held.dimensions) {
    const codes = request.filters[dimension];
    if (!codes) return null;
    const kept = held.filters[dimension];
    if (kept && codes.some((c) => !kept.includes(c))) return null;
    const varies = dimension === request.seriesBy || dimension === request.panelBy;
    if (!varies && codes.length > 1) return null;
    chosen.push(codes);
  }
  const at = (dimension: string | undefined, combination: readonly string[]) =>
    combination[held.dimensions.indexOf(dimension ?? '')] ?? null;
  const series: HeldSeries[] = [];
  for (const combination of combinations(chosen)) {
    const group = held.groups.get(joinCodes(combination));
    if (!group) continue;
    series.push({
      key: seriesKey(
        at(request.seriesBy, combination) as string,
        request.panelBy ? at(request.panelBy, combination) : null
      ),
      ...group
    });
  }
  return series.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Every combination of one code from each list, in order. */
function combinations(lists: readonly (readonly string[])[]): string[][] {
  return lists.reduce<string[][]>(
    (done, codes) => done.flatMap((combination) => codes.map((c) => [...combination, c])),
    [[]]
  );
}
