import type { ChartSeries } from '../charts/types';
import { summarizeSeries } from '../charts/summary';
import { formatNumber, m, MINUS } from '$lib/i18n';

/**
 * A change in % as a reader expects it: signed, whole percent unless small, in the page's
 * number format. It keeps its own digits, never those of the values it compares.
 */
export function formatPercentChange(percent: number): string {
  const rounded = Math.abs(percent) < 10 ? Math.round(percent * 10) / 10 : Math.round(percent);
  return `${signOf(rounded)}${formatNumber(Math.abs(rounded))} %`;
}

const signOf = (value: number) => (value > 0 ? '+' : value < 0 ? MINUS : '');

/**
 * The change between two percentages, in percentage points: “−14.71 percentage points”. Its
 * sign is the same minus sign every number on screen uses (formatNumber).
 */
export function formatPointsChange(points: number, format: (value: number) => string): string {
  return m.annot_change_points({ value: `${signOf(points)}${format(Math.abs(points))}` });
}

/** “2008–2022”, or “2022” for one period. */
export function periodRange(from: string, to: string): string {
  return from === to ? from : `${from}–${to}`;
}

/**
 * The parts of each series' summary sentence, formatted; the sentence itself is a message.
 * The change is in percent, or in percentage points when the values are percentages.
 */
export function summaryParts(
  series: readonly ChartSeries[],
  format: (value: number) => string,
  changeIn: 'percent' | 'points' = 'percent'
): {
  key: string;
  label: string;
  first: string;
  firstPeriod: string;
  last: string;
  lastPeriod: string;
  change: string | null;
}[] {
  return summarizeSeries(series).map((s) => ({
    key: s.key,
    label: s.label,
    first: format(s.first.value),
    firstPeriod: s.first.period,
    last: format(s.last.value),
    lastPeriod: s.last.period,
    change:
      changeIn === 'points'
        ? s.difference === null
          ? null
          : formatPointsChange(s.difference, format)
        : s.percentChange === null
          ? null
          : formatPercentChange(s.percentChange)
  }));
}

/** At most `max` distinct notes, in order of first appearance, and how many were left out. */
export function distinctNotes(
  notes: readonly (string | null)[],
  max: number
): { shown: string[]; more: number } {
  const distinct = [...new Set(notes.filter((n): n is string => n !== null && n !== ''))];
  return { shown: distinct.slice(0, max), more: Math.max(0, distinct.length - max) };
}
