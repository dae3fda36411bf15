/** One observation as a chart draws it; the flag always travels with the value. */
export interface ChartPoint {
  period: string;
  /** The period on a continuous axis (see periodToNumber). */
  x: number;
  value: number | null;
  flag: string | null;
}

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
  points: ChartPoint[];
}

/** One year of a projection: its middle value and its 80 % and 95 % prediction intervals. */
export interface FanPoint {
  x: number;
  value: number;
  lower80: number;
  upper80: number;
  lower95: number;
  upper95: number;
}

/** A year from which a series is not comparable with the years before, as a chart marks it. */
export interface SeriesBreakMark {
  x: number;
  label: string;
  /** 'known': a change of law or recording with a source; 'flag': Eurostat's `b`; 'possible': a level shift nothing explains. */
  kind: 'known' | 'flag' | 'possible';
}

/**
 * A note drawn on a time axis: an event the app ships with its source, or a reader's own. On
 * one series (a ring around its point) or on the whole period (a line across the plot).
 */
export interface ChartAnnotation {
  key: string;
  kind: 'event' | 'reader';
  /** The period on the x axis; null for a reader's note without a period (listed, not drawn). */
  x: number | null;
  period: string | null;
  /** The series it marks, or null for the whole period. */
  series: string | null;
  text: string;
  /** An event's day (ISO 8601), for the list under the chart. */
  date?: string;
  /** Where an event's date comes from. */
  source?: { url: string; title: string };
}
