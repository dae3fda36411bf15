import { rankBars } from '../charts/bars/layout';
import { breakBetween } from '../charts/slope/layout';
import type { ChartSeries } from '../charts/types';
import { periodToNumber } from '$lib/model/period';
import type { View } from '../state/view-state';
import { OWN_LAYOUT_VIEWS } from './views';

/**
 * The part of the queried series a view draws, in the order it draws it: a download holds
 * exactly what the reader sees. Bars (and every view of a change or growth rate, which has
 * one value per series) show the last period, largest first, a missing value kept as
 * missing; the slope its two ends; the map the last period of the countries that have it;
 * the table (and the sources' download) the whole window.
 */
export function drawnSeries(
  series: readonly ChartSeries[],
  view: View,
  window: { from: string; to: string },
  onePerSeries: boolean
): ChartSeries[] {
  const at = (s: ChartSeries, keep: (period: string) => boolean) => ({
    ...s,
    points: s.points.filter((p) => keep(p.period))
  });
  const oneValueEach = onePerSeries && !OWN_LAYOUT_VIEWS.has(view);
  if (view === 'bars' || oneValueEach) {
    const byKey = new Map(series.map((s) => [s.key, s]));
    return rankBars(series, window.to).map((bar) => ({
      ...(byKey.get(bar.key) as ChartSeries),
      points: [
        {
          // A change or growth rate belongs to the two periods it compares, written as an
          // ISO 8601 interval (2010/2023), so a download never reads as a value of one year.
          period: oneValueEach ? `${window.from}/${window.to}` : bar.period,
          x: periodToNumber(bar.period),
          value: bar.value,
          flag: bar.flag
        }
      ]
    }));
  }
  if (view === 'slope')
    return series.map((s) => ({
      ...s,
      points: s.points.filter(
        (p) => (p.period === window.from || p.period === window.to) && p.value !== null
      )
    }));
  if (view === 'map')
    return series.map((s) => at(s, (p) => p === window.to)).filter((s) => s.points.length > 0);
  return series.map((s) => at(s, () => true));
}

/** The series with a break in series between the window's two ends, which a slope marks. */
export function seriesWithBreaks(
  series: readonly ChartSeries[],
  from: string,
  to: string
): ReadonlySet<string> {
  return new Set(series.filter((s) => breakBetween(s.points, from, to)).map((s) => s.key));
}
