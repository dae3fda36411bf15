import { describe, expect, test } from 'vitest';
import {
  NOTE_VALUE_MAX_LENGTH,
  quoteForNote,
  quoteListForNote
} from '../../../src/lib/state/note-text';
import {
  parseViewParams,
  resolveDatasetId,
  serializeViewState,
  type ParsedView
} from '../../../src/lib/state/permalink';
import { SCALES, TRANSFORMS, VIEWS, type ViewState } from '../../../src/lib/state/view-state';
import { noteText } from '../../../src/lib/state/link-note-text';
import { ALL_IDS, manifestFor } from './fixtures';

const HIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;
const RLO = '\u202E';

/** The parsed link with its notes worded as the page shows them (English, the base locale). */
function worded(parsed: ParsedView): { state: ViewState; notes: string[] } {
  return { state: parsed.state, notes: parsed.notes.map(noteText) };
}

function openLink(params: URLSearchParams) {
  return worded(parseViewParams(params, manifestFor(resolveDatasetId(params, ALL_IDS)), ALL_IDS));
}

/** Links a presenter, a broken mail client or an attacker might produce. */
const HOSTILE: [string, URLSearchParams][] = [
  ['markup as a view', new URLSearchParams({ view: '<script>alert(1)</script>' })],
  ['markup as a code', new URLSearchParams({ geo: '"><img src=x onerror=alert(1)>' })],
  ['a 10 000-character code', new URLSearchParams({ geo: 'A'.repeat(10_000) })],
  ['a 10 000-character setting name', new URLSearchParams({ ['x'.repeat(10_000)]: '1' })],
  [
    'a 10 000-character base',
    new URLSearchParams({ transform: 'index', base: '9'.repeat(10_000) })
  ],
  ['right-to-left override in a dataset id', new URLSearchParams({ ds: `crim${RLO}fo_cat` })],
  ['right-to-left override in a code', new URLSearchParams({ geo: `RO${RLO},NO` })],
  ['right-to-left override in a time range', new URLSearchParams({ time: `2008..2022${RLO}` })],
  ['zero-width space in a dataset id', new URLSearchParams({ ds: 'frontex_ibc\u200B' })],
  ['control characters', new URLSearchParams({ view: 'bars\u0000\u0007', geo: 'RO\nNO' })],
  ['path traversal as a dataset', new URLSearchParams({ ds: '../../etc/passwd' })],
  ['path traversal as a time', new URLSearchParams({ time: '../../etc/passwd' })],
  ['dots only', new URLSearchParams({ time: '....' })],
  ['three dots', new URLSearchParams({ time: '2008...2022' })],
  ['two ranges', new URLSearchParams({ time: '2008..2010..2012' })],
  ['duplicated dataset', new URLSearchParams('ds=crim_off_cat&ds=frontex_ibc')],
  ['duplicated time', new URLSearchParams('time=2008..2010&time=2012..2014')],
  [
    'duplicated everything',
    new URLSearchParams('view=map&view=table&transform=yoy&transform=rate&scale=log&scale=linear')
  ],
  ['broken percent-encoding', new URLSearchParams('geo=%E0%A4%A&ds=%FF')],
  ['a lone surrogate', new URLSearchParams({ geo: 'RO\uD800' })],
  ['50 emoji', new URLSearchParams({ view: '😀'.repeat(50) })],
  ['prototype names', new URLSearchParams('__proto__=x&constructor=y&toString=z&hasOwnProperty=1')],
  [
    'prototype names as values',
    new URLSearchParams('ds=__proto__&view=constructor&transform=toString')
  ],
  ['huge version', new URLSearchParams({ v: '99999999999999999999' })],
  ['negative version', new URLSearchParams({ v: '-1' })],
  ['5 000 settings', new URLSearchParams(Array.from({ length: 5000 }, (_, i) => [`p${i}`, 'x']))],
  [
    '5 000 codes',
    new URLSearchParams({ geo: Array.from({ length: 5000 }, (_, i) => `X${i}`).join(',') })
  ],
  ['a nameless setting', new URLSearchParams('=bars&%E2%80%AE=1')],
  ['SQL in a code', new URLSearchParams({ iccs: "ICCS0101'; DROP TABLE crim_off_cat; --" })]
];

describe('hostile links', () => {
  test.each(HOSTILE)('%s: defaults and safe notes', (_name, params) => {
    const before = Object.keys(Object.prototype).length;
    const { state, notes } = openLink(params);
    expect(Object.keys(Object.prototype).length).toBe(before);

    const manifest = manifestFor(state.dataset);
    expect(manifest).not.toBeNull();
    expect(VIEWS).toContain(state.view);
    expect(TRANSFORMS).toContain(state.transform);
    expect(SCALES).toContain(state.scale);
    for (const dimension of manifest!.dimensions) {
      const codes = dimension.codes.map((c) => c.code);
      expect(state.selections[dimension.id].length).toBeGreaterThan(0);
      for (const code of state.selections[dimension.id]) expect(codes).toContain(code);
    }
    if (state.time) {
      expect(manifest!.time.periods).toContain(state.time.from);
      expect(manifest!.time.periods).toContain(state.time.to);
    }

    expect(notes.length).toBeLessThanOrEqual(12);
    for (const note of notes) {
      expect(note).not.toMatch(HIDDEN);
      expect(note.length).toBeLessThan(400);
      for (const [, quoted] of note.matchAll(/“([^”]*)”/g))
        expect(Array.from(quoted).length).toBeLessThanOrEqual(NOTE_VALUE_MAX_LENGTH);
    }
    // Whatever came in, the link written back is clean and reads the same.
    const reopened = openLink(serializeViewState(state, manifest));
    expect(reopened).toEqual({ state, notes: [] });
  });

  test('notes quote the offending value, cleaned and cut', () => {
    const markup = openLink(new URLSearchParams({ view: '<script>alert(1)</script>' }));
    expect(markup.notes).toEqual([
      'Unknown view “<script>alert(1)</script>”; the line chart is shown.'
    ]);

    const long = openLink(new URLSearchParams({ geo: 'A'.repeat(10_000) }));
    expect(long.notes).toEqual([
      `Unknown country code “${'A'.repeat(39)}…” was ignored. The default selection is shown.`
    ]);

    const traversal = openLink(new URLSearchParams({ ds: '../../etc/passwd' }));
    expect(traversal.notes).toEqual([
      'Unknown dataset “../../etc/passwd”; “crim_off_cat” is shown instead.'
    ]);

    const many = openLink(
      new URLSearchParams({ geo: Array.from({ length: 5000 }, (_, i) => `X${i}`).join(',') })
    );
    expect(many.notes).toEqual([
      'Unknown country codes “X0”, “X1”, “X2” and 4997 more were ignored. The default selection is shown.'
    ]);
  });

  test('hidden characters are removed before a value is read', () => {
    expect(openLink(new URLSearchParams({ geo: `RO${RLO},NO` }))).toMatchObject({
      state: { selections: { geo: ['RO', 'NO'] } },
      notes: []
    });
    expect(openLink(new URLSearchParams({ ds: 'frontex_ibc\u200B' })).state.dataset).toBe(
      'frontex_ibc'
    );
  });

  test('duplicated settings keep the first value', () => {
    const { state, notes } = openLink(new URLSearchParams('time=2008..2010&time=2012..2014'));
    expect(state.time).toEqual({ from: '2008', to: '2010' });
    expect(notes).toEqual(['“time” was given 2 times; the first, “2008..2010”, was used.']);
  });
});

describe('quoteForNote', () => {
  test('removes bidi overrides, controls and zero-width characters', () => {
    expect(quoteForNote(`evil${RLO}txt.exe`)).toBe('“eviltxt.exe”');
    expect(quoteForNote('a\u0000b\u200Bc\u2066d\u2028e')).toBe('“abcde”');
  });

  test('cuts long values without splitting a character', () => {
    const quoted = quoteForNote('😀'.repeat(50));
    expect(Array.from(quoted.slice(1, -1))).toHaveLength(NOTE_VALUE_MAX_LENGTH);
    expect(quoted.endsWith('😀…”')).toBe(true);
    expect(quoted).not.toMatch(HIDDEN);
    expect(quoteForNote('x'.repeat(40))).toBe(`“${'x'.repeat(40)}”`);
  });

  test('lists up to three values', () => {
    expect(quoteListForNote(['A'])).toBe('“A”');
    expect(quoteListForNote(['A', 'B'])).toBe('“A” and “B”');
    expect(quoteListForNote(['A', 'B', 'C'])).toBe('“A”, “B” and “C”');
    expect(quoteListForNote(['A', 'B', 'C', 'D', 'E'])).toBe('“A”, “B”, “C” and 2 more');
  });
});
