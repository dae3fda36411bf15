/**
 * Breaks in series: which known breaks (changes of law or recording written in the results
 * framework) apply to a series, where an annual series jumps by more than anything else in
 * it does without a flag or a known break to explain it, and which years can be compared
 * without crossing a break. Pure functions over annual values; the rules and thresholds are
 * the ones docs/methods.md states.
 */
import type { ObservationRow } from '../model/observation';
import { isPeriod } from '../model/period';
import type { YearValues } from './evaluate';
import type { Binding, Framework, KnownBreak } from './framework';

/**
 * Whether `seriesGeo` is `country` or one of its regions: NUTS codes begin with their
 * country's code (RO111 is in RO), so a break of a country reaches its regional series.
 */
function inCountry(seriesGeo: string, country: string): boolean {
  if (seriesGeo === country) return true;
  return (
    country.length === 2 && seriesGeo.startsWith(country) && /^[0-9A-Z]+$/.test(seriesGeo.slice(2))
  );
}

/**
 * The known breaks of the framework that apply to one series, earliest first. A break
 * limited to some codes (`affects.codes`) applies unless the series is pinned to another
 * code of that dimension: a series that sums over the dimension contains the affected codes.
 */
export function knownBreaksFor(
  series: Binding,
  framework: Pick<Framework, 'breaks'>
): KnownBreak[] {
  return (framework.breaks ?? [])
    .filter(
      (b) =>
        inCountry(series.geo, b.geo) &&
        b.affects.datasets.includes(series.dataset) &&
        Object.entries(b.affects.codes ?? {}).every(
          ([dim, codes]) => series.filters[dim] === undefined || codes.includes(series.filters[dim])
        )
    )
    .sort((a, b) => a.from - b.from);
}

/**
 * A jump counts only when the new value is more than this many times the previous one (or
 * less than its reciprocal). Recorded crime in a country rarely moves by more than a few
 * tens of percent a year; a near-doubling or a near-halving in one year is what a change of
 * law or recording looks like (Romania's recorded theft went ×2.87 in 2014, the year of the
 * new Criminal Code).
 */
export const SHIFT_MIN_RATIO = 1.8;

/**
 * …and only when it also lies this many robust standard deviations from the series' other
 * year-to-year changes, so a series that always moves a lot (small counts, an offence newly
 * taken up) raises no alarm at its ordinary pace. For normally spread changes a year beyond
 * ±4 comes about once in 16 000.
 */
export const SHIFT_MIN_ROBUST_Z = 4;

/**
 * A jump is a one-year spike, not a new level, when the year after it brings the value back
 * to within this share of the jump (in log terms) of where it was. Norway's intentional
 * homicides went from 29 in 2010 to 111 in 2011 (the attacks of 22 July 2011) and 27 in 2012: an
 * outlier year, after which the series compares with what came before.
 */
export const SPIKE_MAX_REMAINDER = 0.25;

/** The fewest year-to-year changes (the one tested included) that make a typical change. */
export const SHIFT_MIN_CHANGES = 6;

/** Makes the median absolute deviation comparable with a standard deviation (normal data). */
const MAD_TO_SD = 1.4826;

export type ShiftExplanation =
  /** A known break of the framework starts that year. */
  | { kind: 'known'; known: KnownBreak }
  /** The publisher flagged a break in series (`b`) in that year. */
  | { kind: 'flag' }
  /** Nothing explains it: a possible break. */
  | { kind: 'none' };

export interface LevelShift {
  /** The first year at the new level. */
  year: number;
  /** The values in the year before and in `year`. */
  before: number;
  after: number;
  /** after / before, and the same as a percent change. */
  ratio: number;
  percent: number;
  /**
   * How far the log change lies from the median of the other changes, in robust standard
   * deviations (1.4826 × their median absolute deviation). ±Infinity when the other
   * changes are all alike.
   */
  z: number;
  /**
   * 'spike' when the next year is back within SPIKE_MAX_REMAINDER of the jump from the value
   * before it, 'step' when it is not, 'unknown' when the next year has no value.
   */
  shape: 'step' | 'spike' | 'unknown';
  explanation: ShiftExplanation;
}

export type ShiftScan =
  | { kind: 'scanned'; changes: number; shifts: LevelShift[] }
  | { kind: 'too-short'; changes: number };

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The years flagged `b` (break in series) of each series, from rows of annual periods. */
export function breakFlagYears(rows: readonly ObservationRow[]): Map<string, number[]> {
  const bySeries = new Map<string, number[]>();
  for (const row of rows) {
    if (!row.flag?.includes('b') || !isPeriod(row.period, 'annual')) continue;
    const years = bySeries.get(row.series) ?? [];
    years.push(Number(row.period));
    bySeries.set(row.series, years);
  }
  return bySeries;
}

/**
 * Looks for level shifts in an annual series.
 *
 * Rule: take the log change from each year to the next where both years have a value above
 * zero (a change from or to zero has no ratio, and a change across a missing year is not a
 * year-to-year change). A year is a level shift when its change is beyond ×SHIFT_MIN_RATIO
 * either way and lies more than SHIFT_MIN_ROBUST_Z robust standard deviations from the
 * median of all the other changes. Median and median absolute deviation, not mean and
 * standard deviation, so the shift itself and a rebound the year after cannot hide each
 * other. A jump the next year all but takes back is a spike, and that next year's change is
 * not reported again. Fewer than SHIFT_MIN_CHANGES changes say nothing about what is
 * typical: the scan is then "too short". Each shift says what explains it: a known break
 * starting that year (it has a name and a source), else a `b` flag in that year, else
 * nothing (a possible break).
 */
export function detectLevelShifts(
  values: YearValues,
  explained: { flagged?: Iterable<number>; known?: readonly KnownBreak[] } = {}
): ShiftScan {
  const changes: { year: number; log: number }[] = [];
  for (const [year, value] of [...values].sort(([a], [b]) => a - b)) {
    const previous = values.get(year - 1);
    if (previous !== undefined && previous > 0 && value > 0)
      changes.push({ year, log: Math.log(value / previous) });
  }
  if (changes.length < SHIFT_MIN_CHANGES) return { kind: 'too-short', changes: changes.length };

  const flagged = new Set(explained.flagged ?? []);
  const shifts: LevelShift[] = [];
  for (const change of changes) {
    if (Math.abs(change.log) <= Math.log(SHIFT_MIN_RATIO)) continue;
    // The fall after a spike is the spike's end, not a shift of its own.
    if (shifts.at(-1)?.year === change.year - 1 && shifts.at(-1)?.shape === 'spike') continue;
    const others = changes.filter((c) => c !== change).map((c) => c.log);
    const centre = median(others);
    const spread = MAD_TO_SD * median(others.map((c) => Math.abs(c - centre)));
    const distance = change.log - centre;
    const z = spread > 0 ? distance / spread : distance === 0 ? 0 : Math.sign(distance) * Infinity;
    if (Math.abs(z) <= SHIFT_MIN_ROBUST_Z) continue;
    const known = explained.known?.find((b) => b.from === change.year);
    const before = values.get(change.year - 1) as number;
    const after = values.get(change.year) as number;
    const next = changes.find((c) => c.year === change.year + 1);
    shifts.push({
      year: change.year,
      before,
      after,
      ratio: after / before,
      percent: (after / before - 1) * 100,
      z,
      shape: next
        ? Math.abs(change.log + next.log) <= SPIKE_MAX_REMAINDER * Math.abs(change.log)
          ? 'spike'
          : 'step'
        : 'unknown',
      explanation: known
        ? { kind: 'known', known }
        : flagged.has(change.year)
          ? { kind: 'flag' }
          : { kind: 'none' }
    });
  }
  return { kind: 'scanned', changes: changes.length, shifts };
}

/** A break as the comparisons meet it: the first year of a new regime, and how it is known. */
export type SeriesBreak =
  | { year: number; kind: 'known'; known: KnownBreak }
  | { year: number; kind: 'flag' }
  | { year: number; kind: 'possible'; shift: LevelShift };

/**
 * Every break of one series, earliest first, one per year: a known break (it has a name and
 * a source) before a `b` flag, before a shift that nothing explains. A spike is left out: it
 * is one unusual year, and the years on either side of it compare.
 */
export function seriesBreaks(
  known: readonly KnownBreak[],
  flagged: Iterable<number>,
  scan: ShiftScan
): SeriesBreak[] {
  const byYear = new Map<number, SeriesBreak>();
  const add = (b: SeriesBreak) => {
    if (!byYear.has(b.year)) byYear.set(b.year, b);
  };
  for (const k of known) add({ year: k.from, kind: 'known', known: k });
  for (const year of flagged) add({ year, kind: 'flag' });
  if (scan.kind === 'scanned')
    for (const shift of scan.shifts)
      if (shift.explanation.kind === 'none' && shift.shape !== 'spike')
        add({ year: shift.year, kind: 'possible', shift });
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/**
 * The breaks a comparison of `from` with `to` crosses: those after `from` and up to `to`.
 * A break in `from` itself starts the compared stretch and is not crossed, as with the `b`
 * flag on charts.
 */
export function breaksSpanned<B extends { year: number }>(
  window: { from: number; to: number },
  breaks: readonly B[]
): B[] {
  return breaks.filter((b) => b.year > window.from && b.year <= window.to);
}

/** The shortest stretch that status, before/after or a projection can stand on. */
export const SEGMENT_MIN_YEARS = 3;

export interface Segment {
  /** First and last year with a value, both included. */
  from: number;
  to: number;
  /** The years with a value. */
  years: number[];
  /** The break the segment starts at; null for the stretch before every break. */
  startsAt: number | null;
  /** 'latest' when the years after the last break are enough, else 'longest'. */
  choice: 'latest' | 'longest';
}

/**
 * The years of a series that no break divides, for computing within one regime.
 *
 * Rule: split the years with a value at every break year (a break in year t starts a new
 * stretch at t). Take the latest stretch, the one a current status is about, when it has at
 * least SEGMENT_MIN_YEARS values; otherwise the longest (the later one on a tie). Null when
 * the series has no value.
 */
export function consistentSegment(
  values: YearValues,
  breaks: readonly { year: number }[]
): Segment | null {
  const years = [...values.keys()].sort((a, b) => a - b);
  if (years.length === 0) return null;
  const starts = [...new Set(breaks.map((b) => b.year))].sort((a, b) => a - b);
  const segments: { years: number[]; startsAt: number | null }[] = [];
  for (const year of years) {
    const startsAt = starts.filter((s) => s <= year).pop() ?? null;
    const last = segments.at(-1);
    if (last && last.startsAt === startsAt) last.years.push(year);
    else segments.push({ years: [year], startsAt });
  }
  const latest = segments[segments.length - 1];
  const choice = latest.years.length >= SEGMENT_MIN_YEARS ? 'latest' : 'longest';
  const chosen =
    choice === 'latest'
      ? latest
      : segments.reduce((best, s) => (s.years.length >= best.years.length ? s : best));
  return {
    from: chosen.years[0],
    to: chosen.years[chosen.years.length - 1],
    years: chosen.years,
    startsAt: chosen.startsAt,
    choice
  };
}
