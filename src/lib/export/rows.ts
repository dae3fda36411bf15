import type { DatasetManifest } from '$lib/model/manifest';
import type { ChartSeries } from '$lib/charts/types';
import { codeName } from '$lib/i18n/dataset-words';
import { splitSeriesKey } from '$lib/query/series';

/** One dimension of an exported observation: its code and its label as the screen shows it. */
export interface ExportDimension {
  id: string;
  code: string;
  label: string;
}

/** One observation exactly as a chart draws it, with everything a reader needs to trace it. */
export interface ExportRow {
  dataset: string;
  dimensions: ExportDimension[];
  period: string;
  value: number | null;
  unit: string;
  flag: string | null;
  /** Present on a projected value, never on a published one: its prediction intervals. */
  projection?: ProjectionBounds;
}

export interface ProjectionBounds {
  lower80: number;
  upper80: number;
  lower95: number;
  upper95: number;
}

/** What a chart was drawn from: the dataset, the codes it kept and the series dimension. */
export interface DrawnSelection {
  datasetId: string;
  dataset: DatasetManifest | null;
  /** Dimension id → codes kept; the other dimensions each hold one code. */
  filters: Record<string, readonly string[]>;
  seriesBy: string;
  /** A second dimension whose codes vary, joined to the series' in each series key. */
  panelBy?: string | null;
  unit: string;
}

/** A code's label in the interface language where it has one, as on screen, else the publisher's. */
function codeLabel(dataset: DatasetManifest | null, dimension: string, code: string): string {
  const codes = dataset?.dimensions.find((d) => d.id === dimension)?.codes;
  return codeName(dataset, dimension, code, codes?.find((c) => c.code === code)?.label ?? code);
}

/**
 * The rows of a chart's download: one per point drawn, in the chart's series order, each
 * with every dimension of the selection (series dimension included) in the dataset's order.
 */
export function exportRowsFromSeries(
  series: readonly ChartSeries[],
  selection: DrawnSelection
): ExportRow[] {
  const order = selection.dataset
    ? selection.dataset.dimensions.map((d) => d.id).filter((id) => id in selection.filters)
    : Object.keys(selection.filters);
  if (!order.includes(selection.seriesBy)) order.push(selection.seriesBy);
  const codeIn = (id: string, key: string) => {
    const { code, panel } = splitSeriesKey(key);
    if (id === selection.seriesBy) return code;
    if (id === selection.panelBy && panel !== null) return panel;
    return selection.filters[id]?.[0] ?? '';
  };
  return series.flatMap((s) =>
    s.points.map((point) => ({
      dataset: selection.datasetId,
      dimensions: order.map((id) => {
        const code = codeIn(id, s.key);
        return { id, code, label: codeLabel(selection.dataset, id, code) };
      }),
      period: point.period,
      value: point.value,
      unit: selection.unit,
      flag: point.flag
    }))
  );
}

/**
 * Rows for projected values, shaped like the published row they continue (same dataset and
 * dimensions), each carrying its intervals so no download can pass one off as published.
 */
export function projectedRows(
  last: ExportRow,
  values: readonly ({ year: number; value: number } & ProjectionBounds)[]
): ExportRow[] {
  return values.map(({ year, value, lower80, upper80, lower95, upper95 }) => ({
    ...last,
    period: String(year),
    value,
    flag: null,
    projection: { lower80, upper80, lower95, upper95 }
  }));
}
