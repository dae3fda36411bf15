import { m } from '$lib/i18n';
import type { SeriesBreak } from '$lib/indicators/breaks';
import { local } from '$lib/indicators/framework-text';
import type { SeriesBreakMark } from './types';

/** A break named as a chart and a sentence name it. */
export function breakLabel(mark: SeriesBreak): string {
  if (mark.kind === 'known') return local(mark.known.label);
  return mark.kind === 'flag' ? m.programme_break_flagged() : m.programme_break_possible();
}

export function breakMarks(breaks: readonly SeriesBreak[]): SeriesBreakMark[] {
  return breaks.map((b) => ({ x: b.year, kind: b.kind, label: `${b.year}: ${breakLabel(b)}` }));
}

/** "spans a break in 2014 (new Criminal Code)", for each comparison that crosses one. */
export function spansText(spans: readonly SeriesBreak[]): string | null {
  if (spans.length === 0) return null;
  return m.programme_spans_breaks({
    breaks: spans.map((b) => `${b.year} (${breakLabel(b)})`).join(', ')
  });
}
