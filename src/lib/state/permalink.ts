import type { DatasetManifest, DimensionManifest } from '$lib/model/manifest';
import { DEFAULT_DATASET_ID, defaultSelection, defaultViewState } from './defaults';
import { migrateParams } from './migrations';
import {
  CHART_TEXT_PARAMS,
  readChartTextParams,
  textCutNote,
  writeChartTextParams
} from './chart-text-params';
import { ANALYSIS_PARAMS, readAnalysisParams, writeAnalysisParams } from './analysis-params';
import { linkNote, type LinkNote } from './link-note';
import { ANNOTATION_PARAM, readAnnotationParams, writeAnnotationParams } from './annotation-params';
import { quotedValue, withoutHiddenCharacters } from './note-text';
import { isScatterParam, readScatterParams, writeScatterParams } from './scatter-link';
import { formatTimeParam, parseTimeParam, readBasePeriod } from './time-param';
import {
  GEO_VIEWS,
  PERMALINK_VERSION,
  SCALES,
  TRANSFORMS,
  TWO_PERIOD_TRANSFORMS,
  TWO_PERIOD_VIEWS,
  VIEWS,
  type Scale,
  type Transform,
  type View,
  type ViewState
} from './view-state';

/**
 * Parameter names of the scheme. A dataset dimension with one of these ids cannot be set
 * from a link and always takes its default.
 */
export const RESERVED_PARAMS = ['ds', 'time', 'view', 'transform', 'base', 'scale', 'v'] as const;
const RESERVED: ReadonlySet<string> = new Set([
  ...RESERVED_PARAMS,
  ...ANALYSIS_PARAMS,
  ...CHART_TEXT_PARAMS,
  ANNOTATION_PARAM
]);

/**
 * The names a link of this view gives to settings, not to dimensions: a scatter's `y`, `size`,
 * `y.<dimension>`… are read as such only in a scatter link, so a link of another view to a
 * dataset with a dimension named `size` keeps its meaning.
 */
function settingNames(view: string | null): { has: (name: string) => boolean } {
  return {
    has: (name) => RESERVED.has(name) || (view === 'scatter' && isScatterParam(name))
  };
}

/** What an unchecked code may look like when the dataset's manifest is not at hand. */
const CODE_SHAPE = /^[A-Za-z0-9_.-]{1,60}$/;
const DIMENSION_ID_SHAPE = /^[a-z][a-z0-9_]{0,39}$/;

export interface ParsedView {
  state: ViewState;
  /** One note per correction made to the link; noteText (link-note-text.ts) words it as plain text. */
  notes: LinkNote[];
}

/** The first non-empty value of a parameter; a second, different value is noted and ignored. */
function singleValue(params: URLSearchParams, name: string, notes: LinkNote[]): string | null {
  const values = params
    .getAll(name)
    .map((value) => value.trim())
    .filter((value) => value !== '');
  if (values.length === 0) return null;
  if (values.some((value) => value !== values[0]))
    notes.push(
      linkNote('a11y_note_repeated', {
        name: quotedValue(name),
        count: values.length,
        value: quotedValue(values[0])
      })
    );
  return values[0];
}

function chooseDataset(
  params: URLSearchParams,
  allDatasetIds: readonly string[],
  notes: LinkNote[]
): string {
  const fallback = allDatasetIds.includes(DEFAULT_DATASET_ID)
    ? DEFAULT_DATASET_ID
    : (allDatasetIds[0] ?? DEFAULT_DATASET_ID);
  const raw = singleValue(params, 'ds', notes);
  if (raw === null) return fallback;
  const match =
    allDatasetIds.find((id) => id === raw) ??
    allDatasetIds.find((id) => id.toLowerCase() === raw.toLowerCase());
  if (match) return match;
  notes.push(
    linkNote('a11y_note_unknown_dataset', {
      value: quotedValue(raw),
      fallback: quotedValue(fallback)
    })
  );
  return fallback;
}

/**
 * The dataset a link asks for, after migrating it, or the default when it names none this
 * build has. Load that dataset's manifest, then call parseViewParams with it.
 */
export function resolveDatasetId(
  params: URLSearchParams,
  allDatasetIds: readonly string[]
): string {
  return chooseDataset(migrateParams(readableParams(params)).params, allDatasetIds, []);
}

/**
 * The link's names and values with hidden characters removed and spaces trimmed, so that
 * `geo=RO%E2%80%AE` reads as RO and a note never shows a value different from what it read.
 * A parameter without a name (`=x`) says nothing and is dropped.
 */
function readableParams(params: URLSearchParams): URLSearchParams {
  const readable = new URLSearchParams();
  for (const [name, value] of params) {
    const readableName = withoutHiddenCharacters(name).trim();
    if (readableName !== '') readable.append(readableName, withoutHiddenCharacters(value).trim());
  }
  return readable;
}

/** Codes of a comma-separated parameter, every occurrence of it, trimmed, empty ones dropped. */
function listedCodes(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((code) => code.trim())
    .filter((code) => code !== '');
}

/**
 * Codes for one dimension: those the dataset has, in the link's order, without repeats.
 * Case is forgiven (`geo=ro`). Unknown codes are dropped with one note; if none is left the
 * default is used.
 */
function readSelection(
  params: URLSearchParams,
  dataset: DatasetManifest,
  dimension: DimensionManifest,
  notes: LinkNote[]
): string[] {
  const listed = listedCodes(params, dimension.id);
  if (listed.length === 0) return defaultSelection(dataset, dimension);
  const exact = new Set(dimension.codes.map((c) => c.code));
  const byLowerCase = new Map<string, string | null>();
  for (const { code } of dimension.codes) {
    const key = code.toLowerCase();
    byLowerCase.set(key, byLowerCase.has(key) ? null : code);
  }
  const picked: string[] = [];
  const unknown: string[] = [];
  for (const code of listed) {
    const known = exact.has(code) ? code : (byLowerCase.get(code.toLowerCase()) ?? null);
    if (known === null) {
      if (!unknown.includes(code)) unknown.push(code);
    } else if (!picked.includes(known)) picked.push(known);
  }
  if (unknown.length > 0) {
    const many = unknown.length > 1;
    const note =
      dimension.id === 'geo'
        ? linkNote(many ? 'a11y_note_unknown_geo_many' : 'a11y_note_unknown_geo_one', {
            values: unknown
          })
        : linkNote(many ? 'a11y_note_unknown_code_many' : 'a11y_note_unknown_code_one', {
            dimension: dimension.label,
            values: unknown
          });
    if (dimension.id !== 'geo')
      note.dimension = {
        dataset: { id: dataset.id, origin: dataset.origin },
        id: dimension.id,
        label: dimension.label
      };
    if (picked.length === 0) note.then = linkNote('a11y_note_default_selection');
    notes.push(note);
  }
  return picked.length > 0 ? picked : defaultSelection(dataset, dimension);
}

/** Without the manifest, codes are kept if they look like codes; nothing else can be checked. */
function readUncheckedSelections(
  params: URLSearchParams,
  datasetId: string,
  notes: LinkNote[],
  settings: { has: (name: string) => boolean }
): Record<string, string[]> {
  const selections: Record<string, string[]> = {};
  const dropped: string[] = [];
  for (const name of new Set(params.keys())) {
    if (settings.has(name)) continue;
    const codes = listedCodes(params, name);
    if (!DIMENSION_ID_SHAPE.test(name)) dropped.push(name);
    else if (codes.length > 0) {
      const usable = [...new Set(codes.filter((code) => CODE_SHAPE.test(code)))];
      if (usable.length < new Set(codes).size) dropped.push(name);
      if (usable.length > 0) selections[name] = usable;
    }
  }
  if (Object.keys(selections).length > 0 || dropped.length > 0)
    notes.push(linkNote('a11y_note_unchecked', { dataset: quotedValue(datasetId) }));
  if (dropped.length > 0) notes.push(linkNote('a11y_note_unreadable', { values: dropped }));
  return selections;
}

function readChoice<T extends string>(
  params: URLSearchParams,
  name: string,
  allowed: readonly T[],
  fallback: T,
  describe: (raw: string) => LinkNote,
  notes: LinkNote[]
): T {
  const raw = singleValue(params, name, notes);
  if (raw === null) return fallback;
  const match = allowed.find((option) => option === raw.toLowerCase());
  if (match) return match;
  notes.push(describe(raw));
  return fallback;
}

/**
 * Reads a permalink's parameters into a view state. Never throws: whatever cannot be used
 * falls back to the default and adds a note quoting the offending value (cleaned and cut,
 * see note-text.ts). `dataset` must be the manifest of resolveDatasetId's answer; with null
 * (or another dataset's manifest) codes and periods cannot be checked against the data.
 */
export function parseViewParams(
  params: URLSearchParams,
  dataset: DatasetManifest | null,
  allDatasetIds: string[]
): ParsedView {
  const migrated = migrateParams(readableParams(params));
  const notes = [...migrated.notes];
  const link = migrated.params;
  const datasetId = chooseDataset(link, allDatasetIds, notes);
  const manifest = dataset && dataset.id === datasetId ? dataset : null;
  const state = defaultViewState(datasetId, manifest);
  const settings = settingNames(link.get('view')?.toLowerCase() ?? null);

  if (manifest) {
    const dimensionIds = new Set(manifest.dimensions.map((d) => d.id));
    for (const dimension of manifest.dimensions)
      if (!settings.has(dimension.id))
        state.selections[dimension.id] = readSelection(link, manifest, dimension, notes);
    const unknown = [...new Set(link.keys())].filter(
      (name) => !settings.has(name) && !dimensionIds.has(name)
    );
    if (unknown.length > 0)
      notes.push(
        linkNote(
          unknown.length > 1 ? 'a11y_note_unknown_setting_many' : 'a11y_note_unknown_setting_one',
          { values: unknown }
        )
      );
  } else {
    state.selections = readUncheckedSelections(link, datasetId, notes, settings);
  }

  const rawTime = singleValue(link, 'time', notes);
  if (rawTime !== null) {
    const read = parseTimeParam(rawTime, manifest);
    state.time = read.time;
    notes.push(...read.notes);
  }

  state.view = readChoice<View>(
    link,
    'view',
    VIEWS,
    'line',
    (raw) => linkNote('a11y_note_unknown_view', { value: quotedValue(raw) }),
    notes
  );
  if (GEO_VIEWS.has(state.view) && manifest && !manifest.dimensions.some((d) => d.id === 'geo')) {
    // The map is the only view that needs countries (GEO_VIEWS).
    notes.push(linkNote('a11y_note_map_needs_geo'));
    state.view = 'line';
  }
  if (state.view === 'scatter') state.scatter = readScatterParams(link, datasetId, notes);

  state.transform = readChoice<Transform>(
    link,
    'transform',
    TRANSFORMS,
    'none',
    (raw) => linkNote('a11y_note_unknown_transform', { value: quotedValue(raw) }),
    notes
  );

  state.scale = readChoice<Scale>(
    link,
    'scale',
    SCALES,
    'linear',
    (raw) => linkNote('a11y_note_unknown_scale', { value: quotedValue(raw) }),
    notes
  );

  const needsTwoPeriods =
    TWO_PERIOD_VIEWS.has(state.view) || TWO_PERIOD_TRANSFORMS.has(state.transform);
  if (needsTwoPeriods && state.time !== null && state.time.from === state.time.to) {
    notes.push(linkNote('a11y_note_needs_range', { period: state.time.from }));
    state.time = null;
  }

  const rawBase = singleValue(link, 'base', notes);
  if (state.transform === 'index') {
    const fallback = state.time?.from ?? manifest?.time.first ?? null;
    const base = rawBase === null ? null : readBasePeriod(rawBase, manifest);
    if (rawBase !== null && base === null)
      notes.push(
        fallback === null
          ? linkNote('a11y_note_bad_base_first', { value: quotedValue(rawBase) })
          : linkNote('a11y_note_bad_base', { value: quotedValue(rawBase), period: fallback })
      );
    state.base = base ?? fallback;
  } else if (rawBase !== null) {
    notes.push(linkNote('a11y_note_base_ignored', { value: quotedValue(rawBase) }));
  }

  readAnalysisParams(link, state, manifest, notes);

  // Read from the link as given: the notes' line breaks are part of the text.
  const text = readChartTextParams(params);
  if (text.text) state.text = text.text;
  const cutNote = textCutNote(text.cut);
  if (cutNote) notes.push(cutNote);

  const annotations = readAnnotationParams(params, manifest);
  if (annotations.annotations.length > 0) state.annotations = annotations.annotations;
  notes.push(...annotations.notes);

  return { state, notes };
}

/**
 * The state as permalink parameters, in one fixed order: ds, the dimensions in the
 * manifest's order, time, view, transform, base, scale, the presenter's title, subtitle and
 * notes, v. Every dimension with more than
 * one code is written even when it holds the default, so a link keeps its meaning when the
 * defaults change; a dimension with a single code, time for all periods, transform none and
 * scale linear are left out.
 */
export function serializeViewState(
  state: ViewState,
  dataset: DatasetManifest | null
): URLSearchParams {
  const params = new URLSearchParams();
  const settings = settingNames(state.view);
  params.set('ds', state.dataset);
  const manifest = dataset && dataset.id === state.dataset ? dataset : null;
  const dimensionOrder = manifest
    ? manifest.dimensions.filter((d) => d.codes.length > 1).map((d) => d.id)
    : Object.keys(state.selections);
  for (const id of dimensionOrder) {
    const codes = state.selections[id];
    if (codes && codes.length > 0 && !settings.has(id)) params.set(id, codes.join(','));
  }
  if (state.time) params.set('time', formatTimeParam(state.time));
  params.set('view', state.view);
  if (state.transform !== 'none') params.set('transform', state.transform);
  if (state.transform === 'index' && state.base !== null) params.set('base', state.base);
  if (state.scale !== 'linear') params.set('scale', state.scale);
  if (state.view === 'scatter' && state.scatter) writeScatterParams(params, state.scatter);
  writeAnalysisParams(params, state);
  writeChartTextParams(params, state.text);
  writeAnnotationParams(params, state.annotations);
  params.set('v', String(PERMALINK_VERSION));
  return params;
}

/**
 * The permalink as text, readable in a report: commas between codes and the `..` of a range
 * are written as they are, everything else is percent-encoded.
 */
export function permalinkHref(
  state: ViewState,
  dataset: DatasetManifest | null,
  path = '/explore'
): string {
  const query = [...serializeViewState(state, dataset)]
    .map(([name, value]) => {
      const encoded = value.split(',').map(encodeURIComponent).join(',');
      return `${encodeURIComponent(name)}=${encoded}`;
    })
    .join('&');
  return `${path}?${query}`;
}
