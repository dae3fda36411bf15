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

/** Text every chart carries, on screen and in every download. */
export interface ChartText {
  title: string;
  subtitle: string;
  /** "Source: Eurostat (crim_off_cat), data of 2024-…, CC BY 4.0" */
  source: string;
  notes: string[];
  unit: string;
}
