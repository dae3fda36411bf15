import type { DatasetManifest, DimensionCode, DimensionManifest } from '$lib/model/manifest';
import { codeName } from '../i18n/dataset-words';

/**
 * Which codes the explorer draws. Two dimensions may vary at once: one makes the series (the
 * lines, bars, slopes), the other the panels they are drawn in (as OWID's charts facet by
 * entity or by metric). Every other dimension is held at one code, which is what the
 * transform SQL needs (one observation per series and period).
 */

/** How many dimensions may have several codes chosen at once: the series' and the panels'. */
export const MAX_VARYING_DIMENSIONS = 2;

/**
 * The dimension whose codes are the series: `geo` unless another dimension alone has several
 * codes chosen (several offences for one country); without any multiple choice, `geo`, else
 * the first dimension with more than one code.
 */
export function seriesDimension(
  dataset: DatasetManifest,
  selections: Record<string, readonly string[]>
): string | null {
  const dimensions = dataset.dimensions;
  if (dimensions.length === 0) return null;
  const several = dimensions.filter((d) => (selections[d.id]?.length ?? 0) > 1);
  const geo = dimensions.find((d) => d.id === 'geo');
  if (geo && (several.length === 0 || several.includes(geo))) return geo.id;
  if (several.length > 0) return several[0].id;
  return (dimensions.find((d) => d.codes.length > 1) ?? dimensions[0]).id;
}

/**
 * The dimension whose codes are the panels: the first, in the dataset's order, other than the
 * series one with several codes chosen; null when only the series vary.
 */
export function panelDimension(
  dataset: DatasetManifest,
  selections: Record<string, readonly string[]>,
  seriesBy: string
): string | null {
  return (
    dataset.dimensions.find((d) => d.id !== seriesBy && (selections[d.id]?.length ?? 0) > 1)?.id ??
    null
  );
}

/** The filters a query uses: every code of the series and panel dimensions, the first of the others. */
export function queryFilters(
  dataset: DatasetManifest,
  selections: Record<string, readonly string[]>,
  seriesBy: string,
  panelBy: string | null = null
): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  for (const dimension of dataset.dimensions) {
    const chosen = selections[dimension.id] ?? [];
    const all = dimension.id === seriesBy || dimension.id === panelBy;
    filters[dimension.id] = all ? [...chosen] : chosen.slice(0, 1);
  }
  return filters;
}

/**
 * Dimensions other than the series and panel ones with several codes chosen (a link may
 * carry a third): only their first is drawn.
 */
export function ignoredChoices(
  dataset: DatasetManifest,
  selections: Record<string, readonly string[]>,
  seriesBy: string,
  panelBy: string | null = null
): DimensionManifest[] {
  return dataset.dimensions.filter(
    (d) => d.id !== seriesBy && d.id !== panelBy && (selections[d.id]?.length ?? 0) > 1
  );
}

/**
 * Selections after the user ticks or unticks `code` in `dimensionId`. Two dimensions may have
 * several codes at a time: ticking a second code in a third dimension replaces that
 * dimension's code instead of adding to it. The last code of a dimension cannot be removed.
 */
export function toggleCode(
  dataset: DatasetManifest,
  selections: Record<string, readonly string[]>,
  dimensionId: string,
  code: string
): Record<string, string[]> {
  const next: Record<string, string[]> = Object.fromEntries(
    Object.entries(selections).map(([id, codes]) => [id, [...codes]])
  );
  const current = next[dimensionId] ?? [];
  if (current.includes(code)) {
    if (current.length > 1) next[dimensionId] = current.filter((c) => c !== code);
    return next;
  }
  const othersVarying = dataset.dimensions.filter(
    (d) => d.id !== dimensionId && (selections[d.id]?.length ?? 0) > 1
  ).length;
  next[dimensionId] = othersVarying >= MAX_VARYING_DIMENSIONS ? [code] : [...current, code];
  return next;
}

/** Codes of a group that the dimension has, in the group's order. */
export function groupCodes(dimension: DimensionManifest, group: readonly string[]): string[] {
  const known = new Set(dimension.codes.map((c) => c.code));
  return group.filter((code) => known.has(code));
}

/** The text a search compares against: code and label, lower case, without accents. */
function searchKey(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * How well a code matches the search words: 0 when the search is the start of its code
 * ("RO" for RO, RO1, RO111: a reader typing a code means that code and the regions under it),
 * 1 when each word starts a word of its name, 2 when each is found anywhere, null otherwise.
 */
function matchRank(code: string, name: string, words: readonly string[]): 0 | 1 | 2 | null {
  const key = searchKey(`${code} ${name}`);
  if (!words.every((word) => key.includes(word))) return null;
  if (words.length === 1 && searchKey(code).startsWith(words[0])) return 0;
  const starts = searchKey(name).split(/[^\p{L}\p{N}]+/u);
  return words.every((word) => starts.some((start) => start.startsWith(word))) ? 1 : 2;
}

/**
 * Codes matching a search in their code or label (every word must match): codes starting
 * with the search first, then names with words starting with it, then the rest; within each,
 * codes that have data first, in the dimension's order. At most `limit` are returned, so a
 * list of 1 682 regions never renders whole; `total` says how many matched.
 */
export function searchCodes(
  codes: readonly DimensionCode[],
  query: string,
  withData: ReadonlySet<string> | null,
  limit: number,
  label: (code: DimensionCode) => string = (c) => c.label
): { shown: DimensionCode[]; total: number } {
  const words = searchKey(query).split(/\s+/).filter(Boolean);
  const noData = (c: DimensionCode) => (withData && !withData.has(c.code) ? 1 : 0);
  // Without a search every code matches: the pickers ask again after each change of the
  // view, and folding every label for nothing took a few milliseconds of each change.
  const ranked =
    words.length === 0
      ? codes.map((code, index) => ({ code, rank: 0, index }))
      : codes.flatMap((code, index) => {
          const rank = matchRank(code.code, label(code), words);
          return rank === null ? [] : [{ code, rank, index }];
        });
  const ordered = ranked
    .sort((a, b) => a.rank - b.rank || noData(a.code) - noData(b.code) || a.index - b.index)
    .map((r) => r.code);
  return { shown: ordered.slice(0, limit), total: ordered.length };
}

/**
 * How a code in a dimension is named on screen: in the interface language where it has a
 * name in it, else by the manifest's label, or the code itself when the manifest has none.
 */
export function codeLabel(
  dataset: DatasetManifest,
  dimension: DimensionManifest | undefined,
  code: string
): string {
  const label = dimension?.codes.find((c) => c.code === code)?.label;
  return dimension ? codeName(dataset, dimension.id, code, label ?? code) : code;
}

/**
 * Labels of the codes held fixed (dimensions other than the series one), for the chart's
 * title, and of the panels' codes together (“Burglary, Theft”), so the title names both
 * dimensions that vary; dimensions with a single code in the whole dataset say nothing and
 * are left out.
 */
export function fixedChoiceLabels(
  dataset: DatasetManifest,
  filters: Record<string, readonly string[]>,
  seriesBy: string,
  panelBy: string | null = null
): string[] {
  return dataset.dimensions
    .filter((d) => d.id !== seriesBy && d.codes.length > 1 && (filters[d.id]?.length ?? 0) > 0)
    .map((d) =>
      d.id === panelBy
        ? filters[d.id].map((code) => codeLabel(dataset, d, code)).join(', ')
        : codeLabel(dataset, d, filters[d.id][0])
    );
}

/**
 * The held choices a title names: the unit is said apart (in the title's unit part, or on an
 * axis), and “Total” says nothing (GLOTIP would read “Total, Total, Total, Total”).
 */
export function titleChoiceLabels(
  dataset: DatasetManifest,
  filters: Record<string, readonly string[]>,
  seriesBy: string,
  panelBy: string | null = null
): string[] {
  return fixedChoiceLabels(dataset, { ...filters, unit: [] }, seriesBy, panelBy).filter(
    (label) => !/^total$/i.test(label.trim())
  );
}
