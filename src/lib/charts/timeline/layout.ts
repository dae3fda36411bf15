import { wrapLines } from '../wrap';

/** An event's label and where on the axis its leader drops from. */
export interface LabelInput {
  x: number;
  text: string;
}

export interface PlacedLabel {
  /** Label rows from the axis down; a label of several lines takes several rows. */
  row: number;
  anchor: 'start' | 'end';
  /** Where the text's lines start (`start`) or end (`end`). */
  textX: number;
  lines: string[];
}

export interface LabelSpace {
  /** The drawable range of x. */
  left: number;
  right: number;
  /** Average glyph width at the labels' size. */
  charWidth: number;
  /** Space kept between a label and a leader line. */
  gap: number;
}

/** How a label fits on one side of its leader, between `from` and `to`. */
function fit(text: string, room: number, charWidth: number): string[] | null {
  const chars = Math.floor(room / charWidth);
  // Fewer than 8 characters a line would stack a label into a column nobody reads.
  if (chars < 8) return null;
  const lines = wrapLines(text, chars);
  return lines.some((line) => line.length > chars) ? null : lines;
}

/**
 * Label rows for a timeline whose labels hang below the axis at the end of a leader line
 * from their event. A leader crosses every row above its own label, so each label must stay
 * clear of the leaders of all labels below it; rows are filled from the top with the label
 * that fits in the fewest lines between the leaders still to come (ties: the earlier event),
 * wrapped where needed, so that no label overlaps another or a leader at any width.
 * Returns one placement per input, in input order.
 */
export function layoutLabels(items: readonly LabelInput[], space: LabelSpace): PlacedLabel[] {
  const placed: PlacedLabel[] = new Array(items.length);
  const remaining = items.map((_, i) => i);
  let row = 0;
  while (remaining.length > 0) {
    let best: { index: number; label: Omit<PlacedLabel, 'row'>; cost: number } | null = null;
    for (const index of remaining) {
      const { x, text } = items[index];
      const others = remaining.filter((o) => o !== index).map((o) => items[o].x);
      const leftBound = Math.max(
        space.left,
        ...others.filter((o) => o < x).map((o) => o + space.gap)
      );
      const rightBound = Math.min(
        space.right,
        ...others.filter((o) => o > x).map((o) => o - space.gap)
      );
      const after = fit(text, rightBound - x - space.gap, space.charWidth);
      const before = fit(text, x - space.gap - leftBound, space.charWidth);
      const label: Omit<PlacedLabel, 'row'> =
        after && (!before || after.length <= before.length)
          ? { anchor: 'start', textX: x + space.gap, lines: after }
          : before
            ? { anchor: 'end', textX: x - space.gap, lines: before }
            : // No room between the leaders on either side (a very narrow screen): the wider
              // side, one word a line; chosen only when no other label fits.
              x - leftBound > rightBound - x
              ? { anchor: 'end', textX: x - space.gap, lines: wrapLines(text, 1) }
              : { anchor: 'start', textX: x + space.gap, lines: wrapLines(text, 1) };
      const cost = label.lines.length + (after || before ? 0 : items.length * 1000);
      if (!best || cost < best.cost) best = { index, label, cost };
    }
    const chosen = best as { index: number; label: Omit<PlacedLabel, 'row'>; cost: number };
    placed[chosen.index] = { ...chosen.label, row };
    row += chosen.label.lines.length;
    remaining.splice(remaining.indexOf(chosen.index), 1);
  }
  return placed;
}
