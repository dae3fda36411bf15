import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '$lib/i18n';
import { transformNoteText } from '$lib/query/transform-note-text';
import type { TransformNote } from '$lib/query/transform/notes';
import { planExplore } from '$lib/explore/plan';
import { defaultViewState } from '$lib/state/defaults';
import type { ViewState } from '$lib/state/view-state';
import { frontexRouteManifest } from '../support/test-manifest';

afterEach(() => setLocale('en'));

const NOTES: [TransformNote, string, string][] = [
  [
    { code: 'no_population', params: { geo: 'UKC-L', year: '2008' } },
    'No population figure for UKC-L in 2008.',
    'Lipsește cifra populației pentru UKC-L în 2008.'
  ],
  [
    { code: 'base_not_positive', params: { base: '2010' } },
    'The value in the base period 2010 is zero or negative, so no index can be based on it.',
    'Valoarea din perioada de bază 2010 este zero sau negativă, așa că nu se poate calcula un indice față de ea.'
  ],
  [
    { code: 'average_gap', params: { period: '2009' } },
    'A value is missing in the three periods ending in 2009, so no average is shown.',
    'Lipsește o valoare în cele trei perioade care se încheie în 2009, așa că nu se afișează o medie.'
  ],
  [
    { code: 'not_later', params: { from: '2022', to: '2020' } },
    '2020 is not later than 2022.',
    '2020 nu este după 2022.'
  ]
];

describe('transform notes', () => {
  it('are worded in the interface language, with their periods and codes in place', () => {
    for (const [note, english] of NOTES) expect(transformNoteText(note)).toBe(english);
    setLocale('ro');
    for (const [note, , romanian] of NOTES) expect(transformNoteText(note)).toBe(romanian);
  });
});

describe('a rate that cannot be worked out', () => {
  const frontex = frontexRouteManifest();

  it('is explained in the interface language, from the plan the explorer makes', () => {
    const state: ViewState = { ...defaultViewState(frontex.id, frontex), transform: 'rate' };
    const english = planExplore(state, frontex, null);
    expect(english).toMatchObject({
      spec: {
        plan: {
          message:
            '“Monthly detections of illegal border-crossing” has no countries, so it cannot be put per 100 000 inhabitants.'
        }
      }
    });
    setLocale('ro');
    expect(planExplore(state, frontex, null)).toMatchObject({
      spec: {
        plan: {
          message:
            '„Monthly detections of illegal border-crossing” nu are țări, deci nu poate fi raportat la 100 000 de locuitori.'
        }
      }
    });
  });
});
