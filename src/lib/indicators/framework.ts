/**
 * The programme's results framework: objectives, projects, financing and indicators, as
 * kept in datasets/programme/ro21.json and as an evaluator exports and imports it. The file
 * is written by people, so it is checked field by field and every problem is reported with
 * where it is, rather than trusted as typed.
 */

/** Text in both interface languages. */
export interface Text {
  en: string;
  ro: string;
}

export type Direction = 'up' | 'down';

/** Who set a target or a baseline value. */
export type ValueOrigin = 'programme document' | 'project description' | 'evaluator';

export interface Target {
  year: number;
  value: number;
  origin: ValueOrigin;
  source?: string;
}

export interface Baseline {
  year: number;
  /** 'from data' reads the value of the bound series in `year`. */
  value: number | 'from data';
  origin?: ValueOrigin;
}

/** A named group from the geo reference (EU27, SCHENGEN …) or an explicit list of codes. */
export type Comparator = { group: string } | { geos: string[] };

export interface Binding {
  dataset: string;
  /** Dimension → the one code that picks the series (every dimension but geo). */
  filters: Record<string, string>;
  geo: string;
}

interface IndicatorBase {
  id: string;
  objective: string;
  name: Text;
  /** Plural, as after most numbers ("handbooks"). */
  unit: Text;
  /**
   * Singular, as after 1 ("handbook"). Optional, so framework files written before it existed
   * still load; without it the plural is used after every number.
   */
  unitOne?: Text;
  direction: Direction;
  note?: Text;
  target: Target | null;
}

/** An outcome measured by a published statistic. */
export interface StatisticIndicator extends IndicatorBase {
  kind: 'statistic';
  binding: Binding;
  baseline: Baseline;
  comparator: Comparator;
}

export interface Achieved {
  year: number;
  value: number;
  origin: 'published' | 'evaluator';
  source?: string;
}

/** An output the programme or a project reports (people trained, handbooks …). */
export interface ReportedIndicator extends IndicatorBase {
  kind: 'reported';
  project: string;
  /** null: not published. */
  achieved: Achieved | null;
  source: string;
}

export type Indicator = StatisticIndicator | ReportedIndicator;

export interface Objective {
  id: string;
  number: number;
  title: Text;
  /** True when no published statistic measures the objective. */
  noStatistic: boolean;
}

export interface Cost {
  value: number;
  source: string;
}

export interface Project {
  id: string;
  /** null: the project number is not published. */
  number: string | null;
  title: string;
  promoter: { code: string; name: string };
  /** The budget in the programme description, in euro. */
  budget: number;
  initialCost: Cost | null;
  finalCost: Cost | null;
  outcomes: Text[];
  source: string;
}

export interface FinancingLine {
  id: string;
  label: Text;
  amount: number;
  /** Percent of the total. */
  share: number;
}

export interface ProgrammeEvent {
  /** YYYY-MM-DD, or YYYY-MM when only the month is known. */
  date: string;
  project?: string;
  label: Text;
  source: string;
}

/** What a known break applies to, among the series of its country. */
export interface BreakScope {
  /** Datasets whose series of the break's country (or of its regions) are affected. */
  datasets: string[];
  /**
   * Dimension → the codes affected (iccs: the offences whose definition changed). Every
   * series of the datasets when left out.
   */
  codes?: Record<string, string[]>;
}

export interface BreakSource {
  url: string;
  /** What the page says that documents the break, so a reader can check it. */
  says: string;
}

/**
 * A known break in series: a change of law or of recording practice from which a country's
 * figures are not comparable with those before, whether or not the publisher flagged it.
 */
export interface KnownBreak {
  id: string;
  geo: string;
  /** The first year whose figures are recorded under the new regime. */
  from: number;
  /** The day (or month) the new regime took effect, where known. */
  date?: string;
  kind: 'law' | 'recording';
  affects: BreakScope;
  /** A few words that name the break in a sentence: "new Criminal Code". */
  label: Text;
  description: Text;
  sources: BreakSource[];
}

export interface Framework {
  format: 'cooperare-results-framework';
  version: 1;
  programme: {
    code: string;
    title: Text;
    /** Text in both languages; a plain text (older exported files) is shown as it is in either. */
    operator: Text | string;
    donorPartner: Text | string;
    approved: string;
    eligibleUntil: string;
    sources: string[];
    /**
     * The year the source pages were read: web pages carry no release date, so this dates the
     * figures taken from them. Optional, so framework files exported before it
     * existed still load.
     */
    sourcesReadIn?: string;
  };
  generalObjective: Text;
  financing: { total: number; lines: FinancingLine[]; source: string };
  events: ProgrammeEvent[];
  evaluation: { beforeYears: number[]; afterYears: number[] };
  objectives: Objective[];
  projects: Project[];
  indicators: Indicator[];
  /** Optional, so framework files exported before breaks were kept still load. */
  breaks?: KnownBreak[];
}

export type FrameworkResult = { ok: true; framework: Framework } | { ok: false; errors: string[] };
