/**
 * SQL for the explorer's transformations. Each builder returns one statement whose result
 * has the columns of seriesSql (`series, time, value, flag`) and three more:
 *
 * - `computed BOOLEAN`: true when the value was worked out here rather than published;
 * - `break_in_window BOOLEAN`: true when the observations compared are separated by a break
 *   in series, so the change shown may be partly an artefact of the break;
 * - `note VARCHAR`: why a computed value is missing (no base value, no population …), as a
 *   note code and its parameters (see TransformNote), so the interface can word it in the
 *   reader's language.
 *
 * A computed value's `flag` holds every letter of the flags of the observations it was
 * computed from, each once, in alphabetical order (`e` + `bp` → `bep`).
 *
 * Breaks: Eurostat's `b` marks an observation that is not comparable with the ones before
 * it. Two periods are therefore separated by a break when a `b` falls after the earlier
 * and up to the later one; a `b` on the earlier period itself starts the compared stretch
 * and does not count. Every observation of the series between the two is looked at, also
 * those outside the time window and those without a value.
 *
 * Precondition: apart from `seriesBy` (and `panelBy`, which joins it in the series key), each
 * dimension of the table is filtered to one code, so that a series has one observation per
 * period (as for seriesSql).
 */
import { observationsFromTable, type SeriesRequest } from './series';
import { parseTransformNote, type TransformNote } from './transform/notes';
import { published } from './transform/published';
import { rate } from './transform/rate';
import { indexed } from './transform/indexed';
import { yearOnYear } from './transform/year-on-year';
import { movingAverage } from './transform/moving-average';
import { change } from './transform/change';
import { cagr } from './transform/cagr';
import type { TransformDefinition } from './transform/definition';
import type { HeldSeries, PageAnswer, TransformedRow } from './transform/page-parts';
import type { TransformId } from './transform/ids';

type ArrowColumns = Parameters<typeof observationsFromTable>[0];

/**
 * Every transform of the explorer, in the menu's order. A new one is a file under
 * query/transform/ exporting its TransformDefinition, a line here and its id in
 * transform/ids.ts.
 */
const DEFINITIONS = [published, rate, indexed, yearOnYear, change, cagr, movingAverage] as const;

type Definition = (typeof DEFINITIONS)[number];
/** What one transform's SQL needs, worked out for a view (see TransformDefinition.spec). */
export type TransformSpec = Exclude<ReturnType<Definition['spec']>, { error: string }>;

const BY_ID = new Map<TransformId, TransformDefinition<TransformSpec>>(
  DEFINITIONS.map((d) => [d.id, d as TransformDefinition<TransformSpec>])
);

/** The definition of transform `id`. */
export function transformDefinition(id: TransformId): TransformDefinition<TransformSpec> {
  return BY_ID.get(id)!;
}

/** Every transform's definition, in the menu's order. */
export function transformDefinitions(): readonly TransformDefinition<TransformSpec>[] {
  return [...BY_ID.values()];
}

/** The SQL of one transform; a rate plan that is unavailable is an error value, not SQL. */
export function transformSql(
  request: SeriesRequest,
  spec: TransformSpec
): { sql: string } | { error: string } {
  return transformDefinition(spec.kind).sql(request, spec);
}

export type { TransformedRow } from './transform/page-parts';

function noteOf(cell: unknown): TransformNote | null {
  return typeof cell === 'string' && cell !== '' ? parseTransformNote(cell) : null;
}

/** Reads a transform result (any builder above) column by column. */
export function transformedRowsFromTable(table: ArrowColumns): TransformedRow[] {
  const observations = observationsFromTable(table);
  const computed = table.getChild('computed');
  const breakInWindow = table.getChild('break_in_window');
  const note = table.getChild('note');
  if (!computed || !breakInWindow || !note)
    throw new Error('A transform result needs the columns computed, break_in_window and note.');
  return observations.map((row, i) => ({
    ...row,
    computed: computed.get(i) === true,
    breakInWindow: breakInWindow.get(i) === true,
    note: noteOf(note.get(i))
  }));
}

/** A transform result's rows and each series' absolute change (the change column, if any). */
export function transformResultFromTable(table: ArrowColumns): {
  rows: TransformedRow[];
  absoluteChange: Record<string, number | null>;
} {
  const rows = transformedRowsFromTable(table);
  const absolute = table.getChild('absolute_change');
  const absoluteChange: Record<string, number | null> = {};
  if (absolute)
    rows.forEach((row, i) => {
      const value = absolute.get(i);
      absoluteChange[row.series] = value === null ? null : Number(value);
    });
  return { rows, absoluteChange };
}

/**
 * The transform's answer worked out in the page from `series` (every period of each series
 * the request selects, see query/held-rows.ts), or null when the transform needs data the
 * page does not hold (a rate: the population).
 */
export function transformInPage(
  series: readonly HeldSeries[],
  request: SeriesRequest,
  spec: TransformSpec
): PageAnswer | null {
  return transformDefinition(spec.kind).inPage?.(series, request, spec) ?? null;
}

/**
 * Decimals shown for the values of a transform, or null when they are published values that
 * must keep every digit: as published, and a rate the dataset publishes itself. An index
 * reads in tenths (103,4); rates, percentages and averages in hundredths.
 */
export function computedDecimals(transform: TransformId, computedRate: boolean): number | null {
  return transformDefinition(transform).decimals(computedRate);
}
