import { describe, expect, test } from 'vitest';
import { noteText } from '../../../src/lib/state/link-note-text';
import {
  parseViewParams,
  permalinkHref,
  serializeViewState
} from '../../../src/lib/state/permalink';
import { ALL_IDS, CRIM_OFF_CAT } from './fixtures';

const open = (query: string) => parseViewParams(new URLSearchParams(query), CRIM_OFF_CAT, ALL_IDS);

describe('proj, treated and start in explorer links', () => {
  test('a link without proj opens as before: no projection, the same canonical link', () => {
    const old = 'ds=crim_off_cat&geo=RO,NO&view=line&v=1';
    const { state, notes } = open(old);
    expect(notes).toEqual([]);
    expect(state.projection).toBeUndefined();
    expect(serializeViewState(state, CRIM_OFF_CAT).has('proj')).toBe(false);
  });

  test('proj=1 turns the projection on and is written back; another value is noted', () => {
    const { state } = open('ds=crim_off_cat&geo=RO&view=line&proj=1');
    expect(state.projection).toBe(true);
    expect(permalinkHref(state, CRIM_OFF_CAT)).toContain('&proj=1');
    const bad = open('ds=crim_off_cat&geo=RO&proj=yes');
    expect(bad.state.projection).toBeUndefined();
    expect(bad.notes.map(noteText)).toEqual([
      'Unknown projection setting “yes”; write proj=1 for a projection. The chart is shown without one.'
    ]);
  });

  test('a synthetic link keeps its treated unit (case forgiven), its start and its donors', () => {
    const { state, notes } = open(
      'ds=crim_off_cat&geo=RO,BG,HU&view=synthetic&treated=ro&start=2014'
    );
    expect(notes).toEqual([]);
    expect(state.synthetic).toEqual({ treated: 'RO', start: '2014' });
    expect(state.selections.geo).toEqual(['RO', 'BG', 'HU']);
    const again = open(serializeViewState(state, CRIM_OFF_CAT).toString());
    expect(again.state).toEqual(state);
  });

  test('without geo= the selection is the treated unit alone, so every unit is a donor', () => {
    const { state } = open('ds=crim_off_cat&view=synthetic&treated=RO&start=2014');
    expect(state.selections.geo).toEqual(['RO']);
    expect(permalinkHref(state, CRIM_OFF_CAT)).toContain('geo=RO&');
  });

  test('treated and start belong to the synthetic view only', () => {
    const { state } = open('ds=crim_off_cat&geo=RO&view=line&treated=RO&start=2014');
    expect(state.synthetic).toBeUndefined();
    expect(serializeViewState(state, CRIM_OFF_CAT).has('treated')).toBe(false);
  });
});
