/**
 * Periods as the long shape writes them: `2008` (annual), `2009-01` (monthly), `2009-Q1`
 * (quarterly). Every rule about them lives here; where a rule also runs inside DuckDB, its SQL
 * twin stands beside it, read from the same shape, so the two cannot drift apart.
 */

export type Frequency = 'annual' | 'monthly' | 'quarterly';

const PERIOD_PATTERNS: Record<Frequency, RegExp> = {
  annual: /^\d{4}$/,
  monthly: /^\d{4}-(0[1-9]|1[0-2])$/,
  quarterly: /^\d{4}-Q[1-4]$/
};

/** Whether `text` is a period as the long shape writes it, and of `frequency` when one is given. */
export function isPeriod(text: string, frequency?: Frequency): boolean {
  if (frequency) return PERIOD_PATTERNS[frequency].test(text);
  return Object.values(PERIOD_PATTERNS).some((pattern) => pattern.test(text));
}

/** The forms normalisePeriod accepts, for a reader's error messages. */
export const EXPECTED_PERIOD = 'a year (2020), a month (2020M01 or 2020-01) or a quarter (2020Q1)';

// Eurostat's own spellings; newer files already use the dashed forms.
const EUROSTAT_MONTH = /^(\d{4})M(\d{2})$/;
const EUROSTAT_QUARTER = /^(\d{4})Q([1-4])$/;

/**
 * `2008` → `2008`, `2008M01` → `2008-01`, `2008Q1` → `2008-Q1`; the dashed forms newer
 * Eurostat files already use pass through. Null for anything else, so the caller can say
 * where the period it did not understand was.
 */
export function normalisePeriod(raw: string): string | null {
  const text = raw.trim().replace(EUROSTAT_MONTH, '$1-$2').replace(EUROSTAT_QUARTER, '$1-Q$2');
  return isPeriod(text) ? text : null;
}

/**
 * A period's year, its place in the year counted from 0, and the periods in its year, read
 * from its shape (four characters: a year; a `Q`: a quarter; else a month) as the SQL twins
 * read it.
 */
function periodParts(period: string): { year: number; index: number; perYear: number } {
  const year = Number(period.slice(0, 4));
  if (period.length === 4) return { year, index: 0, perYear: 1 };
  if (period[5] === 'Q') return { year, index: Number(period[6]) - 1, perYear: 4 };
  return { year, index: Number(period.slice(5, 7)) - 1, perYear: 12 };
}

/** The frequency a period is written in; text that is no period counts as annual. */
export function frequencyOf(period: string): Frequency {
  if (!isPeriod(period)) return 'annual';
  const { perYear } = periodParts(period);
  return perYear === 12 ? 'monthly' : perYear === 4 ? 'quarterly' : 'annual';
}

/** Periods in a year for the period's frequency (1, 4 or 12). */
export function periodsPerYear(period: string): number {
  return periodParts(period).perYear;
}

/** SQL: periods in a year for the period's frequency (1, 4 or 12). */
export function periodsPerYearSql(column: string): string {
  return `CASE WHEN length(${column}) = 4 THEN 1 WHEN substr(${column}, 6, 1) = 'Q' THEN 4 ELSE 12 END`;
}

/** First and last period of a year in a frequency: 2020 → 2020-01 … 2020-12. */
export function firstAndLastOfYear(
  year: string,
  frequency: Frequency
): { first: string; last: string } {
  if (frequency === 'monthly') return { first: `${year}-01`, last: `${year}-12` };
  if (frequency === 'quarterly') return { first: `${year}-Q1`, last: `${year}-Q4` };
  return { first: year, last: year };
}

/**
 * A period as a whole number that grows by one from each period to the next (2009 → 2009;
 * 2009-Q2 → 2009·4 + 1; 2009-02 → 2009·12 + 1), so neighbours and distances are arithmetic.
 */
export function periodOrdinal(period: string): number {
  const { year, index, perYear } = periodParts(period);
  return year * perYear + index;
}

/** The period of `frequency` whose periodOrdinal is `ordinal`: periodOrdinal's inverse. */
export function periodOfOrdinal(ordinal: number, frequency: Frequency): string {
  if (frequency === 'annual') return String(ordinal);
  const perYear = frequency === 'quarterly' ? 4 : 12;
  const year = Math.floor(ordinal / perYear);
  const index = ordinal - year * perYear + 1;
  return frequency === 'quarterly'
    ? `${year}-Q${index}`
    : `${year}-${String(index).padStart(2, '0')}`;
}

/** SQL: periodOrdinal of a period column; NULL for anything that is no period. */
export function periodOrdinalSql(column: string): string {
  return [
    `CASE WHEN length(${column}) = 4 THEN TRY_CAST(${column} AS INTEGER)`,
    `WHEN substr(${column}, 6, 1) = 'Q' THEN TRY_CAST(left(${column}, 4) AS INTEGER) * 4 + TRY_CAST(substr(${column}, 7, 1) AS INTEGER) - 1`,
    `ELSE TRY_CAST(left(${column}, 4) AS INTEGER) * 12 + TRY_CAST(substr(${column}, 6, 2) AS INTEGER) - 1 END`
  ].join(' ');
}

/** The same period one year earlier (2009 → 2008, 2009-03 → 2008-03, 2009-Q1 → 2008-Q1). */
export function previousYear(period: string): string {
  return `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`;
}

/** SQL: the same period one year earlier (2009 → 2008, 2009-03 → 2008-03, 2009-Q1 → 2008-Q1). */
export function previousYearSql(column: string): string {
  return `CAST(TRY_CAST(left(${column}, 4) AS INTEGER) - 1 AS VARCHAR) || substr(${column}, 5)`;
}

/** A period as a number on a continuous axis, in years: 2009-01 → 2009, 2009-07 → 2009.5. */
export function periodToNumber(period: string): number {
  const { year, index, perYear } = periodParts(period);
  return year + index / perYear;
}

/** The distance between two consecutive periods on the axis of periodToNumber. */
export function periodStep(frequency: Frequency): number {
  return frequency === 'monthly' ? 1 / 12 : frequency === 'quarterly' ? 1 / 4 : 1;
}

/**
 * The period of `frequency` that holds the calendar day `date` (an ISO `2024-03-31`): `2024`,
 * `2024-03` or `2024-Q1`. Null for text that is no date. How an event is placed on a chart.
 */
export function periodOfDate(date: string, frequency: Frequency): string | null {
  const match = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.exec(date);
  if (!match) return null;
  const [, year, month] = match;
  if (frequency === 'monthly') return `${year}-${month}`;
  if (frequency === 'quarterly') return `${year}-Q${Math.ceil(Number(month) / 3)}`;
  return year;
}

/**
 * The period of `frequency` that holds the first or the last month of `period`: 2015 →
 * 2015-01 or 2015-12 (monthly), 2015-Q1 or 2015-Q4 (quarterly); 2015-05 → 2015-Q2 or 2015
 * (at either end). A window's ends read this way take in every period that overlaps it.
 */
export function periodAs(period: string, frequency: Frequency, end: 'first' | 'last'): string {
  const { year, index, perYear } = periodParts(period);
  const month = end === 'first' ? (index * 12) / perYear : ((index + 1) * 12) / perYear - 1;
  if (frequency === 'annual') return String(year);
  if (frequency === 'quarterly') return `${year}-Q${Math.floor(month / 3) + 1}`;
  return `${year}-${String(month + 1).padStart(2, '0')}`;
}
