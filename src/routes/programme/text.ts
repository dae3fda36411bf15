import { formatNumber, getLocale } from '$lib/i18n';
import type { Text } from '$lib/indicators/framework';

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
