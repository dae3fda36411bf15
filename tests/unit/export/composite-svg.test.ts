import { describe, expect, it } from 'vitest';
import { panelGrid, withLegend, type ChartDrawing } from '../../../src/lib/export/composite-svg';

const colours = { background: '#fff', text: '#111', muted: '#555' };
const drawing = (width: number, height: number, mark: string): ChartDrawing => ({
  markup: `<svg width="${width}" height="${height}"><path id="${mark}"/></svg>`,
  width,
  height,
  colours
});

describe('panelGrid', () => {
  it('places every panel with its name and colour in the grid shown on screen', () => {
    const grid = panelGrid(
      [
        { drawing: drawing(300, 200, 'a'), label: 'Romania', colour: '#d55e00' },
        { drawing: drawing(300, 200, 'b'), label: 'Norway', colour: '#0072b2' },
        { drawing: drawing(300, 200, 'c'), label: 'Bulgaria & <others>', colour: '#009e73' }
      ],
      2
    );
    expect(grid).not.toBeNull();
    const { markup, width, height } = grid as ChartDrawing;
    expect(width).toBe(2 * 300 + 16);
    expect(height).toBe(2 * (200 + 22) + 16);
    expect(markup.match(/<g class="panel"/g)).toHaveLength(3);
    for (const id of ['a', 'b', 'c']) expect(markup).toContain(`<path id="${id}"/>`);
    expect(markup).toContain('>Romania</text>');
    expect(markup).toContain('>Bulgaria &amp; &lt;others&gt;</text>');
    expect(markup).toContain('fill="#0072b2"');
    // The third panel starts the second row.
    expect(markup).toContain('translate(0,238)');
  });

  it('has nothing to draw without panels', () => {
    expect(panelGrid([], 3)).toBeNull();
  });
});

describe('withLegend', () => {
  it('adds the legend and the text lines below the map', () => {
    const map = withLegend(
      drawing(400, 300, 'map'),
      [
        { mark: { kind: 'swatch', colour: '#deebf7' }, label: '63.46 – 120' },
        { mark: { kind: 'no-data' }, label: 'no data' },
        { mark: { kind: 'marker' }, label: 'Flagged: p provisional' }
      ],
      ['Per hundred thousand inhabitants', 'Boundaries: © EuroGeographics']
    );
    expect(map.width).toBe(400);
    expect(map.height).toBeGreaterThan(300 + 5 * 18);
    expect(map.markup).toContain('<path id="map"/>');
    expect(map.markup).toContain('fill="#deebf7"');
    expect(map.markup).toContain('fill="url(#export-no-data)"');
    expect(map.markup).toContain('<circle');
    for (const text of ['63.46 – 120', 'no data', 'Flagged: p provisional', '© EuroGeographics'])
      expect(map.markup).toContain(text);
  });
});
