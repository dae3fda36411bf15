import { describe, expect, test } from 'vitest';
import { MIGRATIONS, migrateParams } from '../../../src/lib/state/migrations';
import { parseViewParams, resolveDatasetId } from '../../../src/lib/state/permalink';
import { PERMALINK_VERSION } from '../../../src/lib/state/view-state';
import { noteText } from '../../../src/lib/state/link-note-text';
import { ALL_IDS, manifestFor } from './fixtures';

/** The parsed link with its notes worded as the page shows them (English, the base locale). */
function openLink(query: string) {
  const params = new URLSearchParams(query);
  const parsed = parseViewParams(params, manifestFor(resolveDatasetId(params, ALL_IDS)), ALL_IDS);
  return { state: parsed.state, notes: parsed.notes.map(noteText) };
}

describe('migrations', () => {
  test('form one chain from version 0 to the current version', () => {
    MIGRATIONS.forEach((migration, i) => expect(migration.from).toBe(i));
    expect(MIGRATIONS.length).toBe(PERMALINK_VERSION);
  });

  test('a prototype link opens as the same view in the current scheme', () => {
    const legacy = openLink('dataset=frontex_ibc&chart=bar&time=2015-2020');
    const current = openLink('ds=frontex_ibc&view=bars&time=2015..2020&v=1');
    expect(legacy.notes).toEqual([]);
    expect(legacy.state).toEqual(current.state);
    expect(legacy.state.time).toEqual({ from: '2015-01', to: '2020-12' });

    const countries = openLink('dataset=crim_off_cat&countries=RO,NO,PL&chart=small-multiples');
    expect(countries.state.selections.geo).toEqual(['RO', 'NO', 'PL']);
    expect(countries.state.view).toBe('multiples');
    expect(countries.notes).toEqual([]);
  });

  test('current-style links without v are left as they are', () => {
    const query = 'ds=crim_off_cat&geo=RO,NO&time=2008..2022&view=slope&transform=change';
    const migrated = migrateParams(new URLSearchParams(query));
    expect(migrated.fromVersion).toBe(0);
    expect([...migrated.params]).toEqual([...new URLSearchParams(query)]);
    expect(migrated.notes).toEqual([]);
  });

  test('a monthly period is not mistaken for a year range', () => {
    const migrated = migrateParams(new URLSearchParams('time=2019-03'));
    expect(migrated.params.get('time')).toBe('2019-03');
  });

  test('the current name wins over the old one, with a note', () => {
    const { state, notes } = openLink('dataset=migr_eipre&ds=crim_off_cat&countries=SE&geo=RO');
    expect(state.dataset).toBe('crim_off_cat');
    expect(state.selections.geo).toEqual(['RO']);
    expect(notes).toEqual([
      'The old setting “dataset” was ignored: the link also gives “ds”.',
      'The old setting “countries” was ignored: the link also gives “geo”.'
    ]);
  });

  test('a version 1 link with two varying dimensions opens as it did: the series and one code of the other', () => {
    const v1 = 'ds=crim_off_cat&iccs=ICCS0101,ICCS0501&unit=P_HTHAB&geo=RO,NO,BG&view=line&v=1';
    const { state, notes } = openLink(v1);
    expect(state.selections.geo).toEqual(['RO', 'NO', 'BG']);
    expect(state.selections.iccs).toEqual(['ICCS0101']);
    expect(notes).toEqual([]);
    // Without geo varying, version 1 drew the first dimension of the link with several codes.
    const offences = openLink('ds=crim_off_cat&iccs=ICCS0101,ICCS0501&unit=P_HTHAB,NR&geo=RO&v=1');
    expect(offences.state.selections.iccs).toEqual(['ICCS0101', 'ICCS0501']);
    expect(offences.state.selections.unit).toEqual(['P_HTHAB']);
  });

  test('a version 2 link keeps both varying dimensions', () => {
    const { state } = openLink(
      'ds=crim_off_cat&iccs=ICCS0101,ICCS0501&unit=P_HTHAB&geo=RO,NO,BG&view=line&v=2'
    );
    expect(state.selections.geo).toEqual(['RO', 'NO', 'BG']);
    expect(state.selections.iccs).toEqual(['ICCS0101', 'ICCS0501']);
  });

  test('version 1 links are not migrated: old names are unknown settings there', () => {
    const { state, notes } = openLink('v=1&countries=SE');
    expect(state.selections.geo).toEqual(['RO', 'NO', 'BG', 'HU']);
    expect(notes).toEqual(['Unknown setting “countries” was ignored.']);
  });

  test('a newer or unreadable version is read as the current one, with a note', () => {
    expect(openLink('v=7&view=bars')).toEqual({
      state: expect.objectContaining({ view: 'bars', version: PERMALINK_VERSION }),
      notes: [
        'This link was made by a newer version of the explorer (v7); settings this version does not know are ignored.'
      ]
    });
    expect(openLink('v=one').notes).toEqual([
      'The link version “one” was not understood; it was read as version 2.'
    ]);
  });

  test('the caller’s parameters are not changed', () => {
    const params = new URLSearchParams('dataset=crim_off_cat&v=0');
    migrateParams(params);
    expect(params.toString()).toBe('dataset=crim_off_cat&v=0');
  });

  test('a legacy chart name that is also an object property is just an unknown view', () => {
    const { state, notes } = openLink('chart=constructor');
    expect(state.view).toBe('line');
    expect(notes).toEqual(['Unknown view “constructor”; the line chart is shown.']);
  });
});
