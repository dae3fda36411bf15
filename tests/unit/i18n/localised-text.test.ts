import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { describeFlagLocalised, formatComputed, setLocale } from '$lib/i18n';
import { noteText } from '$lib/state/link-note-text';
import { sourceLine } from '$lib/catalog/source-line';
import { computedDecimals } from '$lib/query/transforms';
import type { DatasetManifest } from '$lib/model/manifest';
import { parseViewParams } from '$lib/state/permalink';
import { ALL_IDS, manifestFor } from '../state/fixtures';
import { loadDatasetWords } from '$lib/i18n/dataset-words-files';

// Romanian cases read the datasets' Romanian words, which the page loads before it switches.
beforeAll(() => loadDatasetWords('ro'));

afterEach(() => setLocale('en'));

function notesOf(query: string): string[] {
  const params = new URLSearchParams(query);
  return parseViewParams(params, manifestFor('crim_off_cat'), ALL_IDS).notes.map(noteText);
}

describe('flag meanings', () => {
  it('follow the interface language, letter by letter', () => {
    expect(describeFlagLocalised('bep')).toBe('break in time series, estimated, provisional');
    setLocale('ro');
    expect(describeFlagLocalised('bep')).toBe('întrerupere în seria de timp, estimat, provizoriu');
    expect(describeFlagLocalised('x')).toBe('marcaj necunoscut „x”');
    expect(describeFlagLocalised(null)).toBe('');
  });
});

describe('link notes', () => {
  it('are worded in Romanian, lists included, with the offending values still quoted', () => {
    const query = 'ds=crim_off_cat&geo=XX,YY,ZZ,WW,RO&view=pie';
    expect(notesOf(query)).toEqual([
      'Unknown country codes “XX”, “YY”, “ZZ” and 1 more were ignored.',
      'Unknown view “pie”; the line chart is shown.'
    ]);
    setLocale('ro');
    expect(notesOf(query)).toEqual([
      'Codurile de țară necunoscute „XX”, „YY”, „ZZ” și încă 1 au fost ignorate.',
      'Vizualizare necunoscută „pie”; se afișează graficul liniar.'
    ]);
    expect(notesOf('geo=XX')).toEqual([
      'Codul de țară necunoscut „XX” a fost ignorat. Se afișează selecția implicită.'
    ]);
    // The dimension a note names is named in the reader's language too.
    expect(notesOf('unit=XX')).toEqual([
      'Codul „Unitate de măsură” necunoscut „XX” a fost ignorat. Se afișează selecția implicită.'
    ]);
    setLocale('en');
    expect(notesOf('unit=XX')).toEqual([
      'Unknown “Unit of measure” code “XX” was ignored. The default selection is shown.'
    ]);
    setLocale('ro');
    // Romanian quote marks go round the cleaned value, hidden characters still removed.
    expect(notesOf('view=pi\u202Ee')).toEqual([
      'Vizualizare necunoscută „pie”; se afișează graficul liniar.'
    ]);
  });
});

describe('the source line', () => {
  const dataset = {
    publisher: 'Eurostat',
    tableCode: 'crim_off_cat',
    licence: 'CC BY 4.0',
    lastUpdate: '2024-05-01',
    time: { frequency: 'annual', first: '2008', last: '2022', periods: [] }
  } as unknown as DatasetManifest;

  it('names publisher, table, date and licence in the interface language; an undated file by its last period', () => {
    expect(sourceLine(dataset)).toBe(
      'Source: Eurostat (crim_off_cat), data of 1 May 2024. Licence: CC BY 4.0.'
    );
    setLocale('ro');
    expect(sourceLine(dataset)).toBe(
      'Sursa: Eurostat (crim_off_cat), date din 1 mai 2024. Licență: CC BY 4.0.'
    );
    expect(sourceLine({ ...dataset, lastUpdate: null })).toBe(
      'Sursa: Eurostat (crim_off_cat), valori până la 2022; fișierul nu menționează data publicării. Licență: CC BY 4.0.'
    );
    setLocale('en');
    expect(sourceLine({ ...dataset, lastUpdate: null })).toBe(
      'Source: Eurostat (crim_off_cat), data to 2022; the file states no release date. Licence: CC BY 4.0.'
    );
  });
});

describe('computed values', () => {
  it('show hundredths (tenths for an index), two significant digits below 1', () => {
    expect(formatComputed(11.705838)).toBe('11.71');
    expect(formatComputed(103.4567, 1)).toBe('103.5');
    expect(formatComputed(0.0041873)).toBe('0.0042');
    expect(formatComputed(-0.5)).toBe('\u22120.5');
    expect(formatComputed(12.3)).toBe('12.30');
    expect(formatComputed(0)).toBe('0.00');
    setLocale('ro');
    expect(formatComputed(11.705838)).toBe('11,71');
    expect(formatComputed(12345.678)).toBe('12.345,68');
  });

  it('apply to computed transforms only: published values keep every digit', () => {
    expect(computedDecimals('none', false)).toBeNull();
    expect(computedDecimals('rate', false)).toBeNull();
    expect(computedDecimals('rate', true)).toBe(2);
    expect(computedDecimals('index', false)).toBe(1);
    for (const transform of ['yoy', 'change', 'cagr', 'ma3'] as const)
      expect(computedDecimals(transform, false)).toBe(2);
  });
});
