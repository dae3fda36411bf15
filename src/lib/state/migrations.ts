import { CHART_TEXT_PARAMS } from './chart-text-params';
import { linkNote, type LinkNote } from './link-note';
import { quotedValue } from './note-text';
import { PERMALINK_VERSION, type View } from './view-state';

/**
 * Links live in reports for years, so a link written for an older scheme must keep showing
 * the same thing. Each migration turns the parameters of one version into those of the
 * next; a link runs through every step from its own version to the current one.
 *
 * A link without `v` is read as version 0. Links written by hand from the documentation
 * often omit `v`, so every migration from version 0 must leave current-style parameters
 * alone.
 */
export interface PermalinkMigration {
  /** Version of the links this step reads; it returns links of version `from + 1`. */
  from: number;
  /** What changed, for the documentation and the tests. */
  summary: string;
  /** Rewrites `params` in place; returns notes for anything it had to drop. */
  migrate(params: URLSearchParams): LinkNote[];
}

/** Chart names of the first prototype's `chart=` parameter. */
const LEGACY_VIEW_NAMES: Record<string, View> = {
  line: 'line',
  lines: 'line',
  bar: 'bars',
  bars: 'bars',
  'small-multiples': 'multiples',
  slope: 'slope',
  map: 'map',
  table: 'table',
  sources: 'sources'
};

const LEGACY_YEAR_RANGE = /^(\d{4})-(\d{4})$/;

/** Moves every value of `legacy` to `current`, unless the link already gives `current`. */
function renameParam(
  params: URLSearchParams,
  legacy: string,
  current: string,
  rewrite: (value: string) => string = (value) => value
): LinkNote[] {
  const values = params.getAll(legacy);
  if (values.length === 0) return [];
  params.delete(legacy);
  if (params.has(current))
    return [
      linkNote('a11y_note_old_setting', {
        legacy: quotedValue(legacy),
        current: quotedValue(current)
      })
    ];
  for (const value of values) params.append(current, rewrite(value));
  return [];
}

/** Parameters of version 1 that are not a dataset dimension. */
const V1_SETTINGS: ReadonlySet<string> = new Set([
  'ds',
  'time',
  'view',
  'transform',
  'base',
  'scale',
  ...CHART_TEXT_PARAMS
]);

/**
 * Version 1 drew several codes of one dimension only: `geo` when it had several, else the
 * first dimension of the link with several; of any other, its first code. Keeping just that
 * first code makes such a link open as it did, now that two dimensions may vary.
 */
function keepOneVaryingDimension(params: URLSearchParams): LinkNote[] {
  const codesOf = (name: string) =>
    params
      .getAll(name)
      .flatMap((value) => value.split(','))
      .map((code) => code.trim())
      .filter((code) => code !== '');
  const varying = [...new Set(params.keys())].filter(
    (name) => !V1_SETTINGS.has(name) && codesOf(name).length > 1
  );
  const kept = varying.includes('geo') ? 'geo' : varying[0];
  for (const name of varying) {
    if (name === kept) continue;
    const first = codesOf(name)[0];
    params.delete(name);
    params.set(name, first);
  }
  return [];
}

export const MIGRATIONS: readonly PermalinkMigration[] = [
  {
    from: 0,
    summary:
      'Prototype links: dataset= becomes ds=, countries= becomes geo=, chart= becomes view= (bar → bars, small-multiples → multiples), and a year range 2008-2022 becomes 2008..2022.',
    migrate(params) {
      const notes = [
        ...renameParam(params, 'dataset', 'ds'),
        ...renameParam(params, 'countries', 'geo'),
        ...renameParam(params, 'chart', 'view', (name) =>
          Object.hasOwn(LEGACY_VIEW_NAMES, name.toLowerCase())
            ? LEGACY_VIEW_NAMES[name.toLowerCase()]
            : name
        )
      ];
      const times = params.getAll('time');
      if (times.some((time) => LEGACY_YEAR_RANGE.test(time))) {
        params.delete('time');
        for (const time of times) params.append('time', time.replace(LEGACY_YEAR_RANGE, '$1..$2'));
      }
      return notes;
    }
  },
  {
    from: 1,
    summary:
      'Two dimensions may now vary at once (lines by one, panels by the other): of a dimension other than the one drawn as series, a version 1 link keeps only its first code, which is all version 1 drew.',
    migrate: keepOneVaryingDimension
  }
];

export interface MigrationResult {
  /** The parameters in the current scheme, without `v`. */
  params: URLSearchParams;
  /** Version the link was written in (after any correction). */
  fromVersion: number;
  notes: LinkNote[];
}

/** Reads `v`: absent means 0; unreadable or newer than this build means the current version. */
function linkVersion(params: URLSearchParams): { version: number; notes: LinkNote[] } {
  const raw = params.get('v');
  if (raw === null || raw.trim() === '') return { version: 0, notes: [] };
  const text = raw.trim();
  if (!/^\d{1,6}$/.test(text))
    return {
      version: PERMALINK_VERSION,
      notes: [
        linkNote('a11y_note_version_unreadable', {
          value: quotedValue(raw),
          version: PERMALINK_VERSION
        })
      ]
    };
  const version = Number(text);
  if (version > PERMALINK_VERSION)
    return {
      version: PERMALINK_VERSION,
      notes: [linkNote('a11y_note_version_newer', { version })]
    };
  return { version, notes: [] };
}

/** Upgrades a link's parameters to the current scheme. The input is not changed. */
export function migrateParams(input: URLSearchParams): MigrationResult {
  const params = new URLSearchParams(input);
  const { version, notes } = linkVersion(params);
  params.delete('v');
  for (const migration of MIGRATIONS)
    if (migration.from >= version) notes.push(...migration.migrate(params));
  return { params, fromVersion: version, notes };
}
