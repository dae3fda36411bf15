/**
 * A reader's annotation: a short text on a period (every series) or on a point (one series at
 * that period). It travels in the explorer's link as `note=period~series~text`
 * (state/annotation-params.ts, docs/permalinks.md), and so in the embed and every download.
 */
export interface ReaderAnnotation {
  /** The period as the dataset writes it; null when the link gave none (listed, not drawn). */
  period: string | null;
  /** The key of the series it marks, or null for the whole period. */
  series: string | null;
  text: string;
}
