import {
  escapeXml,
  inlinedChartMarkup,
  themeColours,
  wrapLines,
  type ExportColours
} from './svg-export';

/** A chart ready to be framed by standaloneSvg: one `<svg>` as markup, its size and colours. */
export interface ChartDrawing {
  markup: string;
  width: number;
  height: number;
  colours: ExportColours;
}

/** The chart's `<svg>` as it is on screen. */
export function drawingOf(chart: SVGSVGElement): ChartDrawing {
  return {
    markup: inlinedChartMarkup(chart),
    width: chart.width.baseVal.value,
    height: chart.height.baseVal.value,
    colours: themeColours(chart)
  };
}

/** One small multiple: its chart and the series name and colour shown above it. */
export interface Panel {
  drawing: ChartDrawing;
  label: string;
  /** The series' colour swatch; null for a panel of several series (their legend is in it). */
  colour: string | null;
}

const HEADING = 22;
const GAP = 16;

/**
 * Small multiples as one SVG: the panels in the grid the screen shows, each with its series
 * name and colour swatch above it (on screen those are HTML, outside the panels' SVGs).
 */
export function panelGrid(panels: readonly Panel[], columns: number): ChartDrawing | null {
  if (panels.length === 0) return null;
  const across = Math.max(1, Math.min(columns, panels.length));
  const cellWidth = Math.max(...panels.map((p) => p.drawing.width));
  const cellHeight = HEADING + Math.max(...panels.map((p) => p.drawing.height));
  const { colours } = panels[0].drawing;
  const parts = panels.map((panel, i) => {
    const x = (i % across) * (cellWidth + GAP);
    const y = Math.floor(i / across) * (cellHeight + GAP);
    return [
      `<g class="panel" transform="translate(${x},${y})">`,
      panel.colour === null
        ? ''
        : `<rect x="0" y="4" width="12" height="12" fill="${escapeXml(panel.colour)}"/>`,
      `<text x="${panel.colour === null ? 0 : 18}" y="15" font-size="14" font-weight="700" fill="${escapeXml(colours.text)}">${escapeXml(panel.label)}</text>`,
      `<g transform="translate(0,${HEADING})">${panel.drawing.markup}</g>`,
      `</g>`
    ].join('');
  });
  const rows = Math.ceil(panels.length / across);
  const width = across * cellWidth + (across - 1) * GAP;
  const height = rows * cellHeight + (rows - 1) * GAP;
  return {
    markup: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" overflow="visible">${parts.join('')}</svg>`,
    width,
    height,
    colours
  };
}

/** One line of a map's legend: a class colour, the no-data hatch or the flag marker. */
export interface LegendEntry {
  mark: { kind: 'swatch'; colour: string } | { kind: 'no-data' } | { kind: 'marker' };
  label: string;
}

const LINE = 18;
const SIZE = 12;

/**
 * The map with what on screen sits around it in HTML: its legend, then lines of plain text
 * (the unit, the places it could not draw, the boundaries' credit), so the file reads alone.
 */
export function withLegend(
  map: ChartDrawing,
  legend: readonly LegendEntry[],
  lines: readonly string[]
): ChartDrawing {
  const { colours } = map;
  const fill = escapeXml(colours.text);
  const parts: string[] = [
    `<defs><pattern id="export-no-data" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f3f3f3"/><line x1="0" y1="0" x2="0" y2="6" stroke="#b4b4b4" stroke-width="1.2"/></pattern></defs>`,
    map.markup
  ];
  let y = map.height + 8;
  const legendParts = legend.map((entry) => {
    y += LINE;
    const base = y - 4;
    const mark =
      entry.mark.kind === 'marker'
        ? `<circle cx="10" cy="${base - 4}" r="4" fill="${escapeXml(colours.background)}" stroke="${fill}" stroke-width="1.5"/>`
        : `<rect x="0" y="${base - 10}" width="20" height="12" stroke="#bbbbbb" fill="${entry.mark.kind === 'swatch' ? escapeXml(entry.mark.colour) : 'url(#export-no-data)'}"/>`;
    return `<g class="legend-entry">${mark}<text x="28" y="${base}">${escapeXml(entry.label)}</text></g>`;
  });
  parts.push(
    `<g class="map-legend" font-size="${SIZE}" fill="${fill}">${legendParts.join('')}</g>`
  );
  const perLine = Math.max(20, Math.floor(map.width / (SIZE * 0.56)));
  for (const line of lines)
    for (const wrapped of wrapLines(line, perLine, true)) {
      y += LINE;
      parts.push(
        `<text x="0" y="${y - 4}" font-size="${SIZE}" fill="${escapeXml(colours.muted)}" class="map-note">${escapeXml(wrapped)}</text>`
      );
    }
  const height = y + 4;
  return {
    markup: `<svg xmlns="http://www.w3.org/2000/svg" width="${map.width}" height="${height}" overflow="visible">${parts.join('')}</svg>`,
    width: map.width,
    height,
    colours
  };
}

const textOf = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/**
 * The small multiples on screen as one drawing, in their on-screen grid: each panel's <svg>
 * as its chart handed it (a line or ranked bars), with the name and swatch of the panel it
 * stands in (none for a panel of several series: their legend is in it).
 */
export function multiplesDrawing(charts: readonly SVGSVGElement[]): ChartDrawing | null {
  const sections = charts.flatMap((svg) => svg.closest<HTMLElement>('section.panel') ?? []);
  const panels = charts.flatMap((svg) => {
    const section = svg.closest<HTMLElement>('section.panel');
    if (!section) return [];
    const swatch = section.querySelector<HTMLElement>('.swatch');
    return [
      {
        drawing: drawingOf(svg),
        label: textOf(section.querySelector('h3')),
        colour: swatch ? getComputedStyle(swatch).backgroundColor : null
      }
    ];
  });
  const firstRow = sections.filter((s) => s.offsetTop === sections[0]?.offsetTop).length;
  return panelGrid(panels, firstRow);
}

/** The map as its chart handed it, with its legend, unit line, unplaced places and credit. */
export function mapDrawing(charts: readonly SVGSVGElement[]): ChartDrawing | null {
  const svg = charts[0];
  const container = svg?.closest('.choropleth');
  if (!svg || !container) return null;
  const legend: LegendEntry[] = [...container.querySelectorAll('.legend li')].map((item) => {
    const swatch = item.querySelector<HTMLElement>('.swatch');
    const mark: LegendEntry['mark'] = item.querySelector('.marker')
      ? { kind: 'marker' }
      : swatch && !swatch.classList.contains('no-data')
        ? { kind: 'swatch', colour: getComputedStyle(swatch).backgroundColor }
        : { kind: 'no-data' };
    return { mark, label: textOf(item) };
  });
  const offMap = container.querySelector('.off-map');
  const lines = [
    textOf(container.querySelector('.legend + .note')),
    ...(offMap
      ? [
          `${textOf(offMap.querySelector('h3'))}: ${[...offMap.querySelectorAll('li')].map(textOf).join('; ')}`
        ]
      : []),
    textOf(container.querySelector('.credit'))
  ].filter((line) => line !== '');
  return withLegend(drawingOf(svg), legend, lines);
}

/** How a view's charts make one drawing for a download: named, so a view says which without
 * importing this module, which only the share menu's panel loads (when opened). */
export type DrawingKind = 'chart' | 'multiples' | 'map';

export const DRAWINGS: Record<
  DrawingKind,
  (charts: readonly SVGSVGElement[]) => ChartDrawing | null
> = {
  chart: (charts) => (charts[0] ? drawingOf(charts[0]) : null),
  multiples: multiplesDrawing,
  map: mapDrawing
};
