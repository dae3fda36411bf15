/**
 * Rows of a dataset the page holds, raw values with their flags, so that a change of view
 * that only re-slices them (a series ticked off, the time window moved, a transform the page
 * can compute) is answered without a round trip to the engine.
 *
 * What is held is decided per view: a small dataset whole; a larger one as the slice every
 * code of the series' dimension makes with the codes chosen in the others, over all periods;
 * a large table on a server engine as the view's own slice (its chosen codes in every
 * dimension, over all periods), which the engine reads as cheaply as the view's query;
 * nothing when the slice is past HELD_ROWS_LIMIT or the rows come over the network (a remote
 * Parquet file fetches only the rows a view selects).
 */
import type { DatasetManifest } from '$lib/model/manifest';
import { periodOfOrdinal, periodOrdinalSql, type Frequency } from '$lib/model/period';
import { quoteIdent } from '../db/engine';
import { seriesKey, whereClause, type SeriesRequest } from './series';
import { inWindow, type HeldObservation, type HeldSeries } from './transform/page-parts';

/**
 * The most rows the page holds for one view. They are read from the engine's answer on the
 * page's main thread, once, when it is idle: about 0.8 µs of CPU a row on the bench machine
 * (16 ms for crim_off_cat's 17 474 rows, 47 ms for unodc_glotip's 58 045), so the limit
 * keeps that read within one long task (50 ms) that a click could have to wait behind.
 */
export const HELD_ROWS_LIMIT = 60_000;

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
  // Every code of the series' dimension would be one more scan of the server's table, on
  // threads all its users share; the codes chosen are rows its query reads anyway.
  if (dataset.origin === 'server') {
    const points = Object.values(request.filters).reduce((n, codes) => n * codes.length, 1);
    return points * dataset.time.periods.length > HELD_ROWS_LIMIT ? null : { ...request.filters };
  }
  const seriesCodes = dataset.dimensions.find((d) => d.id === request.seriesBy)?.codes.length ?? 0;
  const panels = request.panelBy ? (request.filters[request.panelBy]?.length ?? 0) : 1;
  if (seriesCodes * panels * dataset.time.periods.length > HELD_ROWS_LIMIT) return null;
  const filters = { ...request.filters };
  delete filters[request.seriesBy];
  return filters;
}

/**
 * SQL for the rows to hold, in the order of their groups (one per combination of codes) and
 * of their periods, so the page reads them in one pass: the group's number and key (its
 * codes joined), the period's ordinal, the value (NaN for none, so the column reads as one
 * typed array) and the flag. One row past the limit is asked for, so that a slice larger
 * than its estimate is seen and not held.
 */
export function heldRowsSql(
  table: string,
  dimensions: readonly string[],
  filters: Record<string, readonly string[]>
): string {
  const codes = dimensions.map((d) => `CAST(${quoteIdent(d)} AS VARCHAR)`).join(', ');
  return [
    `WITH held AS (SELECT concat_ws(chr(31), ${codes}) AS codes,`,
    `${periodOrdinalSql('CAST("time" AS VARCHAR)')} AS ord, value, CAST(flag AS VARCHAR) AS flag`,
    `FROM ${quoteIdent(table)} WHERE ${whereClause({ table, filters })})`,
    `SELECT CAST(dense_rank() OVER (ORDER BY codes) AS INTEGER) AS group_number, codes, ord,`,
    `coalesce(value, 'NaN'::DOUBLE) AS value, flag FROM held ORDER BY codes, ord`,
    `LIMIT ${HELD_ROWS_LIMIT + 1}`
  ].join(' ');
}

type Column = Iterable<unknown> & { get(index: number): unknown; toArray(): ArrayLike<unknown> };

/**
 * Reads heldRowsSql's answer; null when it is past the limit, so nothing is held. Numbers
 * are read as whole typed arrays and a text only where it is needed (a group's key, a flag
 * that is there): decoding a text per row and Arrow's get(i), which looks up the row's
 * chunk each time, made reading 58 000 rows several times slower.
 */
export function readHeldRows(
  table: string,
  dimensions: readonly string[],
  filters: Record<string, readonly string[]>,
  frequency: Frequency,
  answer: { numRows: number; getChild(name: string): Column | null }
): HeldRows | null {
  if (answer.numRows > HELD_ROWS_LIMIT) return null;
  const column = (name: string) => {
    const found = answer.getChild(name);
    if (!found) throw new Error(`The held rows need the column ${name}.`);
    return found;
  };
  const [groupNumber, ord, value] = ['group_number', 'ord', 'value'].map((c) =>
    column(c).toArray()
  ) as ArrayLike<number>[];
  const [codes, flag] = [column('codes'), Array.from(column('flag'))];
  const periods = new Map<number, string>();
  const groups = new Map<string, Omit<HeldSeries, 'key'>>();
  let group: { observations: HeldObservation[]; at: Map<string, HeldObservation> } | null = null;
  for (let i = 0; i < answer.numRows; i++) {
    if (i === 0 || groupNumber[i] !== groupNumber[i - 1]) {
      group = { observations: [], at: new Map() };
      groups.set(codes.get(i) as string, group);
    }
    let period = periods.get(ord[i]);
    if (period === undefined) periods.set(ord[i], (period = periodOfOrdinal(ord[i], frequency)));
    const observation: HeldObservation = {
      period,
      ord: ord[i],
      value: Number.isNaN(value[i]) ? null : value[i],
      flag: (flag[i] as string | null) ?? null
    };
    group!.observations.push(observation);
    group!.at.set(period, observation);
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
  const chosen = heldCodes(held, request.filters);
  const varies = [request.seriesBy, request.panelBy];
  if (
    !chosen ||
    chosen.some((codes, i) => codes.length > 1 && !varies.includes(held.dimensions[i]))
  )
    return null;
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

/**
 * The codes of `dimension` with a value under the other filters and in the window, as
 * codesWithDataSql finds them (`codes` are the dimension's own), from the held rows; null
 * when they do not hold every row that query reads.
 */
export function codesWithDataHeld(
  held: HeldRows,
  dimension: string,
  codes: readonly string[],
  filters: Record<string, readonly string[]>,
  window: Pick<SeriesRequest, 'timeFrom' | 'timeTo'>
): Set<string> | null {
  const chosen = heldCodes(held, { ...filters, [dimension]: codes });
  if (!chosen) return null;
  const at = held.dimensions.indexOf(dimension);
  const found = new Set<string>();
  for (const combination of combinations(chosen))
    if (
      held.groups
        .get(joinCodes(combination))
        ?.observations.some((o) => o.value !== null && inWindow(window, o.period))
    )
      found.add(combination[at]);
  return found;
}

/** Whether the held rows hold every row that `filters` (dimension → codes) select. */
export function holdsEvery(held: HeldRows, filters: Record<string, readonly string[]>): boolean {
  return heldCodes(held, filters) !== null;
}

/** Each dimension's codes in `filters`, when the held rows hold every one; else null. */
function heldCodes(
  held: HeldRows,
  filters: Record<string, readonly string[]>
): (readonly string[])[] | null {
  const chosen: (readonly string[])[] = [];
  for (const dimension of held.dimensions) {
    const codes = filters[dimension];
    const kept = held.filters[dimension];
    if (!codes || (kept && codes.some((c) => !kept.includes(c)))) return null;
    chosen.push(codes);
  }
  return chosen;
}

/** Every combination of one code from each list, in order. */
function combinations(lists: readonly (readonly string[])[]): string[][] {
  return lists.reduce<string[][]>(
    (done, codes) => done.flatMap((combination) => codes.map((c) => [...combination, c])),
    [[]]
  );
}
