import { describe, expect, test } from 'vitest';
import { parseViewParams, permalinkHref, resolveDatasetId } from '../../../src/lib/state/permalink';
import { noteText } from '../../../src/lib/state/link-note-text';
import { ALL_IDS, manifestFor } from './fixtures';

function openLink(query: string) {
  const params = new URLSearchParams(query);
  const id = resolveDatasetId(params, ALL_IDS);
  const parsed = parseViewParams(params, manifestFor(id), ALL_IDS);
  return { state: parsed.state, notes: parsed.notes.map(noteText), manifest: manifestFor(id) };
}

describe('scatter links', () => {
  test('a scatter link reads its measures and is written back the same', () => {
    const link =
      'ds=crim_off_cat&iccs=ICCS0502&unit=P_HTHAB&geo=RO,NO&time=2021&view=scatter' +
      '&y=migr_eipre&y.citizen=TOTAL&y.transform=rate&size=demo_gind&trails=1';
    const { state, notes, manifest } = openLink(link);
    expect(notes).toEqual([]);
    expect(state.scatter).toEqual({
      y: { dataset: 'migr_eipre', selections: { citizen: 'TOTAL' }, rate: true },
      size: { dataset: 'demo_gind', selections: {}, rate: false },
      trails: true
    });
    const written = permalinkHref(state, manifest);
    expect(written).toContain(
      '&y=migr_eipre&y.citizen=TOTAL&y.transform=rate&size=demo_gind&trails=1'
    );
    expect(openLink(written.slice(written.indexOf('?') + 1)).state).toEqual(state);
  });

  test('a scatter link without y takes the default y measure', () => {
    expect(openLink('ds=crim_off_cat&view=scatter').state.scatter?.y.dataset).toBe('migr_eipre');
    expect(openLink('ds=migr_eipre&view=scatter').state.scatter?.y.dataset).toBe('crim_off_cat');
  });

  test('in a link of another view, y and size are what they were before: unknown settings', () => {
    const { state, notes } = openLink('ds=crim_off_cat&view=line&y=crim_off_cat&trails=1');
    expect(state.scatter).toBeUndefined();
    expect(notes.join(' ')).toMatch(/Unknown settings .*y.*trails/);
    expect(permalinkHref(state, manifestFor('crim_off_cat'))).not.toContain('y=');
  });

  test('unreadable scatter values are noted and dropped', () => {
    const { state, notes } = openLink(
      'ds=crim_off_cat&view=scatter&y=migr_eipre&y.transform=index&y.citizen=%3Cb%3E&trails=yes'
    );
    expect(state.scatter).toEqual({
      y: { dataset: 'migr_eipre', selections: {}, rate: false },
      size: null,
      trails: false
    });
    expect(notes).toHaveLength(3);
  });
});
