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
