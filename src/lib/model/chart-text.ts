/** Text every chart carries, on screen and in every download. */
export interface ChartText {
  title: string;
  subtitle: string;
  /** "Source: Eurostat (crim_off_cat), data of 2024-…, CC BY 4.0" */
  source: string;
  notes: string[];
  unit: string;
  /**
   * The chart's annotations as downloads list them, one line each (events with their
   * source, readers' notes); absent for a chart without any.
   */
  annotations?: string[];
  /** Set when a presenter gave the title: downloads are then named after it. */
  titleEdited?: true;
}

/**
 * A presenter's changes to a chart's text; null keeps the original. The source line has no
 * entry: it is always the automatic one, so a chart never travels without its source.
 */
export interface ChartTextEdits {
  title: string | null;
  subtitle: string | null;
  /** Free notes, one per line; they replace the chart's own notes. */
  notes: string | null;
}

export const NO_EDITS: ChartTextEdits = { title: null, subtitle: null, notes: null };

/** The edits a link should carry, or undefined when nothing was changed. */
export function changedText(edits: ChartTextEdits): ChartTextEdits | undefined {
  return edits.title === null && edits.subtitle === null && edits.notes === null
    ? undefined
    : edits;
}

/** The text as shown and downloaded: edits applied, an emptied title falling back to the original. */
export function withEdits(text: ChartText, edits: ChartTextEdits): ChartText {
  const title = edits.title?.trim();
  return {
    ...text,
    ...(title ? { titleEdited: true as const } : {}),
    title: title ? title : text.title,
    subtitle: edits.subtitle === null ? text.subtitle : edits.subtitle.trim(),
    notes:
      edits.notes === null
        ? text.notes
        : edits.notes
            .split(/\r?\n/)
            .map((note) => note.trim())
            .filter((note) => note !== '')
  };
}
