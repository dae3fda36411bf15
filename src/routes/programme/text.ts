import { formatNumber, getLocale, m, placeName } from '$lib/i18n';
import type { GroupName } from '$lib/indicators/comparator-group';
import type { Comparator, Text } from '$lib/indicators/framework';

/** A framework text in the interface language. */
export function local(text: Text): string {
  return text[getLocale()];
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
  EU27: m.programme_group_EU27,
  SCHENGEN: m.programme_group_SCHENGEN,
  RO_NEIGHBOURS: m.programme_group_RO_NEIGHBOURS,
  PROGRAMME_PAIR: m.programme_group_PROGRAMME_PAIR
};

/** A country group's name in the interface language; a name the app does not know, as written. */
export function groupName(group: string): string {
  return (GROUP_NAMES as Record<string, () => string>)[group]?.() ?? group;
}

/** How a comparator is named on screen: the group's name, or the countries' names. */
export function comparatorName(comparator: Comparator): string {
  return 'group' in comparator
    ? groupName(comparator.group)
    : comparator.geos.map((geo) => placeName(geo)).join(', ');
}
