import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/lib/boards/markdown';

/** The elements and attributes the HTML holds, as a browser would parse them. */
function tags(html: string): string[] {
  return [...html.matchAll(/<([a-z0-9]+)([^>]*)>/gi)].map((m) => `${m[1]}${m[2]}`);
}

describe('text blocks', () => {
  it('write Markdown as HTML', async () => {
    const html = await renderMarkdown('# Title\n\n**bold** and [a link](https://example.org/x)');
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<a href="https://example.org/x">a link</a>');
  });

  it('leave a script tag as text', async () => {
    const html = await renderMarkdown('<script>alert(1)</script>\n\nafter');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('leave raw HTML and its event handlers as text', async () => {
    const html = await renderMarkdown('<img src=x onerror="alert(1)"> <b onclick="x()">b</b>');
    expect(tags(html)).toEqual(['p']);
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
  });

  it('do not make links of javascript:, vbscript: or data: addresses', async () => {
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'vbscript:x',
      'data:text/html;base64,PHNjcmlwdD4='
    ]) {
      const html = await renderMarkdown(`[click](${href})`);
      expect(html, href).not.toContain('<a');
      expect(html, href).toContain('[click]');
    }
  });

  it('load no image, which would be a request to another origin', async () => {
    const html = await renderMarkdown('![chart](https://example.org/tracker.png)');
    expect(html).not.toContain('<img');
  });
});
