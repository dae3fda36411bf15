import type { ChartText } from '$lib/model/chart-text';
import { wrapLines } from '$lib/charts/wrap';
import { describeFlagLocalised } from '$lib/i18n';
import type { ExportRow } from './rows';

/** The app's type, then what a reader's machine likely has: the file must read without ours. */
export const FONT_STACK = "'Inter Variable', Inter, 'Noto Sans', 'Segoe UI', Roboto, sans-serif";

/** How a flag is drawn on the chart, so the legend shows the same mark. */
export type FlagMark = 'hollow' | 'break' | 'letter';

export interface FlagLegendEntry {
  letter: string;
  meaning: string;
  mark: FlagMark;
}

/**
 * Flag letters of the values drawn, each once, in alphabetical order, as the chart marks them,
 * with their meaning in the interface language (the file goes where the reader works).
 */
export function flagLegend(rows: readonly ExportRow[]): FlagLegendEntry[] {
  const letters = new Set<string>();
  for (const row of rows)
    if (row.value !== null && row.flag) for (const l of row.flag) letters.add(l);
  return [...letters].sort().map((letter) => ({
    letter,
    meaning: describeFlagLocalised(letter),
    mark: letter === 'b' ? 'break' : letter === 'p' || letter === 'e' ? 'hollow' : 'letter'
  }));
}

/**
 * The text without the characters XML 1.0 forbids anywhere (control characters other than
 * tab and line breaks, U+FFFE, U+FFFF): one of them in a label would make the file unreadable.
 */
function xmlCharactersOnly(text: string): string {
  let kept = '';
  for (const character of text) {
    const code = character.codePointAt(0) as number;
    const forbidden =
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) ||
      code === 0xfffe ||
      code === 0xffff;
    if (!forbidden) kept += character;
  }
  return kept;
}

export function escapeXml(text: string): string {
  return xmlCharactersOnly(text)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

// Composite drawings wrap their text lines the same way.
export { wrapLines };

/** Colours of the theme the chart was drawn in, so text and background match its marks. */
export interface ExportColours {
  background: string;
  text: string;
  muted: string;
}

export interface StandaloneSvgInput {
  /** The chart itself, an `<svg>` element as markup with its styles inlined. */
  chartMarkup: string;
  chartWidth: number;
  chartHeight: number;
  text: ChartText;
  legend: readonly FlagLegendEntry[];
  colours: ExportColours;
  /** Extra CSS for the file's `<style>`, e.g. @font-face rules with the font inside. */
  fontCss?: string;
}

const PAD = 20;
const GAP = 10;
const TITLE = { size: 20, line: 26 };
const SUBTITLE = { size: 14, line: 19 };
const SMALL = { size: 12, line: 17 };
// An average glyph is about half an em wide; a little more keeps lines inside the frame.
const charsPerLine = (width: number, size: number) =>
  Math.max(20, Math.floor(width / (size * 0.56)));

/**
 * A standalone SVG file of a chart: title, subtitle, the chart, the flag legend, notes and
 * the source line, on the chart's background, with every style inline and the fonts named.
 * Returns the file's text and its size in CSS pixels.
 */
export function standaloneSvg(input: StandaloneSvgInput): {
  svg: string;
  width: number;
  height: number;
} {
  const { text, colours } = input;
  const width = Math.round(input.chartWidth + 2 * PAD);
  const inner = width - 2 * PAD;
  const parts: string[] = [];
  let y = PAD;

  const block = (content: string, style: { size: number; line: number }, attrs: string) => {
    for (const line of wrapLines(content, charsPerLine(inner, style.size), true)) {
      y += style.line;
      parts.push(
        `<text x="${PAD}" y="${y - (style.line - style.size) / 2 - 3}" font-size="${style.size}" ${attrs}>${escapeXml(line)}</text>`
      );
    }
  };

  block(text.title, TITLE, `font-weight="700" fill="${escapeXml(colours.text)}" class="title"`);
  if (text.subtitle.trim() !== '')
    block(text.subtitle, SUBTITLE, `fill="${escapeXml(colours.muted)}" class="subtitle"`);
  y += GAP;
  parts.push(
    `<g transform="translate(${PAD},${y})" class="chart">${xmlCharactersOnly(input.chartMarkup)}</g>`
  );
  y += input.chartHeight + GAP;

  if (input.legend.length > 0) {
    parts.push(
      `<g class="flag-legend" font-size="${SMALL.size}" fill="${escapeXml(colours.text)}">`
    );
    for (const entry of input.legend) {
      y += SMALL.line;
      const base = y - 4;
      const mark =
        entry.mark === 'hollow'
          ? `<circle cx="${PAD + 6}" cy="${base - 4}" r="4" fill="${escapeXml(colours.background)}" stroke="${escapeXml(colours.text)}" stroke-width="1.5"/>`
          : `<text x="${PAD}" y="${base}" font-weight="700">${entry.mark === 'break' ? '//' : escapeXml(entry.letter)}</text>`;
      parts.push(
        `<g class="flag" data-flag="${escapeXml(entry.letter)}">${mark}<text x="${PAD + 22}" y="${base}"><tspan font-weight="700">${escapeXml(entry.letter)}</tspan> ${escapeXml(entry.meaning)}</text></g>`
      );
    }
    parts.push('</g>');
    y += GAP / 2;
  }
  for (const note of text.notes)
    if (note.trim() !== '') block(note, SMALL, `fill="${escapeXml(colours.muted)}" class="note"`);
  // The marks show a label cut short; the whole text, and an event's source, are written here.
  for (const line of text.annotations ?? [])
    block(line, SMALL, `fill="${escapeXml(colours.muted)}" class="annotation"`);
  block(text.source, SMALL, `fill="${escapeXml(colours.muted)}" class="source"`);
  y += PAD;

  const height = Math.round(y);
  const svg = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="export-title">`,
    `<title id="export-title">${escapeXml(text.title)}</title>`,
    `<desc>${escapeXml([text.subtitle, text.source].filter((t) => t.trim() !== '').join(' '))}</desc>`,
    `<style>${input.fontCss ?? ''} svg { font-family: ${FONT_STACK}; }</style>`,
    `<rect width="100%" height="100%" fill="${escapeXml(colours.background)}"/>`,
    ...parts,
    `</svg>`
  ].join('\n');
  return { svg, width, height };
}

/** Properties that decide how an SVG mark looks; all else is left to the defaults. */
const INLINED = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility'
] as const;

/**
 * The chart's `<svg>` as markup that looks the same without the page's style sheets: each
 * element gets its computed style written inline, and nothing interactive is kept.
 */
export function inlinedChartMarkup(chart: SVGSVGElement): string {
  const copy = chart.cloneNode(true) as SVGSVGElement;
  const originals = [chart, ...chart.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  originals.forEach((original, i) => {
    const target = copies[i] as SVGElement;
    const computed = getComputedStyle(original);
    target.setAttribute(
      'style',
      INLINED.map((name) => `${name}:${computed.getPropertyValue(name)}`).join(';')
    );
  });
  copy.querySelectorAll('.cursor').forEach((node) => node.remove());
  for (const name of ['role', 'aria-labelledby', 'class']) copy.removeAttribute(name);
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('overflow', 'visible');
  return new XMLSerializer().serializeToString(copy);
}

/** The colours the chart is drawn in, read from the page's theme. */
export function themeColours(element: Element): ExportColours {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    background: read('--bg', '#ffffff'),
    text: read('--fg', '#1b1b1b'),
    muted: read('--muted', '#4a4a4a')
  };
}
