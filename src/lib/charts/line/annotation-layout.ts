/** Characters of an annotation's text drawn on the chart; the list under it holds the rest. */
export const LABEL_CHARACTERS = 28;
/** A generous average glyph width of the 0.75rem labels, in pixels. */
const GLYPH = 6.4;
/** Height of one row of labels above the plot. */
export const LABEL_ROW = 15;

/** The text an annotation's label shows: at most LABEL_CHARACTERS, cut with an ellipsis. */
export function labelText(text: string): string {
  const characters = Array.from(text);
  return characters.length <= LABEL_CHARACTERS
    ? text
    : `${characters.slice(0, LABEL_CHARACTERS - 1).join('')}…`;
}

/**
 * Where the labels of annotations stand above the plot, where no line runs: each as near its
 * mark's x as the plot's width allows, in the first row where it overlaps no other label.
 * `at` is each mark's x in pixels, `right` the furthest a label may reach.
 */
export function layoutAnnotationLabels(
  labels: readonly { at: number; text: string }[],
  right: number
): { left: number; row: number; width: number }[] {
  const placed = labels.map((label) => {
    const width = Array.from(label.text).length * GLYPH;
    return { left: Math.max(0, Math.min(label.at - 4, right - width)), row: 0, width };
  });
  const order = placed.map((_, i) => i).sort((a, b) => placed[a].left - placed[b].left);
  const rowEnds: number[] = [];
  for (const i of order) {
    const label = placed[i];
    let row = rowEnds.findIndex((end) => end + 8 <= label.left);
    if (row === -1) row = rowEnds.length;
    rowEnds[row] = label.left + label.width;
    label.row = row;
  }
  return placed;
}

/** How many rows the labels take. */
export function rowsOf(labels: readonly { row: number }[]): number {
  return labels.length === 0 ? 0 : Math.max(...labels.map((label) => label.row)) + 1;
}
