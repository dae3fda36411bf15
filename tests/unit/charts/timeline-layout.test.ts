import { describe, expect, it } from 'vitest';
import { layoutLabels, type PlacedLabel } from '$lib/charts/timeline/layout';

// The programme's events as the timeline places them, on a 2013–2019 axis.
const EVENTS = [
  { year: 2013.46, text: '2013-06-17 · Programme approved' },
  { year: 2015.82, text: '2015-10-27 · RO21-0011 closing conference, GIBP headquarters' },
  {
    year: 2017.37,
    text: '2017-05 · RO21-0014 event, Bucharest (month read from the page address only)'
  },
  { year: 2017.75, text: '2017-10-02 · Bilateral police seminar, Sibiu (2–6 October)' },
  { year: 2017.99, text: '2017-12-31 · End of eligibility' }
];
const CHAR = 12.8 * 0.58;

function place(width: number) {
  const x = (year: number) => 16 + ((year - 2013) / 6) * (width - 32);
  const items = EVENTS.map((e) => ({ x: x(e.year), text: e.text }));
  return {
    items,
    labels: layoutLabels(items, { left: 2, right: width - 2, charWidth: CHAR, gap: 6 })
  };
}

/** Horizontal extent of a label, from its longest line. */
function span(label: PlacedLabel): [number, number] {
  const w = Math.max(...label.lines.map((l) => l.length)) * CHAR;
  return label.anchor === 'start' ? [label.textX, label.textX + w] : [label.textX - w, label.textX];
}

describe('layoutLabels', () => {
  for (const width of [1280, 720, 390, 360])
    it(`keeps every label clear of the others, of the leaders and of the edges at ${width} px`, () => {
      const { items, labels } = place(width);
      const rows = labels.map((l) => [l.row, l.row + l.lines.length - 1]);
      labels.forEach((label, i) => {
        const [from, to] = span(label);
        expect(from).toBeGreaterThanOrEqual(2);
        expect(to).toBeLessThanOrEqual(width - 2);
        labels.forEach((other, j) => {
          if (i === j) return;
          // No two labels share a row.
          expect(rows[i][1] < rows[j][0] || rows[j][1] < rows[i][0]).toBe(true);
          // A leader that runs past this label's rows to a label below does not cross it.
          if (other.row > label.row) expect(items[j].x < from || items[j].x > to).toBe(true);
        });
        // Every word of the label is kept.
        expect(label.lines.join(' ')).toBe(items[i].text);
      });
    });

  it('keeps a label on one line when there is room', () => {
    const { labels } = place(1280);
    expect(labels.every((l) => l.lines.length === 1)).toBe(true);
  });
});
