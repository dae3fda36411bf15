import type { ChartSeries } from '$lib/charts/types';
import type { ExportRow } from '$lib/export/rows';
import { m } from '$lib/i18n/messages';
import type { SeriesBreak } from '$lib/indicators/breaks';
import type { YearValues } from '$lib/indicators/evaluate';
import { syntheticAnalysis, type SyntheticAnalysis } from '$lib/indicators/outlook';
import { MIN_PRE_PERIODS, type SyntheticControl } from '$lib/indicators/synthetic-control';
import type { DatasetManifest } from '$lib/model/manifest';
import { periodToNumber } from '$lib/model/period';
import { unitDimension } from '$lib/state/analysis-params';
import type { ViewState } from '$lib/state/view-state';
import { chosenDonors } from './pool';

/** The explorer's synthetic control, or why there is none, in words the reader can act on. */
export type ExploreSynthetic =
  { kind: 'problem'; message: string } | { kind: 'ok'; analysis: SyntheticAnalysis };

export interface SyntheticInput {
  state: ViewState;
  dataset: DatasetManifest;
  /** One series per unit, as queried for the synthetic view (see pool.ts). */
  series: readonly ChartSeries[];
  /** The window's first and last period. */
  from: string;
  to: string;
  /** How a unit and the unit dimension are named on screen. */
  name: (code: string) => string;
  dimensionName: string;
  /** The treated series' breaks, which the comparison may span. */
  breaks: readonly SeriesBreak[];
}

/**
 * Checks the link's treated unit and start against the data, then fits the synthetic control
 * (indicators/outlook.ts, the same as the programme's) with its placebos and leave-one-out
 * runs. The donors are the unit selection without the treated unit, or every unit when none
 * is chosen; units with gaps before the start are left out by the fit, which names them.
 */
export function exploreSynthetic(input: SyntheticInput): ExploreSynthetic {
  const { state, dataset, name } = input;
  const problem = (message: string) => ({ kind: 'problem', message }) as const;
  const unitId = unitDimension(dataset);
  if (unitId === null) return problem(m.analysis_synthetic_no_units());
  const dimension = input.dimensionName;
  const raw = state.synthetic?.treated ?? null;
  if (raw === null) return problem(m.analysis_synthetic_no_treated({ dimension }));
  const codes = dataset.dimensions.find((d) => d.id === unitId)?.codes ?? [];
  if (!codes.some((c) => c.code === raw))
    return problem(m.analysis_synthetic_unknown_treated({ value: raw, dimension }));

  const periods = dataset.time.periods.filter((p) => p >= input.from && p <= input.to);
  const allowed = periods.slice(MIN_PRE_PERIODS);
  const range = { from: allowed[0] ?? input.to, to: input.to };
  const start = state.synthetic?.start ?? null;
  if (allowed.length === 0) return problem(m.analysis_synthetic_window_short(range));
  if (start === null) return problem(m.analysis_synthetic_no_start(range));
  if (!allowed.includes(start))
    return problem(m.analysis_synthetic_bad_start({ value: start, ...range }));

  const chosen = chosenDonors(state, dataset);
  if (chosen.length === 1)
    return problem(m.analysis_synthetic_one_donor({ unit: name(chosen[0]), dimension }));

  const byUnit = new Map<string, YearValues>();
  for (const s of input.series) {
    const values: YearValues = new Map();
    for (const p of s.points) if (p.value !== null) values.set(p.x, p.value);
    byUnit.set(s.key, values);
  }
  const donors = chosen.length > 0 ? chosen : [...byUnit.keys()].filter((u) => u !== raw);
  const analysis = syntheticAnalysis(
    byUnit,
    { treated: raw, donors, firstTreatedYear: periodToNumber(start) },
    input.breaks
  );
  const { control } = analysis;
  if (control.kind === 'ok' && control.donors.length < 2)
    return problem(
      m.analysis_synthetic_few_donors({
        count: control.donors.length,
        left: control.leftOut.map((l) => name(l.unit)).join(', ') || '–'
      })
    );
  return { kind: 'ok', analysis };
}

/**
 * A synthetic control's download: the treated unit's rows as published, then its synthetic
 * twin's (code `synthetic`, named `twin`) in the periods the twin has a value.
 */
export function syntheticExportRows(
  control: SyntheticControl,
  rows: readonly ExportRow[],
  seriesBy: string,
  twin: string
): ExportRow[] {
  const treated = control.treated;
  const own = rows.filter((r) => r.dimensions.find((d) => d.id === seriesBy)?.code === treated);
  const byPeriod = new Map(control.rows.map((r) => [r.period, r]));
  const synthetic = own.flatMap((row) => {
    const fit = byPeriod.get(periodToNumber(row.period));
    if (!fit || fit.synthetic === null) return [];
    const dimensions = row.dimensions.map((d) =>
      d.id === seriesBy ? { ...d, code: 'synthetic', label: twin } : d
    );
    return [{ ...row, dimensions, value: fit.synthetic, flag: null }];
  });
  return [...own, ...synthetic];
}
