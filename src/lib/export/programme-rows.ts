import type { ExportRow } from './rows';

/** The id the programme's results framework (datasets/programme/ro21.json) goes by in downloads. */
export const PROGRAMME_DATASET = 'ro21';

/** An amount in euro with what it is the amount of. */
export interface BudgetLine {
  /** A project id (`p1`), a promoter code (`IGPR`) or `not-allocated`. */
  code: string;
  label: string;
  amount: number;
}

/**
 * A budget chart's rows: one per bar, in euro, dated with the programme period (an ISO 8601
 * interval, `2013-06-17/2017-12-31`) since the amounts are allocations for all of it.
 */
export function budgetRows(
  lines: readonly BudgetLine[],
  dimension: 'project' | 'promoter',
  period: string
): ExportRow[] {
  return lines.map((line) => ({
    dataset: PROGRAMME_DATASET,
    dimensions: [{ id: dimension, code: line.code, label: line.label }],
    period,
    value: line.amount,
    unit: 'EUR',
    flag: null
  }));
}

/** A dated point or stretch of the programme: `2015-10-27`, `2017-05`, or `from/to`. */
export interface Milestone {
  /** `period` for the programme period, a project id for a project's event, else `programme`. */
  code: string;
  label: string;
  date: string;
}

/** A timeline's rows: one per milestone, in date order; milestones have a date, not a value. */
export function timelineRows(milestones: readonly Milestone[]): ExportRow[] {
  const start = (m: Milestone) => m.date.split('/')[0];
  // A stretch comes before an event on its first day: the programme period opens the list.
  return [...milestones]
    .sort((a, b) => start(a).localeCompare(start(b)) || b.date.length - a.date.length)
    .map((milestone) => ({
      dataset: PROGRAMME_DATASET,
      dimensions: [{ id: 'event', code: milestone.code, label: milestone.label }],
      period: milestone.date,
      value: null,
      unit: '',
      flag: null
    }));
}
