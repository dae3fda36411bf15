import { afterFirstChart, ensureTable, getDataset } from '$lib/catalog/registry';
import { queries } from '$lib/db/query-manager';
import type { DatasetManifest } from '$lib/model/manifest';
import { comparatorGeos } from '$lib/indicators/comparator-group';
import {
  assessStatistic,
  valuesByGeo,
  type StatisticAssessment,
  type YearValues
} from '$lib/indicators/evaluate';
import { indicatorOutlook, type IndicatorOutlook } from '$lib/indicators/outlook';
import type { Framework, StatisticIndicator } from '$lib/indicators/framework';
import { indicatorSeriesRequest } from '$lib/query/indicator';
import { m } from '$lib/i18n';
import type { ObservationRow } from '$lib/model/observation';
import { observationsFromTable, seriesSql } from '$lib/query/series';

export interface IndicatorData {
  dataset: DatasetManifest;
  /** The indicator's own series as published, flags included, for the chart and table. */
  ownRows: ObservationRow[];
  assessment: StatisticAssessment;
  /** Breaks, projection and synthetic control, with the programme's defaults. */
  outlook: IndicatorOutlook;
  /** Every country read, own and comparators, for a synthetic control the evaluator changes. */
  byGeo: Map<string, YearValues>;
  comparatorGeos: string[];
}

/** Reads the indicator's country and its comparator countries in one query, once per binding. */
function readRows(indicator: StatisticIndicator, geos: string[]) {
  const spec = { dataset: indicator.binding.dataset, filters: indicator.binding.filters, geos };
  return queries.run({
    key: `indicator:${JSON.stringify(spec)}`,
    run: async () => {
      // On the home page the homicide chart's query goes first; the table loads meanwhile.
      const [engine, dataset] = await Promise.all([
        ensureTable(spec.dataset),
        getDataset(spec.dataset),
        afterFirstChart()
      ]);
      if (!dataset) throw new Error(m.a11y_loading_no_dataset({ id: spec.dataset }));
      const table = await engine.query(seriesSql(indicatorSeriesRequest(spec)));
      return { dataset, rows: observationsFromTable(table) };
    }
  });
}

/** The data and the evaluation of one statistic indicator under the current framework. */
export async function loadIndicator(
  indicator: StatisticIndicator,
  framework: Framework
): Promise<IndicatorData> {
  const own = indicator.binding.geo;
  const comparators = comparatorGeos(indicator.comparator, own);
  const { dataset, rows } = await readRows(indicator, [own, ...comparators]);
  const ownRows = rows.filter((r) => r.series === own);
  const byGeo = valuesByGeo(rows);
  return {
    dataset,
    ownRows,
    assessment: assessStatistic(indicator, byGeo, comparators, framework.evaluation),
    outlook: indicatorOutlook({
      indicator,
      framework,
      rows: ownRows,
      byGeo,
      comparatorGeos: comparators,
      presentYear: new Date().getFullYear()
    }),
    byGeo,
    comparatorGeos: comparators
  };
}
