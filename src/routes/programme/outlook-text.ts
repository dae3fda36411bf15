import type { FanPoint, SeriesBreakMark } from '$lib/charts/types';
import { formatNumber, m } from '$lib/i18n';
import type { SeriesBreak } from '$lib/indicators/breaks';
import type { YearValues } from '$lib/indicators/evaluate';
import type { IndicatorOutlook } from '$lib/indicators/outlook';
import type { TargetOutlook } from '$lib/indicators/projection';
import { local } from './text';

/** A break named as a chart and a sentence name it. */
export function breakLabel(mark: SeriesBreak): string {
  if (mark.kind === 'known') return local(mark.known.label);
  return mark.kind === 'flag' ? m.programme_break_flagged() : m.programme_break_possible();
}

export function breakMarks(breaks: readonly SeriesBreak[]): SeriesBreakMark[] {
  return breaks.map((b) => ({ x: b.year, kind: b.kind, label: `${b.year}: ${breakLabel(b)}` }));
}

export function percent(probability: number): string {
  return `${formatNumber(Math.round(probability * 100))} %`;
}

/**
 * The fan as a chart draws it: it opens at the last published value (no interval there), so
 * the projection visibly continues the published line without being confused with it.
 */
export function fanPoints(outlook: IndicatorOutlook, own: YearValues): FanPoint[] {
  const { projection } = outlook.projection;
  if (projection.kind !== 'projected' || own.size === 0) return [];
  const lastYear = Math.max(...own.keys());
  const last = own.get(lastYear) as number;
  return [
    { x: lastYear, value: last, lower80: last, upper80: last, lower95: last, upper95: last },
    ...projection.values.map((v) => ({ ...v, x: v.year }))
  ];
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

/** "spans a break in 2014 (new Criminal Code)", for each comparison that crosses one. */
export function spansText(spans: readonly SeriesBreak[]): string | null {
  if (spans.length === 0) return null;
  return m.programme_spans_breaks({
    breaks: spans.map((b) => `${b.year} (${breakLabel(b)})`).join(', ')
  });
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
