import { describe, expect, test } from 'vitest';
import {
  parseViewParams,
  permalinkHref,
  resolveDatasetId,
  serializeViewState,
  type ParsedView
} from '../../../src/lib/state/permalink';
import { defaultViewState } from '../../../src/lib/state/defaults';
import {
  PERMALINK_VERSION,
  SCALES,
  TRANSFORMS,
  VIEWS,
  type ViewState
} from '../../../src/lib/state/view-state';
import { noteText } from '../../../src/lib/state/link-note-text';
import { readChartTextParams, withChartTextParams } from '../../../src/lib/state/chart-text-params';
import { ALL_IDS, CRIM_OFF_CAT, manifestFor } from './fixtures';

/** The parsed link with its notes worded as the page shows them (English, the base locale). */
function worded(parsed: ParsedView): { state: ViewState; notes: string[] } {
  return { state: parsed.state, notes: parsed.notes.map(noteText) };
}

/** What the explorer does with a link: find the dataset, load its manifest, parse. */
function openLink(query: string) {
  const params = new URLSearchParams(query);
  return worded(parseViewParams(params, manifestFor(resolveDatasetId(params, ALL_IDS)), ALL_IDS));
}

function expectRoundTrip(state: ViewState): void {
  const manifest = manifestFor(state.dataset);
  const params = serializeViewState(state, manifest);
  const reopened = parseViewParams(params, manifest, ALL_IDS);
  expect(reopened.notes).toEqual([]);
  expect(reopened.state).toEqual(state);
  expect(serializeViewState(reopened.state, manifest).toString()).toBe(params.toString());
}

describe('parseViewParams', () => {
  test('an empty link shows the default view of crim_off_cat', () => {
    const { state, notes } = openLink('');
    expect(notes).toEqual([]);
    expect(state).toEqual({
      version: PERMALINK_VERSION,
      dataset: 'crim_off_cat',
      selections: {
        freq: ['A'],
        iccs: ['ICCS0101'],
        unit: ['P_HTHAB'],
        geo: ['RO', 'NO', 'BG', 'HU']
      },
      time: null,
      view: 'line',
      transform: 'none',
      base: null,
      scale: 'linear'
    });
  });

  test('the documented example, where EU27_2020 is not in crim_off_cat', () => {
    const { state, notes } = openLink(
      'ds=crim_off_cat&iccs=ICCS0501&unit=P_HTHAB&geo=RO,NO,EU27_2020&time=2008..2022&view=line'
    );
    expect(state.selections).toEqual({
      freq: ['A'],
      iccs: ['ICCS0501'],
      unit: ['P_HTHAB'],
      geo: ['RO', 'NO']
    });
    expect(state.time).toEqual({ from: '2008', to: '2022' });
    expect(notes).toEqual(['Unknown country code “EU27_2020” was ignored.']);
  });

  test('codes keep the link’s order, lose repeats, and forgive case', () => {
    const { state, notes } = openLink('geo=no,RO,NO&geo=bg');
    expect(state.selections.geo).toEqual(['NO', 'RO', 'BG']);
    expect(notes).toEqual([]);
  });

  test('unknown codes are listed in one note; with none left the default is shown', () => {
    const some = openLink('geo=RO,XX,YY,ZZ,QQ');
    expect(some.state.selections.geo).toEqual(['RO']);
    expect(some.notes).toEqual(['Unknown country codes “XX”, “YY”, “ZZ” and 1 more were ignored.']);
    const none = openLink('iccs=ICCS9999');
    expect(none.state.selections.iccs).toEqual(['ICCS0101']);
    expect(none.notes).toEqual([
      'Unknown “Offence” code “ICCS9999” was ignored. The default selection is shown.'
    ]);
  });

  test('an unknown dataset falls back to crim_off_cat with a note', () => {
    const params = new URLSearchParams('ds=crim_off_kat&geo=RO');
    expect(resolveDatasetId(params, ALL_IDS)).toBe('crim_off_cat');
    const { state, notes } = openLink('ds=crim_off_kat&geo=RO');
    expect(state.dataset).toBe('crim_off_cat');
    expect(state.selections.geo).toEqual(['RO']);
    expect(notes).toEqual(['Unknown dataset “crim_off_kat”; “crim_off_cat” is shown instead.']);
  });

  test('dataset ids are matched without regard to case', () => {
    expect(openLink('ds=FRONTEX_IBC').state.dataset).toBe('frontex_ibc');
  });

  test('unknown settings are named', () => {
    const { notes } = openLink('colour=red&chart_type=x&foo=1&bar=2');
    expect(notes).toEqual([
      'Unknown settings “colour”, “chart_type”, “foo” and 1 more were ignored.'
    ]);
  });

  test('a setting given twice with different values keeps the first', () => {
    const { state, notes } = openLink('view=bars&view=map');
    expect(state.view).toBe('bars');
    expect(notes).toEqual(['“view” was given 2 times; the first, “bars”, was used.']);
    expect(openLink('view=bars&view=bars').notes).toEqual([]);
  });

  test('view, transform and scale: unknown values fall back with a note', () => {
    const { state, notes } = openLink('view=pie&transform=log10&scale=sqrt');
    expect([state.view, state.transform, state.scale]).toEqual(['line', 'none', 'linear']);
    expect(notes).toEqual([
      'Unknown view “pie”; the line chart is shown.',
      'Unknown transformation “log10”; the values are shown as published.',
      'Unknown scale “sqrt”; a linear scale is used.'
    ]);
    expect(openLink('view=Bars&scale=LOG').state).toMatchObject({ view: 'bars', scale: 'log' });
  });

  test('a map needs countries', () => {
    const { state, notes } = openLink('ds=frontex_ibc&view=map');
    expect(state.view).toBe('line');
    expect(notes).toEqual([
      'This dataset has no countries to draw on a map; the line chart is shown.'
    ]);
  });
});

describe('time', () => {
  const timeOf = (query: string) => openLink(query);

  test('a range, a single period, and open ends', () => {
    expect(timeOf('time=2010..2015').state.time).toEqual({ from: '2010', to: '2015' });
    expect(timeOf('time=2015').state.time).toEqual({ from: '2015', to: '2015' });
    expect(timeOf('time=2015..').state.time).toEqual({ from: '2015', to: '2022' });
    expect(timeOf('time=..2012').state.time).toEqual({ from: '2008', to: '2012' });
  });

  test('reversed ranges are swapped, ranges past the data are cut', () => {
    const reversed = timeOf('time=2022..2008');
    expect(reversed.state.time).toEqual({ from: '2008', to: '2022' });
    expect(reversed.notes).toEqual([
      'The time range “2022..2008” was reversed; it was read as 2008..2022.'
    ]);
    const wide = timeOf('time=1990..2030');
    expect(wide.state.time).toEqual({ from: '2008', to: '2022' });
    expect(wide.notes).toEqual(['The time range was cut to the periods with data: 2008..2022.']);
  });

  test('ranges outside the data and malformed ranges give all periods', () => {
    expect(timeOf('time=1990..1995')).toEqual(
      expect.objectContaining({
        notes: [
          'The time range “1990..1995” lies outside the data (2008..2022); all periods are shown.'
        ]
      })
    );
    for (const bad of [
      '..',
      '2008...2022',
      '2008..2010..2012',
      '08..22',
      '2008-01',
      'all',
      '2008..Q1'
    ])
      expect(timeOf(`time=${encodeURIComponent(bad)}`).state.time, bad).toBeNull();
  });

  test('bare years work on monthly data', () => {
    expect(timeOf('ds=frontex_ibc&time=2019..2022').state.time).toEqual({
      from: '2019-01',
      to: '2022-12'
    });
    expect(timeOf('ds=frontex_ibc&time=2024').state.time).toEqual({
      from: '2024-01',
      to: '2024-12'
    });
    expect(timeOf('ds=frontex_ibc&time=2025').state.time).toEqual({
      from: '2025-01',
      to: '2025-04'
    });
    expect(timeOf('ds=frontex_ibc&time=2015-03..2016-13').state.time).toBeNull();
  });

  test('slope, change and CAGR need two periods', () => {
    const { state, notes } = openLink('time=2015&view=slope');
    expect(state.time).toBeNull();
    expect(notes).toEqual([
      'Comparing two periods needs a range, not only 2015; all periods are used.'
    ]);
    expect(openLink('time=2015&transform=cagr').state.time).toBeNull();
    expect(openLink('time=2015&view=bars').state.time).toEqual({ from: '2015', to: '2015' });
  });
});

describe('index base', () => {
  test('defaults to the first period shown', () => {
    expect(openLink('transform=index').state.base).toBe('2008');
    expect(openLink('transform=index&time=2012..2020').state.base).toBe('2012');
    expect(openLink('transform=index&base=2015').state.base).toBe('2015');
    expect(openLink('ds=frontex_ibc&transform=index&base=2015').state.base).toBe('2015-01');
  });

  test('a base that is not a period of the dataset falls back with a note', () => {
    const { state, notes } = openLink('transform=index&base=1999&time=2010..2020');
    expect(state.base).toBe('2010');
    expect(notes).toEqual(['The index base “1999” is not a period of this dataset; 2010 is used.']);
  });

  test('base without the index is ignored with a note', () => {
    const { state, notes } = openLink('base=2010');
    expect(state.base).toBeNull();
    expect(notes).toEqual(['The base period “2010” is used only by the index; it was ignored.']);
  });
});

describe('without the dataset’s manifest', () => {
  test('codes that look like codes are kept unchecked, with one note', () => {
    const params = new URLSearchParams('ds=migr_eipre&geo=RO,NO&sex=T&time=2010..2015&view=bars');
    const { state, notes } = worded(parseViewParams(params, null, ALL_IDS));
    expect(state.selections).toEqual({ geo: ['RO', 'NO'], sex: ['T'] });
    expect(state.time).toEqual({ from: '2010', to: '2015' });
    expect(state.view).toBe('bars');
    expect(notes).toEqual([
      'The description of “migr_eipre” is not loaded, so the codes in the link could not be checked.'
    ]);
  });

  test('another dataset’s manifest counts as none', () => {
    const params = new URLSearchParams('ds=migr_eipre&geo=RO');
    expect(parseViewParams(params, CRIM_OFF_CAT, ALL_IDS).state.selections).toEqual({
      geo: ['RO']
    });
  });

  test('an open range cannot be resolved', () => {
    const params = new URLSearchParams('ds=migr_eipre&time=2010..');
    expect(parseViewParams(params, null, ALL_IDS).state.time).toBeNull();
  });
});

describe('serializeViewState', () => {
  test('writes a canonical link in a fixed order', () => {
    const { state } = openLink(
      'view=bars&time=2008..2022&geo=RO,NO,HU&unit=P_HTHAB&iccs=ICCS0501&ds=crim_off_cat&scale=log&transform=index&base=2010'
    );
    expect(serializeViewState(state, CRIM_OFF_CAT).toString()).toBe(
      'ds=crim_off_cat&iccs=ICCS0501&unit=P_HTHAB&geo=RO%2CNO%2CHU&time=2008..2022&view=bars&transform=index&base=2010&scale=log&v=2'
    );
    expect(permalinkHref(state, CRIM_OFF_CAT)).toBe(
      '/explore?ds=crim_off_cat&iccs=ICCS0501&unit=P_HTHAB&geo=RO,NO,HU&time=2008..2022&view=bars&transform=index&base=2010&scale=log&v=2'
    );
  });

  test('leaves out single-code dimensions and defaults fixed by the scheme', () => {
    const href = permalinkHref(defaultViewState('crim_off_cat', CRIM_OFF_CAT), CRIM_OFF_CAT);
    expect(href).toBe(
      '/explore?ds=crim_off_cat&iccs=ICCS0101&unit=P_HTHAB&geo=RO,NO,BG,HU&view=line&v=2'
    );
  });

  test('codes are percent-encoded in the readable link', () => {
    const state = { ...defaultViewState('migr_eipre', null), selections: { geo: ['A&B', 'C D'] } };
    expect(permalinkHref(state, null)).toBe('/explore?ds=migr_eipre&geo=A%26B,C%20D&view=line&v=2');
  });
});

describe('round trip: parse(serialize(state)) is the state', () => {
  test('every view, transform and scale on crim_off_cat', () => {
    for (const view of VIEWS)
      for (const transform of TRANSFORMS)
        for (const scale of SCALES) {
          const { state } = openLink(
            `geo=NO,RO,SE&iccs=ICCS0401&unit=NR&time=2010..2020&view=${view}&transform=${transform}&scale=${scale}&base=2012`
          );
          expect(state).toMatchObject({ view, transform, scale });
          expectRoundTrip(state);
        }
  });

  test('defaults of every dataset, and a monthly window', () => {
    for (const id of ALL_IDS) expectRoundTrip(defaultViewState(id, manifestFor(id)));
    expectRoundTrip(openLink('ds=frontex_ibc&time=2020&transform=ma3&citizen=syria,eritrea').state);
    expectRoundTrip(openLink('ds=frontex_ibc&time=2019..2021-06&view=slope').state);
    expectRoundTrip(openLink('ds=frontex_ibc&transform=index&base=2016').state);
  });

  test('states reached through fallbacks are stable too', () => {
    for (const query of [
      'geo=XX',
      'time=2030..1990',
      'ds=nope&view=nope',
      'transform=index&base=x'
    ])
      expectRoundTrip(openLink(query).state);
  });
});

describe("a presenter's chart text in the link", () => {
  test('travels with the view and reads back as written, notes one a line', () => {
    const { state, notes } = openLink(
      `ds=crim_off_cat&geo=RO,NO&${new URLSearchParams({
        title: 'Homicide: Romania & Norway, 2008–2022',
        subtitle: '',
        notes: 'Rates per 100 000.\nSee the 2011 spike in Norway.'
      })}`
    );
    expect(notes).toEqual([]);
    expect(state.text).toEqual({
      title: 'Homicide: Romania & Norway, 2008–2022',
      subtitle: '',
      notes: 'Rates per 100 000.\nSee the 2011 spike in Norway.'
    });
    expectRoundTrip(state);
    expect(permalinkHref(state, CRIM_OFF_CAT)).toContain(
      '&view=line&title=Homicide%3A%20Romania%20%26%20Norway,%202008%E2%80%932022&subtitle=&notes=Rates%20per%20100%20000.%0ASee%20the%202011%20spike%20in%20Norway.&v=2'
    );
  });

  test('is absent when the link gives none, and a too-long text is cut with a note', () => {
    expect(openLink('ds=crim_off_cat').state.text).toBeUndefined();
    const { state, notes } = openLink(`title=${'x'.repeat(250)}&notes=fine`);
    expect(state.text?.title).toHaveLength(200);
    expect(state.text?.notes).toBe('fine');
    // The limit counts characters, and a cut never leaves half of an emoji behind.
    const emoji = openLink(`title=${'a'.repeat(199)}${encodeURIComponent('🙂tail')}`).state;
    expect(emoji.text?.title).toBe(`${'a'.repeat(199)}🙂`);
    expect(notes).toEqual(["The link's chart text was too long and was cut: “title”."]);
  });

  test('loses the characters that hide or reverse text, keeps the line breaks', () => {
    const { state } = openLink(
      `title=${encodeURIComponent('Safe\u202Eeman')}&notes=${encodeURIComponent('one\u200B\ntwo')}`
    );
    expect(state.text).toEqual({ title: 'Safeeman', subtitle: null, notes: 'one\ntwo' });
  });

  test('is added to a programme chart or SQL console link, where the view has no state', () => {
    const text = { title: 'Budgets, in €', subtitle: null, notes: null };
    expect(withChartTextParams('/embed?programme=budget&by=promoter', text)).toBe(
      '/embed?programme=budget&by=promoter&title=Budgets%2C+in+%E2%82%AC'
    );
    expect(withChartTextParams('/embed?programme=timeline', undefined)).toBe(
      '/embed?programme=timeline'
    );
    expect(
      readChartTextParams(
        new URL(withChartTextParams('/sql?q=SELECT+1', text), 'http://x').searchParams
      ).text
    ).toEqual(text);
  });

  test('a dimension cannot be named like a text parameter', () => {
    const { state } = openLink('ds=crim_off_cat&title=RO');
    expect(state.selections.geo).toEqual(['RO', 'NO', 'BG', 'HU']);
  });
});
