/** Period strings as the readers write them: `2008`, `2009-01`, `2009-Q1`. */
export type Frequency = 'annual' | 'monthly' | 'quarterly';

export function frequencyOf(period: string): Frequency {
  if (/^\d{4}-\d{2}$/.test(period)) return 'monthly';
  if (/^\d{4}-Q[1-4]$/.test(period)) return 'quarterly';
  return 'annual';
}

/** A period as a number on a continuous axis: 2009-01 → 2009, 2009-07 → 2009.5. */
export function periodToNumber(period: string): number {
  const year = Number(period.slice(0, 4));
  if (period.length === 4) return year;
  if (period[5] === 'Q') return year + (Number(period[6]) - 1) / 4;
  return year + (Number(period.slice(5, 7)) - 1) / 12;
}

/** The distance between two consecutive periods on that axis. */
export function periodStep(frequency: Frequency): number {
  return frequency === 'monthly' ? 1 / 12 : frequency === 'quarterly' ? 1 / 4 : 1;
}
