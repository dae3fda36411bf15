/** Text safe inside a double-quoted HTML attribute. */
export function escapeAttribute(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

export interface EmbedOptions {
  /** Absolute URL of the /embed page with the view's parameters. */
  src: string;
  /** The chart's title: screen readers announce the frame by it. */
  title: string;
  /** Starting height in CSS pixels; the page then posts its own height (see docs/embed.md). */
  height: number;
}

/** The HTML a presenter pastes into a web page to show the chart there. */
export function embedSnippet({ src, title, height }: EmbedOptions): string {
  const px = Math.max(120, Math.round(height));
  return `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" loading="lazy" style="width:100%;height:${px}px;border:0"></iframe>`;
}
