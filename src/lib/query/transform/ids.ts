/**
 * The transforms' ids in the menu's order, and those that compare two periods. Kept apart from
 * their definitions (query/transforms.ts) so that a page that only reads and writes links, as
 * the home page does, loads no transform's SQL; a test checks the two agree.
 */
export const TRANSFORM_IDS = ['none', 'rate', 'index', 'yoy', 'change', 'cagr', 'ma3'] as const;
export type TransformId = (typeof TRANSFORM_IDS)[number];

export const TWO_PERIOD_TRANSFORM_IDS: readonly TransformId[] = ['change', 'cagr'];
