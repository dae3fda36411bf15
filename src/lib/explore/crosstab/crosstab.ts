import type { ChartSeries } from '$lib/charts/types';

/**
 * The cross-tab as Eurostat's data browser lays a table out: one row per series (a country,
 * an offence, or a pair of them), one column per period, each value with its flag, and a
 * last column with the change between the first and the last period shown.
 */

/** One value of the table with its flag; a missing value is null and keeps its flag. */
export interface CrosstabCell {
  value: number | null;
  flag: string | null;
}

export interface CrosstabRow {
  key: string;
  label: string;
  /** The cells in the order of the table's periods; a period without a row is missing. */
  cells: CrosstabCell[];
  /** Change from the first period's value to the last's, in % or points; null without both. */
  change: number | null;
}

/** How the change column reads: % of the first value, or the difference in points for values in %. */
export type ChangeKind = 'percent' | 'points';

export interface Crosstab {
  periods: string[];
  rows: CrosstabRow[];
  /** Whether the change column is shown: only with two periods or more. */
  hasChange: boolean;
}

/** A column of the table to sort by: the label, a period's values or the change. */
export type CrosstabColumn =
  { kind: 'label' } | { kind: 'period'; period: string } | { kind: 'change' };

/**
 * The change from `first` to `last`: the percentage (last ÷ first − 1) × 100 when the first
 * value is above zero, or the difference last − first for values that are themselves
 * percentages (a change of percentages in % would mislead). Rounded to the tenth shown, so
 * the download holds the figure the reader sees.
 */
export function changeBetween(
  first: number | null,
  last: number | null,
  kind: ChangeKind
): number | null {
  if (first === null || last === null) return null;
  if (kind === 'points') return Math.round((last - first) * 10) / 10;
  if (first <= 0) return null;
  return Math.round((last / first - 1) * 1000) / 10;
}

/** The table of `series` over the periods they cover, in order, rows in the series' order. */
export function crosstabOf(series: readonly ChartSeries[], changeKind: ChangeKind): Crosstab {
  const byPeriod = new Map<string, number>();
  for (const s of series) for (const p of s.points) byPeriod.set(p.period, p.x);
  const periods = [...byPeriod.keys()].sort((a, b) => byPeriod.get(a)! - byPeriod.get(b)!);
  const hasChange = periods.length >= 2;
  const rows = series.map((s) => {
    const at = new Map(s.points.map((p) => [p.period, p]));
    const cells = periods.map((period) => {
      const point = at.get(period);
      return { value: point?.value ?? null, flag: point?.flag ?? null };
    });
    const change = hasChange
      ? changeBetween(cells[0].value, cells[cells.length - 1].value, changeKind)
      : null;
    return { key: s.key, label: s.label, cells, change };
  });
  return { periods, rows, hasChange };
}

/**
 * The rows sorted by `column`: labels alphabetically, values by size; a missing value sorts
 * last in either direction, and ties keep the series' order (the order the reader ticked
 * them, which is the table's order before any sort).
 */
export function sortCrosstab(
  table: Crosstab,
  column: CrosstabColumn,
  ascending: boolean
): CrosstabRow[] {
  const direction = ascending ? 1 : -1;
  const order = new Map(table.rows.map((row, i) => [row.key, i]));
  const index = column.kind === 'period' ? table.periods.indexOf(column.period) : -1;
  const valueOf = (row: CrosstabRow): number | null =>
    column.kind === 'change' ? row.change : (row.cells[index]?.value ?? null);
  return [...table.rows].sort((a, b) => {
    const tie = order.get(a.key)! - order.get(b.key)!;
    if (column.kind === 'label') return a.label.localeCompare(b.label) * direction || tie;
    const va = valueOf(a);
    const vb = valueOf(b);
    if (va === null || vb === null) return va === vb ? tie : va === null ? 1 : -1;
    return (va - vb) * direction || tie;
  });
}

/** The headings of the table as shown, which its download repeats. */
export interface CrosstabHeadings {
  rows: string;
  flag: (period: string) => string;
  change: string;
}

/**
 * The table as shown, for its download: the same rows in the same order, each period's value
 * (a number, unrounded) followed by its flag in a column of its own, then the change.
 */
export function crosstabCells(
  table: Crosstab,
  rows: readonly CrosstabRow[],
  headings: CrosstabHeadings
): { header: string[]; rows: (string | number | null)[][] } {
  return {
    header: [
      headings.rows,
      ...table.periods.flatMap((period) => [period, headings.flag(period)]),
      ...(table.hasChange ? [headings.change] : [])
    ],
    rows: rows.map((row) => [
      row.label,
      ...row.cells.flatMap((cell) => [cell.value, cell.flag ?? '']),
      ...(table.hasChange ? [row.change] : [])
    ])
  };
}
