import { formatComputed, formatNumber, m } from '$lib/i18n';
import type { Status } from '$lib/indicators/evaluate';
import type { Indicator } from '$lib/indicators/framework';
import type { IndicatorData } from '../programme/indicator-data';
import { breakLabel, verdictShortText } from '../programme/outlook-text';
import { countWithUnit } from '../programme/text';

/** One indicator as the summary table reads it: its status, and its data once loaded. */
export interface SummaryRow {
  indicator: Indicator;
  status: Status | null;
  /** Statistics only, once their series are read. */
  data: IndicatorData | null;
}

/**
 * A column of the summary table after the indicator and its status: a heading, and the
 * text of a cell (null shows a dash). A later reading of the data (a projection's verdict,
 * a synthetic control's gap) is a column more, written here in one line.
 */
export interface SummaryColumn {
  id: string;
  heading: () => string;
  cell: (row: SummaryRow) => string | null;
}

const one = (v: number) => formatNumber(Math.round(v * 10) / 10);
const signed = (v: number) => (v > 0 ? `+${one(v)}` : one(v));
const dated = (text: string, year: number) => `${text} (${year})`;

function amount(indicator: Indicator, value: number): string {
  return indicator.kind === 'reported' ? countWithUnit(value, indicator) : formatNumber(value);
}

export const SUMMARY_COLUMNS: readonly SummaryColumn[] = [
  {
    id: 'latest',
    heading: m.programme_summary_latest,
    cell: ({ indicator, status }) =>
      status?.latest ? dated(amount(indicator, status.latest.value), status.latest.year) : null
  },
  {
    id: 'baseline',
    heading: m.programme_baseline,
    cell: ({ status }) =>
      status?.baseline ? dated(formatNumber(status.baseline.value), status.baseline.year) : null
  },
  {
    id: 'target',
    heading: m.programme_target,
    cell: ({ indicator }) =>
      indicator.target
        ? dated(amount(indicator, indicator.target.value), indicator.target.year)
        : null
  },
  {
    id: 'comparator',
    heading: m.programme_summary_comparator,
    cell: ({ data }) =>
      data?.assessment.comparator.kind === 'ok'
        ? signed(data.assessment.comparator.difference)
        : null
  },
  {
    id: 'verdict',
    heading: m.programme_summary_verdict,
    cell: ({ indicator, data }) => {
      const outlook = data?.outlook.projection.outlook;
      if (indicator.kind !== 'statistic' || data === null) return null;
      return outlook ? verdictShortText(outlook) : m.programme_summary_no_target();
    }
  },
  {
    id: 'synthetic',
    heading: m.programme_summary_synthetic,
    cell: ({ data }) => {
      const { control, placebo } = data?.outlook.synthetic ?? {};
      if (control?.kind !== 'ok' || control.meanPostGap === null) return null;
      const gap =
        control.meanPostGap > 0
          ? `+${formatComputed(control.meanPostGap)}`
          : formatComputed(control.meanPostGap);
      return placebo?.kind === 'ok' ? `${gap} (p = ${formatComputed(placebo.pValue)})` : gap;
    }
  },
  {
    id: 'breaks',
    heading: m.programme_summary_breaks,
    cell: ({ data }) =>
      data && data.outlook.breaks.length > 0
        ? data.outlook.breaks.map((b) => `${b.year} (${breakLabel(b)})`).join('; ')
        : null
  }
];
