/**
 * A measure of the scatter as the explorer's own series query: the dataset, one code per
 * dimension, every unit as a series, and `none` or `rate` as the transform. Planned with
 * planExplore, so a measure's value is exactly what the line chart of that choice shows.
 */
import { codeLabel, titleChoiceLabels } from '../selection';
import { planExplore, POPULATION_DATASET_ID } from '../plan';
import { datasetTitle } from '$lib/i18n/dataset-words';
import { lowerInitial } from '$lib/i18n';
import { m } from '$lib/i18n/messages';
import type { DatasetManifest } from '$lib/model/manifest';
import { defaultSelection, defaultViewState } from '$lib/state/defaults';
import { transformDefinition, transformSql } from '$lib/query/transforms';

export type Role = 'x' | 'y' | 'size';

/** What the view asks of one measure. */
export interface MeasureChoice {
  dataset: DatasetManifest;
  /** Dimension id → code; a dimension left out, or a code the dataset lacks, takes its default. */
  selections: Record<string, string>;
  rate: boolean;
}

/** A measure ready to query: its SQL and the words that name it on screen. */
export interface PlannedMeasure {
  dataset: DatasetManifest;
  /** The one code kept of each dimension but geo. */
  codes: Record<string, string>;
  rate: boolean;
  sql: string;
  /** What it measures (“Recorded offences, Theft”), without the unit. */
  label: string;
  /** Its unit (“Per hundred thousand inhabitants”), after the rate if any. */
  unit: string;
  computedRate: boolean;
}

/** The code kept of each dimension other than geo: the choice if the dataset has it. */
export function measureCodes(
  dataset: DatasetManifest,
  selections: Record<string, string>
): Record<string, string> {
  const codes: Record<string, string> = {};
  for (const dimension of dataset.dimensions) {
    if (dimension.id === 'geo') continue;
    const chosen = selections[dimension.id];
    codes[dimension.id] = dimension.codes.some((c) => c.code === chosen)
      ? chosen
      : (defaultSelection(dataset, dimension)[0] ?? '');
  }
  return codes;
}

/**
 * The measure's SQL over the periods `from`…`to`, every unit of the dataset a series; an
 * error value with the reader's reason when it cannot be had (no geo, no rate possible).
 */
export function planMeasure(
  choice: MeasureChoice,
  from: string,
  to: string,
  population: DatasetManifest | null
): PlannedMeasure | { error: string } {
  const { dataset } = choice;
  const geo = dataset.dimensions.find((d) => d.id === 'geo');
  if (!geo || geo.codes.length < 2)
    return { error: m.scatter_needs_geo({ dataset: datasetTitle(dataset) }) };
  const codes = measureCodes(dataset, choice.selections);
  const state = {
    ...defaultViewState(dataset.id, dataset),
    selections: {
      ...Object.fromEntries(Object.entries(codes).map(([id, code]) => [id, [code]])),
      geo: geo.codes.map((c) => c.code)
    },
    time: { from, to },
    transform: choice.rate ? ('rate' as const) : ('none' as const)
  };
  const plan = planExplore(state, dataset, choice.rate ? population : null);
  if ('error' in plan) return plan;
  const query = transformSql(plan.request, plan.spec);
  if ('error' in query) return query;
  const unitDimension = dataset.dimensions.find((d) => d.id === 'unit');
  const publishedUnit =
    plan.spec.kind === 'rate' && plan.spec.plan.kind === 'published'
      ? codeLabel(dataset, unitDimension, plan.spec.plan.unitCode)
      : unitDimension
        ? codeLabel(dataset, unitDimension, codes.unit ?? '')
        : '';
  const unit = transformDefinition(state.transform).unit({
    published: publishedUnit,
    from,
    to,
    base: null,
    computedRate: plan.needsPopulation
  });
  const fixed = titleChoiceLabels(dataset, plan.request.filters, 'geo');
  return {
    dataset,
    codes,
    rate: choice.rate,
    sql: query.sql,
    label: [datasetTitle(dataset), ...fixed.map(lowerInitial)].join(', '),
    unit,
    computedRate: plan.needsPopulation
  };
}

/** The population table a rate computed from counts divides by. */
export { POPULATION_DATASET_ID };
