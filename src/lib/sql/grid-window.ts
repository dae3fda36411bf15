/** Which rows of a long result are in the DOM, and where they sit. */
export interface GridWindow {
  /** First row rendered. */
  first: number;
  /** One past the last row rendered. */
  end: number;
  /** Distance from the top of the scroll area to the first rendered row, in pixels. */
  offset: number;
  /** Height of all rows, so the scroll bar is that of the whole result. */
  total: number;
}

/**
 * The rows to render for a scroll position: the ones in view plus `overscan` on either side,
 * so fast scrolling does not show blank space. Rows have one fixed height, which is what
 * makes this arithmetic rather than measurement.
 */
export function gridWindow(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  rowCount: number,
  overscan = 8
): GridWindow {
  const total = rowCount * rowHeight;
  if (rowCount === 0 || rowHeight <= 0) return { first: 0, end: 0, offset: 0, total: 0 };
  const top = Math.min(Math.max(0, scrollTop), Math.max(0, total - viewportHeight));
  const firstVisible = Math.floor(top / rowHeight);
  const visible = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const first = Math.max(0, firstVisible - overscan);
  const end = Math.min(rowCount, firstVisible + visible + overscan);
  return { first, end, offset: first * rowHeight, total };
}
