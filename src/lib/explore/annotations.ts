import type { ChartAnnotation, ChartSeries } from '$lib/charts/types';
import { formatDate, getLocale, m } from '$lib/i18n';
import type { ReaderAnnotation } from '$lib/model/annotation';
import type { DatasetManifest } from '$lib/model/manifest';
import { periodOfDate, periodToNumber } from '$lib/model/period';
import { SHIPPED_EVENTS, type ShippedEvent } from '$lib/reference/events';

/** The periods a chart draws, first and last, as the dataset writes them. */
export interface PeriodWindow {
  from: string;
  to: string;
}

/**
 * The events a view concerns: its dataset is listed, for each dimension the event names one
 * of its codes is among those drawn (`filters`: the codes of every dimension queried), and it
 * falls in the periods drawn (Romania's Schengen dates say nothing on a chart ending in 2023).
 */
export function eventsFor(
  dataset: DatasetManifest,
  filters: Readonly<Record<string, readonly string[]>>,
  window: PeriodWindow
): ShippedEvent[] {
  const frequency = dataset.time.frequency;
  const inWindow = (event: ShippedEvent) => {
    const from = periodOfDate(event.date, frequency);
    const to = periodOfDate(event.until ?? event.date, frequency);
    return from !== null && to !== null && from <= window.to && to >= window.from;
  };
  return SHIPPED_EVENTS.filter(
    (event) =>
      inWindow(event) &&
      event.concerns.datasets.includes(dataset.id) &&
      (!event.concerns.frequencies ||
        event.concerns.frequencies.includes(dataset.time.frequency)) &&
      Object.entries(event.concerns.codes).every(([dimension, codes]) =>
        (filters[dimension] ?? []).some((code) => codes.includes(code))
      )
  );
}

const eventText = (event: ShippedEvent) => event.text[getLocale() === 'ro' ? 'ro' : 'en'];

/**
 * What a chart on a time axis draws of the view's events and the reader's notes. An event on
 * the dimension the series vary over marks its series' point (22 July on Norway's line);
 * one that lasts is the shaded band (eventBand), not a mark.
 */
export function chartAnnotations(
  dataset: DatasetManifest,
  filters: Readonly<Record<string, readonly string[]>>,
  window: PeriodWindow,
  seriesBy: string,
  series: readonly ChartSeries[],
  readerNotes: readonly ReaderAnnotation[]
): ChartAnnotation[] {
  const drawn = new Set(series.map((s) => s.key));
  const events = eventsFor(dataset, filters, window).flatMap((event): ChartAnnotation[] => {
    const period = event.until ? null : periodOfDate(event.date, dataset.time.frequency);
    if (period === null) return [];
    const own = event.concerns.codes[seriesBy]?.find((code) => drawn.has(code)) ?? null;
    return [
      {
        key: `event:${event.id}`,
        kind: 'event',
        x: periodToNumber(period),
        period,
        series: own,
        text: eventText(event),
        date: event.date,
        source: event.source
      }
    ];
  });
  const notes = readerNotes.map((note, i): ChartAnnotation => ({
    key: `reader:${i}`,
    kind: 'reader',
    x:
      note.period !== null && dataset.time.periods.includes(note.period)
        ? periodToNumber(note.period)
        : null,
    period: note.period,
    series: note.series,
    text: note.text
  }));
  return [...events, ...notes];
}

/** The band of an event that lasts (the RO21 programme period), where the view concerns it. */
export function eventBand(
  dataset: DatasetManifest,
  filters: Readonly<Record<string, readonly string[]>>,
  window: PeriodWindow
): { from: number; to: number; label: string; event: ShippedEvent } | undefined {
  for (const event of eventsFor(dataset, filters, window)) {
    if (!event.until) continue;
    const from = periodOfDate(event.date, dataset.time.frequency);
    const to = periodOfDate(event.until, dataset.time.frequency);
    if (from && to)
      return {
        from: periodToNumber(from),
        to: periodToNumber(to),
        label: eventText(event),
        event
      };
  }
  return undefined;
}

/** One annotation as the list under the chart and the downloads word it. */
export interface AnnotationLine {
  key: string;
  kind: 'event' | 'reader';
  text: string;
  source?: { url: string; title: string };
  /** The reader's note's place in the link's list, so it can be removed. */
  index?: number;
}

/** The lines of the list under a chart: its band's event, its events, then the reader's notes. */
export function annotationLines(
  annotations: readonly ChartAnnotation[],
  band: { event: ShippedEvent } | undefined,
  seriesLabel: (key: string) => string
): AnnotationLine[] {
  const lines: AnnotationLine[] = [];
  if (band)
    lines.push({
      key: `event:${band.event.id}`,
      kind: 'event',
      text: m.annot_shipped({
        date: `${formatDate(band.event.date)} – ${formatDate(band.event.until ?? '')}`,
        text: eventText(band.event)
      }),
      source: band.event.source
    });
  annotations.forEach((a, i) => {
    if (a.kind === 'event')
      lines.push({
        key: a.key,
        kind: 'event',
        text: m.annot_shipped({ date: formatDate(a.date ?? ''), text: a.text }),
        source: a.source
      });
    else
      lines.push({
        key: a.key,
        kind: 'reader',
        index: i - annotations.filter((b) => b.kind === 'event').length,
        text:
          a.period === null
            ? m.annot_reader_no_period({ text: a.text })
            : a.series === null
              ? m.annot_reader_at_period({ period: a.period, text: a.text })
              : m.annot_reader_at_point({
                  period: a.period,
                  series: seriesLabel(a.series),
                  text: a.text
                })
      });
  });
  return lines;
}

/** A line as a download writes it: its text, and an event's source. */
export function downloadLine(line: AnnotationLine): string {
  return line.source ? `${line.text} (${m.annot_event_source()}: ${line.source.url})` : line.text;
}
