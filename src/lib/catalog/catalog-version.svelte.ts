/**
 * Raised whenever datasets are added, replaced or removed; pages that list or show
 * datasets read `catalogVersion.value` so they re-run on a change.
 */
export const catalogVersion = $state({ value: 0 });
