/**
 * The colours a download is drawn in. Presenters paste charts into reports, which are
 * nearly always white, so a file is light unless they ask for dark, whatever the screen shows.
 */
export const EXPORT_THEMES = ['light', 'dark'] as const;
export type ExportTheme = (typeof EXPORT_THEMES)[number];

export function isExportTheme(value: unknown): value is ExportTheme {
  return typeof value === 'string' && (EXPORT_THEMES as readonly string[]).includes(value);
}

/**
 * Runs `read` while the page computes its styles in `theme`: the same switch as the header's
 * theme control (data-theme on <html>, which app.css turns into a color-scheme for its
 * light-dark() colours), so the charts' markup read meanwhile (inlinedChartMarkup) carries
 * that theme's colours. The reader's own choice is back before this returns, so the screen
 * never paints the other theme.
 */
export function inExportTheme<T>(theme: ExportTheme, read: () => T): T {
  const root = document.documentElement;
  const chosen = root.dataset.theme;
  root.dataset.theme = theme;
  try {
    return read();
  } finally {
    if (chosen === undefined) delete root.dataset.theme;
    else root.dataset.theme = chosen;
  }
}
