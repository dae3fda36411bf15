import type MarkdownIt from 'markdown-it';

let renderer: Promise<MarkdownIt> | null = null;

/**
 * markdown-it, fetched the first time a board shows a text block (pages without one never
 * load it), set up so nothing a presenter writes can run or load: raw HTML is escaped
 * (`html: false`), links go through markdown-it's validator (no `javascript:`, `vbscript:`,
 * `file:` or `data:` links), and images are off, since one would be a request to another origin.
 */
function markdown(): Promise<MarkdownIt> {
  renderer ??= import('markdown-it').then(({ default: MarkdownIt }) =>
    new MarkdownIt({ html: false, linkify: false, typographer: false }).disable('image')
  );
  return renderer;
}

/** A text block's Markdown as HTML that is safe to put in the page. */
export async function renderMarkdown(text: string): Promise<string> {
  return (await markdown()).render(text);
}
