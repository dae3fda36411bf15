import { formatNumber, m, placeName } from '$lib/i18n';
import { local } from '$lib/indicators/framework-text';
import type { GroupName } from '$lib/indicators/comparator-group';
import type { Comparator, Indicator } from '$lib/indicators/framework';

export { local } from '$lib/indicators/framework-text';

/** A number with the indicator's unit, in the form the number takes ("1 handbook", "20 de manuale"). */
export function countWithUnit(
  value: number,
  indicator: Pick<Indicator, 'unit' | 'unitOne'>
): string {
  const other = local(indicator.unit);
  return m.programme_count_unit({
    count: value,
    value: formatNumber(value),
    one: indicator.unitOne ? local(indicator.unitOne) : other,
    other
  });
}

/** Euro amounts as published: whole euros, in the reader's locale. */
export function euro(amount: number): string {
  return `€${formatNumber(amount)}`;
}

/** The programme period's bounds on a chart's year axis (approval day to end of eligibility). */
export function periodOnAxis(
  approved: string,
  eligibleUntil: string
): { from: number; to: number } {
  const fraction = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number);
    return y + (m - 1 + (d - 1) / 31) / 12;
  };
  return { from: fraction(approved), to: fraction(eligibleUntil) };
}

const GROUP_NAMES: Record<GroupName, () => string> = {
  EU27: m.programme_group_eu27,
  SCHENGEN: m.programme_group_schengen,
  RO_NEIGHBOURS: m.programme_group_ro_neighbours,
  PROGRAMME_PAIR: m.programme_group_programme_pair
};

/** A country group's name in the interface language; a name the app does not know, as written. */
export function groupName(group: string): string {
  return (GROUP_NAMES as Record<string, () => string>)[group]?.() ?? group;
}

// How a group qualifies "countries" in a count of them: "6 EU27 countries", "4 țări vecine".
const GROUP_COUNTRIES: Record<GroupName, () => string> = {
  EU27: m.programme_group_countries_eu27,
  SCHENGEN: m.programme_group_countries_schengen,
  RO_NEIGHBOURS: m.programme_group_countries_ro_neighbours,
  PROGRAMME_PAIR: m.programme_group_countries_programme_pair
};

/**
 * The comparator's line as a chart labels it, with the number of countries whose median it
 * is: those with data, which may be fewer than the group has.
 */
export function comparatorMedianName(comparator: Comparator, count: number): string {
  const group =
    'group' in comparator
      ? ((GROUP_COUNTRIES as Record<string, () => string>)[comparator.group]?.() ??
        comparator.group)
      : m.programme_group_countries_custom();
  return m.programme_comparator_median({ count, group });
}

/** How a comparator is named on screen: the group's name, or the countries' names. */
export function comparatorName(comparator: Comparator): string {
  return 'group' in comparator
    ? groupName(comparator.group)
    : comparator.geos.map((geo) => placeName(geo)).join(', ');
}
