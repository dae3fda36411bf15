/**
 * One observation of a series, as a query returns it and the charts, the table, the exports
 * and the evaluation read it; the flag always travels with the value.
 */
export interface ObservationRow {
  /** The series' code in the dimension the rows are split by (most often a geo code). */
  series: string;
  /** A period of src/lib/model/period.ts. */
  period: string;
  value: number | null;
  flag: string | null;
}
