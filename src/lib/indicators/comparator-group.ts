import { COUNTRY_GROUPS } from '../reference/geo';
import type { Comparator } from './framework';

export type GroupName = keyof typeof COUNTRY_GROUPS;

export const GROUP_NAMES = Object.keys(COUNTRY_GROUPS) as GroupName[];

function isGroupName(name: string): name is GroupName {
  return (GROUP_NAMES as string[]).includes(name);
}

/**
 * The countries a comparator stands for, without the indicator's own country (a country
 * is not its own comparison). An unknown group name gives no countries, which the
 * comparator arithmetic then reports as too few.
 */
export function comparatorGeos(comparator: Comparator, ownGeo: string): string[] {
  const geos =
    'group' in comparator
      ? isGroupName(comparator.group)
        ? COUNTRY_GROUPS[comparator.group]
        : []
      : comparator.geos;
  return geos.filter((geo) => geo !== ownGeo);
}
