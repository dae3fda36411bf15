export { breakLabel, breakMarks, spansText } from '$lib/charts/break-text';
import { fanFrom } from '$lib/charts/line/fan';
import type { FanPoint } from '$lib/charts/types';
import { formatNumber, m } from '$lib/i18n';
import type { YearValues } from '$lib/indicators/evaluate';
import type { IndicatorOutlook } from '$lib/indicators/outlook';
import type { TargetOutlook } from '$lib/indicators/projection';

export function percent(probability: number): string {
  return `${formatNumber(Math.round(probability * 100))} %`;
}

/** The indicator's fan as its trend chart draws it (see fanFrom). */
export function fanPoints(outlook: IndicatorOutlook, own: YearValues): FanPoint[] {
  const { projection } = outlook.projection;
  if (projection.kind !== 'projected' || own.size === 0) return [];
  const year = Math.max(...own.keys());
  return fanFrom({ year, value: own.get(year) as number }, projection.values);
}

/** The verdict beside the status, in words, with the probability the method gives. */
export function verdictText(outlook: TargetOutlook | null): string | null {
  if (outlook === null) return null;
  switch (outlook.kind) {
    case 'projected': {
      const params = { probability: percent(outlook.probability), year: outlook.year };
      return outlook.verdict === 'likely'
        ? m.programme_verdict_likely(params)
        : outlook.verdict === 'unlikely'
          ? m.programme_verdict_unlikely(params)
          : m.programme_verdict_even(params);
    }
    case 'target-year-published':
      return m.programme_verdict_published({ year: outlook.year });
    case 'not-enough-data':
      return m.programme_verdict_not_enough({ have: outlook.have, need: outlook.need });
  }
}

/** The verdict in a few words, for a card or a table cell; null without a projected verdict. */
export function verdictShortText(outlook: TargetOutlook | null | undefined): string | null {
  if (outlook?.kind !== 'projected') return null;
  const probability = percent(outlook.probability);
  return outlook.verdict === 'likely'
    ? m.programme_verdict_short_likely({ probability })
    : outlook.verdict === 'unlikely'
      ? m.programme_verdict_short_unlikely({ probability })
      : m.programme_verdict_short_even({ probability });
}

/**
 * The same comparison within the years no break divides: the first and last value of the
 * segment, so the reader sees what the series did under one regime.
 */
export function segmentText(outlook: IndicatorOutlook, own: YearValues): string | null {
  const segment = outlook.segment;
  if (!segment || segment.startsAt === null || segment.years.length < 2) return null;
  return m.programme_segment_change({
    from: segment.from,
    to: segment.to,
    first: formatNumber(own.get(segment.from) as number),
    last: formatNumber(own.get(segment.to) as number)
  });
}
