import { describe, expect, it } from 'vitest';
import { HOST_FLAG, embedSnippet } from '$lib/export/embed-snippet';

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

/** The snippet's two parts: the frame's HTML and the script's text. */
function parts(snippet: string): { frame: string; script: string } {
  const match = /^(<iframe [^\n]*><\/iframe>)\n<script>((?:(?!<\/script)[\s\S])*)<\/script>$/i.exec(
    snippet
  );
  if (!match) throw new Error(`not a frame followed by one script: ${snippet}`);
  return { frame: match[1], script: match[2] };
}

type Listener = (event: { origin: string; source: unknown; data: unknown }) => void;

/** A host page with `count` frames, on which snippets' scripts are run as a browser would. */
function hostPage(count: number) {
  const listeners: Listener[] = [];
  const frames = Array.from({ length: count }, () => ({
    contentWindow: {},
    style: { height: '' }
  }));
  const window: Record<string, unknown> = {
    addEventListener: (type: string, listener: Listener) => {
      if (type === 'message') listeners.push(listener);
    },
    document: { getElementsByTagName: (tag: string) => (tag === 'iframe' ? frames : []) }
  };
  return {
    window,
    frames,
    listeners,
    run: (script: string) => new Function('window', script)(window),
    post: (origin: string, source: unknown, data: unknown) =>
      listeners.forEach((listener) => listener({ origin, source, data }))
  };
}

const SRC = 'https://cooperare.example/embed?ds=crim_off_cat&geo=RO,NO&time=2008..2022&v=1';

describe('embedSnippet', () => {
  it('is one iframe with the source, title, lazy loading and the starting height', () => {
    const { frame } = parts(embedSnippet({ src: SRC, title: 'Homicide', height: 540 }));
    expect(parseIframe(frame)).toEqual({
      src: SRC,
      title: 'Homicide',
      loading: 'lazy',
      style: 'width:100%;height:540px;border:0'
    });
  });

  it('escapes a hostile title so it cannot leave its attribute', () => {
    const title = '"><script>alert(1)</script> & <b>';
    const snippet = embedSnippet({
      src: 'https://example.org/embed?a=1&b=2',
      title,
      height: 300.4
    });
    const { frame } = parts(snippet);
    expect(frame).not.toContain('<script>');
    const attributes = parseIframe(frame);
    expect(attributes.title).toBe(title);
    expect(attributes.src).toBe('https://example.org/embed?a=1&b=2');
    expect(attributes.style).toBe('width:100%;height:300px;border:0');
  });

  it('resizes a frame only from its own window, from the app origin, with a height', () => {
    const host = hostPage(2);
    host.run(parts(embedSnippet({ src: SRC, title: 'A', height: 500 })).script);
    const [first, second] = host.frames;
    host.post('https://cooperare.example', first.contentWindow, {
      type: 'cooperare:height',
      height: 661.2
    });
    expect(first.style.height).toBe('662px');
    expect(second.style.height).toBe('');

    // Another origin, a window that is no frame's, another message, a height that is none.
    host.post('https://evil.example', second.contentWindow, {
      type: 'cooperare:height',
      height: 9
    });
    host.post('https://cooperare.example', {}, { type: 'cooperare:height', height: 9 });
    host.post('https://cooperare.example', second.contentWindow, { type: 'other', height: 9 });
    for (const height of [-1, 0, 1e9, '300', null])
      host.post('https://cooperare.example', second.contentWindow, {
        type: 'cooperare:height',
        height
      });
    host.post('https://cooperare.example', second.contentWindow, null);
    expect(second.style.height).toBe('');
    expect(first.style.height).toBe('662px');
  });

  it('adds one listener however many times it is pasted, and one global', () => {
    const host = hostPage(3);
    const before = new Set(Object.keys(host.window));
    for (const title of ['A', 'B', 'C'])
      host.run(parts(embedSnippet({ src: SRC, title, height: 500 })).script);
    expect(host.listeners).toHaveLength(1);
    expect(Object.keys(host.window).filter((key) => !before.has(key))).toEqual([HOST_FLAG]);
    host.post('https://cooperare.example', host.frames[2].contentWindow, {
      type: 'cooperare:height',
      height: 700
    });
    expect(host.frames.map((frame) => frame.style.height)).toEqual(['', '', '700px']);

    // Charts from a second site on the same page get a listener of their own.
    host.run(
      parts(embedSnippet({ src: 'https://other.example/embed', title: 'D', height: 1 })).script
    );
    expect(host.listeners).toHaveLength(2);
  });

  it('keeps an origin that could close the script out of the script', () => {
    const { script } = parts(embedSnippet({ src: SRC, title: 'A', height: 500 }));
    expect(script).toContain('"https://cooperare.example"');
    expect(script).not.toMatch(/<\/?script/i);
  });
});
