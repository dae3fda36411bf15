/**
 * The version of a kind of link other than the explorer's (whose own scheme, with notes for
 * the reader, is migrations.ts). Each kind says which version a link without `v` is; a link
 * runs through every migration from its version to the current one before it is read, so a
 * link pasted into a partner's page keeps opening the same chart after the scheme changes.
 */

/** Rewrites one version's parameters into those of the next, in place. */
export interface LinkMigration {
  from: number;
  migrate: (params: URLSearchParams) => void;
}

export interface LinkScheme {
  current: number;
  /**
   * The version of a link without `v`. SQL console and programme links were written without
   * one before they were versioned, so theirs is version 1; the first change of either scheme
   * writes `v=2` and migrates version 1.
   */
  unversioned: number;
  migrations: readonly LinkMigration[];
}

export const SQL_LINKS: LinkScheme = { current: 1, unversioned: 1, migrations: [] };
export const PROGRAMME_LINKS: LinkScheme = { current: 1, unversioned: 1, migrations: [] };

/**
 * A link's parameters in the current version of `scheme`, without `v`. A version that cannot
 * be read, or one newer than this build knows, is read as the current one.
 */
export function currentParams(scheme: LinkScheme, input: URLSearchParams): URLSearchParams {
  const params = new URLSearchParams(input);
  const raw = params.get('v');
  params.delete('v');
  const given = raw === null ? scheme.unversioned : Number(raw);
  const version =
    Number.isInteger(given) && given >= 0 && given <= scheme.current ? given : scheme.current;
  for (const migration of scheme.migrations)
    if (migration.from >= version) migration.migrate(params);
  return params;
}

/** Marks parameters with the scheme's version, unless the current one is the unversioned. */
export function withVersion(scheme: LinkScheme, params: URLSearchParams): URLSearchParams {
  if (scheme.current !== scheme.unversioned) params.set('v', String(scheme.current));
  return params;
}
