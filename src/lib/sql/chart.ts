import { assignColours } from '../charts/palette';
import type { ExportRow } from '../export/rows';
import type { ChartPoint, ChartSeries } from '../charts/types';
import {
  frequencyOf,
  isPeriod,
  periodStep,
  periodToNumber,
  type Frequency
} from '$lib/model/period';
import { placeName } from '../i18n/place-names';
import { cellNumber, cellText, isNumeric, type ResultColumn, type ResultTable } from './result';

/** What the user picked to chart: columns by position in the result. */
export interface ChartChoice {
  x: number;
  y: number;
  /** The column whose values make separate series, or null for one series. */
  series: number | null;
}

export interface ResultBar {
  key: string;
  /** The bar's x value and series, as the result writes them. */
  x: string;
  series: { key: string; label: string } | null;
  label: string;
  value: number | null;
  flag: string | null;
  color: string;
}

/** Why a result cannot be drawn as chosen; the page words it for the reader. */
export type ChartProblem =
  | { problem: 'no-rows' }
  | { problem: 'y-not-numeric' }
  | { problem: 'duplicate-x'; series: string; x: string }
  | { problem: 'too-many-series'; limit: number }
  | { problem: 'too-many-bars'; limit: number }
  | { problem: 'too-many-points'; limit: number };

export type ResultChart =
  | { kind: 'line'; series: ChartSeries[]; step: number }
  | { kind: 'bars'; bars: ResultBar[] }
  | ChartProblem;

export const MAX_SERIES = 24;
export const MAX_BARS = 60;
/** Beyond this an SVG line chart stops being readable, and slows the page down. */
export const MAX_POINTS = 5000;

/** Reads x values as positions on a continuous axis, or null when x is not ordered. */
function orderedX(
  table: ResultTable,
  column: ResultColumn,
  read: (row: number) => unknown,
  format: (n: number) => string
): { at: (row: number) => { x: number; period: string } | null; step: number | null } | null {
  if (isNumeric(column))
    return {
      at: (row) => {
        const x = cellNumber(read(row), column);
        return x === null ? null : { x, period: String(x) };
      },
      step: null
    };
  if (column.kind === 'date' || column.kind === 'timestamp')
    return {
      at: (row) => {
        const value = read(row);
        if (value === null || value === undefined) return null;
        // Years with a fraction, so the axis reads in years like every other time chart.
        const ms = Number(value);
        const year = new Date(ms).getUTCFullYear();
        const start = Date.UTC(year, 0, 1);
        const x = year + (ms - start) / (Date.UTC(year + 1, 0, 1) - start);
        return { x, period: cellText(value, column, format) as string };
      },
      step: null
    };
  if (column.kind !== 'text') return null;
  let frequency: Frequency | null = null;
  for (let row = 0; row < table.numRows; row++) {
    const value = read(row);
    if (value === null || value === undefined) continue;
    const text = String(value);
    if (!isPeriod(text)) return null;
    const f = frequencyOf(text);
    if (frequency !== null && f !== frequency) return null;
    frequency = f;
  }
  if (frequency === null) return null;
  return {
    at: (row) => {
      const value = read(row);
      if (value === null || value === undefined) return null;
      return { x: periodToNumber(String(value)), period: String(value) };
    },
    step: periodStep(frequency)
  };
}

/** The smallest distance between neighbouring x values: where two points count as adjacent. */
function smallestStep(xs: number[]): number {
  const sorted = [...new Set(xs)].sort((a, b) => a - b);
  let step = Infinity;
  for (let i = 1; i < sorted.length; i++) step = Math.min(step, sorted[i] - sorted[i - 1]);
  return Number.isFinite(step) && step > 0 ? step : 1;
}

/**
 * A query result as a chart: a line per series when x is ordered (numbers, dates, periods
 * like 2008 or 2009-01), bars otherwise. A `flag` column travels with the values, as on
 * every other chart of the app.
 */
export function resultChart(
  table: ResultTable,
  columns: readonly ResultColumn[],
  choice: ChartChoice,
  format: (n: number) => string
): ResultChart {
  if (table.numRows === 0) return { problem: 'no-rows' };
  const yColumn = columns[choice.y];
  if (!isNumeric(yColumn)) return { problem: 'y-not-numeric' };
  const vector = (index: number) => table.getChildAt(index) as { get(row: number): unknown };
  const xVector = vector(choice.x);
  const yVector = vector(choice.y);
  const flagIndex = columns.findIndex((c) => c.name === 'flag' && c.kind === 'text');
  const flagVector = flagIndex >= 0 ? vector(flagIndex) : null;
  const seriesColumn = choice.series === null ? null : columns[choice.series];
  const seriesVector = choice.series === null ? null : vector(choice.series);

  const seriesKey = (row: number): string => {
    if (!seriesVector || !seriesColumn) return yColumn.name;
    return cellText(seriesVector.get(row), seriesColumn, format) ?? 'NULL';
  };
  const seriesLabel = (key: string) => (seriesColumn?.name === 'geo' ? placeName(key) : key);
  const flagAt = (row: number) => (flagVector?.get(row) as string | null | undefined) ?? null;
  const valueAt = (row: number) => cellNumber(yVector.get(row), yColumn);

  const keys: string[] = [];
  const seen = new Set<string>();
  for (let row = 0; row < table.numRows; row++) {
    const key = seriesKey(row);
    if (!seen.has(key)) {
      seen.add(key);
      keys.push(key);
    }
  }
  if (keys.length > MAX_SERIES) return { problem: 'too-many-series', limit: MAX_SERIES };
  const colours = assignColours(keys);

  const ordered = orderedX(table, columns[choice.x], (row) => xVector.get(row), format);
  if (!ordered) {
    if (table.numRows > MAX_BARS) return { problem: 'too-many-bars', limit: MAX_BARS };
    const bars: ResultBar[] = [];
    for (let row = 0; row < table.numRows; row++) {
      const key = seriesKey(row);
      const x = cellText(xVector.get(row), columns[choice.x], format) ?? 'NULL';
      bars.push({
        key: `${row}`,
        x,
        series: seriesVector ? { key, label: seriesLabel(key) } : null,
        label: seriesVector ? `${x} · ${seriesLabel(key)}` : x,
        value: valueAt(row),
        flag: flagAt(row),
        color: colours.get(key) as string
      });
    }
    return { kind: 'bars', bars };
  }

  if (table.numRows > MAX_POINTS) return { problem: 'too-many-points', limit: MAX_POINTS };
  const points = new Map<string, ChartPoint[]>(keys.map((key) => [key, []]));
  const xs: number[] = [];
  for (let row = 0; row < table.numRows; row++) {
    const at = ordered.at(row);
    if (!at) continue;
    xs.push(at.x);
    points.get(seriesKey(row))?.push({ ...at, value: valueAt(row), flag: flagAt(row) });
  }
  const series: ChartSeries[] = [];
  for (const key of keys) {
    const list = (points.get(key) as ChartPoint[]).sort((a, b) => a.x - b.x);
    if (list.length === 0) continue;
    for (let i = 1; i < list.length; i++)
      if (list[i].x === list[i - 1].x)
        return { problem: 'duplicate-x', series: seriesLabel(key), x: list[i].period };
    series.push({ key, label: seriesLabel(key), color: colours.get(key) as string, points: list });
  }
  if (series.length === 0) return { problem: 'no-rows' };
  return { kind: 'line', series, step: ordered.step ?? smallestStep(xs) };
}

/** The columns a drawn result chart read, by name, and the datasets its query named. */
export interface DrawnResult {
  /** Ids of the datasets the query read, or none for a query on no dataset. */
  datasets: readonly string[];
  x: string;
  series: string | null;
}

/**
 * The rows of a result chart's download, one per point or bar drawn: the series column (and,
 * for bars, the x column) as dimensions, the x value as the period of a line's point.
 */
export function resultExportRows(
  chart: Extract<ResultChart, { kind: 'line' } | { kind: 'bars' }>,
  drawn: DrawnResult
): ExportRow[] {
  const dataset = drawn.datasets.length > 0 ? drawn.datasets.join('+') : 'sql';
  const seriesDimension = (code: string, label: string) =>
    drawn.series === null ? [] : [{ id: drawn.series, code, label }];
  if (chart.kind === 'line')
    return chart.series.flatMap((s) =>
      s.points.map((point) => ({
        dataset,
        dimensions: seriesDimension(s.key, s.label),
        period: point.period,
        value: point.value,
        unit: '',
        flag: point.flag
      }))
    );
  return chart.bars.map((bar) => ({
    dataset,
    dimensions: [
      { id: drawn.x, code: bar.x, label: bar.x },
      ...seriesDimension(bar.series?.key ?? '', bar.series?.label ?? '')
    ],
    period: '',
    value: bar.value,
    unit: '',
    flag: bar.flag
  }));
}
