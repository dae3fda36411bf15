import type { FigureShare } from '$lib/export/ChartFigure.svelte';
import type { ExportRow } from '$lib/export/rows';
import { changedText, withEdits, type ChartText, type ChartTextEdits } from '$lib/model/chart-text';
import { withChartTextParams } from '$lib/state/chart-text-params';
import { programmeChartHref, type ProgrammeChart } from '$lib/state/programme-chart';

/**
 * The share menu of a programme chart: the text with the presenter's edits; the page link
 * shows it among the others, the embed opens it as worded here.
 */
export function programmeShare(
  chart: ProgrammeChart,
  text: ChartText,
  edits: ChartTextEdits,
  rows: readonly ExportRow[],
  files: { fileStem?: string; embedHeight?: number } = {}
): FigureShare {
  return {
    text: withEdits(text, edits),
    rows,
    permalink: programmeChartHref(chart, 'page'),
    embedUrl: withChartTextParams(programmeChartHref(chart, 'embed'), changedText(edits)),
    ...files
  };
}
