/**
 * The page's twins of sql-parts.ts: what every transform computed in the page shares, from
 * observations the page already holds (see query/held-rows.ts). Each rule follows its SQL
 * twin to the letter, so that a value, its flag and its note are the ones DuckDB would give
 * (tests/unit/query/transforms-in-page.test.ts runs both on the shipped rows).
 */
import type { ObservationRow } from '$lib/model/observation';
import type { SeriesRequest } from '../series';
import type { TransformNote } from './notes';

/** One observation of a held series: its period, the period's ordinal, value and flag. */
export interface HeldObservation {
  period: string;
  ord: number;
  value: number | null;
  flag: string | null;
}

/**
 * One series over every period the table has for it (as the SQL's `observations` CTE reads
 * it, before the time window), in the order of its periods.
 */
export interface HeldSeries {
  key: string;
  observations: readonly HeldObservation[];
  /** The same observations by period. */
  at: ReadonlyMap<string, HeldObservation>;
}

/** One row of a transform result, as the charts and the table read it. */
export interface TransformedRow extends ObservationRow {
  computed: boolean;
  breakInWindow: boolean;
  note: TransformNote | null;
}

/** A transform's answer worked out in the page: its rows, and each series' absolute change. */
export interface PageAnswer {
  rows: TransformedRow[];
  absoluteChange: Record<string, number | null>;
}

/** combinedFlagSql: the letters of all the flags, each once and sorted; null when none. */
export function combineFlags(...flags: (string | null | undefined)[]): string | null {
  const letters = [...new Set(flags.join('').split(''))].sort();
  return letters.length > 0 ? letters.join('') : null;
}

/** breakBetweenSql: a `b` in the series after ordinal `after` and up to ordinal `upTo`. */
export function breakBetween(series: HeldSeries, after: number, upTo: number): boolean {
  return series.observations.some(
    (o) => o.ord > after && o.ord <= upTo && o.flag !== null && o.flag.includes('b')
  );
}

/** windowCondition: whether `period` lies in the request's time window. */
export function inWindow(
  request: Pick<SeriesRequest, 'timeFrom' | 'timeTo'>,
  period: string
): boolean {
  return (
    (!request.timeFrom || period >= request.timeFrom) &&
    (!request.timeTo || period <= request.timeTo)
  );
}

/** The rows of a transform that gives one row per observation in the window, in SQL's order. */
export function rowPerObservation(
  series: readonly HeldSeries[],
  request: SeriesRequest,
  row: (series: HeldSeries, observation: HeldObservation, index: number) => TransformedRow
): PageAnswer {
  const rows: TransformedRow[] = [];
  for (const s of series)
    s.observations.forEach((o, i) => {
      if (inWindow(request, o.period)) rows.push(row(s, o, i));
    });
  return { rows, absoluteChange: {} };
}
