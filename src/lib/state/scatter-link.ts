/**
 * The scatter view's part of an explorer link (docs/permalinks.md, “Scatter”). The x measure
 * is the link's own dataset and codes (`ds`, `<dimension>=`, `transform=rate`), so every
 * explorer link stays what it was; the y measure and the optional size measure are named by
 * `y=` and `size=`, their codes by `y.<dimension>=` and `size.<dimension>=`, and
 * `trails=1` draws each unit's path over the time window. Version 1 of the scheme: the
 * parameters are new, so no older link has them and none needs migrating.
 */
import { linkNote, type LinkNote } from './link-note';
import { quotedValue } from './note-text';

/** One measure other than x: a dataset, one code per dimension, and whether it is a rate. */
export interface MeasureLink {
  dataset: string;
  /** Dimension id → the one code kept; a dimension left out takes its default. */
  selections: Record<string, string>;
  /** Per 100 000 inhabitants (`<role>.transform=rate`), as the explorer's `transform=rate`. */
  rate: boolean;
}

export interface ScatterLink {
  y: MeasureLink;
  size: MeasureLink | null;
  trails: boolean;
}

export const MEASURE_ROLES = ['y', 'size'] as const;
export type MeasureRole = (typeof MEASURE_ROLES)[number];

const CODE_SHAPE = /^[A-Za-z0-9_.-]{1,60}$/;
const DATASET_SHAPE = /^[A-Za-z0-9_.-]{1,80}$/;
const DIMENSION_SHAPE = /^[a-z][a-z0-9_]{0,39}$/;

/** Whether a link parameter belongs to the scatter (so the explorer does not call it unknown). */
export function isScatterParam(name: string): boolean {
  return (
    name === 'trails' || MEASURE_ROLES.some((role) => name === role || name.startsWith(`${role}.`))
  );
}

/**
 * The y measure of a link without `y=`: recorded offences per 100 000 inhabitants, or, when x
 * is that dataset already, third-country nationals found illegally present per 100 000.
 */
export function defaultYMeasure(xDataset: string): MeasureLink {
  return xDataset === 'crim_off_cat'
    ? { dataset: 'migr_eipre', selections: {}, rate: true }
    : { dataset: 'crim_off_cat', selections: {}, rate: false };
}

function readMeasure(
  params: URLSearchParams,
  role: MeasureRole,
  notes: LinkNote[]
): MeasureLink | null {
  const dataset = params.get(role)?.trim() ?? '';
  if (dataset === '') return null;
  if (!DATASET_SHAPE.test(dataset)) {
    notes.push(linkNote('a11y_note_unreadable', { values: [role] }));
    return null;
  }
  const selections: Record<string, string> = {};
  let rate = false;
  const unreadable: string[] = [];
  for (const [name, raw] of params) {
    if (!name.startsWith(`${role}.`)) continue;
    const dimension = name.slice(role.length + 1);
    const value = raw.trim();
    if (dimension === 'transform') {
      if (value === 'rate') rate = true;
      else if (value !== 'none')
        notes.push(linkNote('a11y_note_unknown_transform', { value: quotedValue(value) }));
    } else if (DIMENSION_SHAPE.test(dimension) && CODE_SHAPE.test(value)) {
      // One point per unit: a measure keeps one code of each dimension, the first given.
      selections[dimension] ??= value.split(',')[0];
    } else unreadable.push(name);
  }
  if (unreadable.length > 0) notes.push(linkNote('a11y_note_unreadable', { values: unreadable }));
  return { dataset, selections, rate };
}

/** The scatter's measures and trails as a link gives them; y defaults by the x dataset. */
export function readScatterParams(
  params: URLSearchParams,
  xDataset: string,
  notes: LinkNote[]
): ScatterLink {
  const trails = params.get('trails')?.trim();
  if (trails !== undefined && trails !== '0' && trails !== '1')
    notes.push(linkNote('a11y_note_unreadable', { values: ['trails'] }));
  return {
    y: readMeasure(params, 'y', notes) ?? defaultYMeasure(xDataset),
    size: readMeasure(params, 'size', notes),
    trails: trails === '1'
  };
}

/** Writes the scatter's parameters: y, its codes, size and its codes, trails. */
export function writeScatterParams(params: URLSearchParams, scatter: ScatterLink): void {
  for (const role of MEASURE_ROLES) {
    const measure = scatter[role];
    if (!measure) continue;
    params.set(role, measure.dataset);
    for (const [dimension, code] of Object.entries(measure.selections))
      params.set(`${role}.${dimension}`, code);
    if (measure.rate) params.set(`${role}.transform`, 'rate');
  }
  if (scatter.trails) params.set('trails', '1');
}
