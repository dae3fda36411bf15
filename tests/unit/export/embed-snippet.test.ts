import { describe, expect, it } from 'vitest';
import { embedSnippet } from '$lib/export/embed-snippet';

/**
 * A strict reading of one `<iframe …></iframe>` element: every attribute double-quoted, no
 * raw `<`, `>` or `"` inside a value, entities only among the five HTML ones. Returns the
 * attributes decoded, or throws.
 */
function parseIframe(html: string): Record<string, string> {
  const match = /^<iframe((?: [a-z-]+="[^"<>]*")+)><\/iframe>$/.exec(html);
  if (!match) throw new Error(`not a single well-formed iframe: ${html}`);
  const attributes: Record<string, string> = {};
  for (const [, name, value] of match[1].matchAll(/ ([a-z-]+)="([^"]*)"/g)) {
    if (name in attributes) throw new Error(`duplicate attribute ${name}`);
    if (/&(?!(amp|quot|lt|gt|#39);)/.test(value)) throw new Error(`bare & in ${name}`);
    attributes[name] = value
      .replaceAll('&quot;', '"')
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&#39;', "'")
      .replaceAll('&amp;', '&');
  }
  return attributes;
}

describe('embedSnippet', () => {
  it('is one iframe with the source, title, lazy loading and a height', () => {
    const src = 'https://example.org/embed?ds=crim_off_cat&geo=RO,NO&time=2008..2022&v=1';
    const attributes = parseIframe(embedSnippet({ src, title: 'Homicide', height: 540 }));
    expect(attributes).toEqual({
      src,
      title: 'Homicide',
      loading: 'lazy',
      style: 'width:100%;height:540px;border:0'
    });
  });

  it('escapes a hostile title so it cannot leave its attribute', () => {
    const title = '"><script>alert(1)</script> & <b>';
    const html = embedSnippet({ src: 'https://example.org/embed?a=1&b=2', title, height: 300.4 });
    expect(html).not.toContain('<script>');
    const attributes = parseIframe(html);
    expect(attributes.title).toBe(title);
    expect(attributes.src).toBe('https://example.org/embed?a=1&b=2');
    expect(attributes.style).toBe('width:100%;height:300px;border:0');
  });
});
