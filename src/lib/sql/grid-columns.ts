import type { ResultColumn } from './result';

/** Rows read to size the columns: enough to see the long labels, few enough to stay instant. */
export const SIZING_ROWS = 1000;

/** A column never narrower than this many characters, nor wider than MAX_WIDTH. */
const MIN_CHARS = 6;
const MAX_WIDTH = '24rem';
/** The padding on either side of a cell (0.6rem each in ResultGrid's CSS). */
const PADDING = '1.2rem';

/**
 * The grid's column tracks, one fixed width each, written once for the header and every row.
 * Each row is its own CSS grid (only the rows in view exist), so tracks sized to content
 * would differ from row to row and the columns would not line up. The width is measured in
 * characters from the header and the first rows' text; a longer cell further down is cut
 * with an ellipsis, as any wider than MAX_WIDTH is.
 */
export function columnTracks(
  columns: readonly ResultColumn[],
  cellTexts: (column: number) => Iterable<string | null>
): string {
  const tracks = columns.map((column, c) => {
    // The name is bold (wider) and the type small (narrower) than the cells' characters.
    let chars = Math.ceil(column.name.length * 1.1 + 1 + column.type.length * 0.8);
    for (const text of cellTexts(c)) chars = Math.max(chars, text?.length ?? 4);
    return `min(${MAX_WIDTH}, calc(${Math.max(MIN_CHARS, chars)}ch + ${PADDING}))`;
  });
  return ['5rem', ...tracks].join(' ');
}
