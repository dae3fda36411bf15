import { afterEach, describe, expect, it } from 'vitest';
import { formatNumber, setLocale } from '$lib/i18n';
import { pointTitle, shortSource, tooltipPlacement } from '$lib/charts/tooltip';

afterEach(() => setLocale('en'));

const text = {
  unit: 'per hundred thousand inhabitants',
  source: 'Source: Eurostat (crim_off_cat)'
};

describe('pointTitle', () => {
  it('names the series, period, value with its unit, the flag meaning and the source', () => {
    expect(
      pointTitle('Romania', { period: '2020', value: 2.28, flag: 'ep' }, text, formatNumber)
    ).toBe(
      'Romania, 2020: 2.28 per hundred thousand inhabitants\nep: estimated, provisional\nSource: Eurostat (crim_off_cat)'
    );
  });

  it('says there is no value instead of a number, and leaves out a missing flag', () => {
    expect(
      pointTitle('Norway', { period: '2021', value: null, flag: null }, text, formatNumber)
    ).toBe('Norway, 2021: no value\nSource: Eurostat (crim_off_cat)');
  });

  it('follows the interface language', () => {
    setLocale('ro');
    expect(
      pointTitle('România', { period: '2020', value: 2.28, flag: 'p' }, text, formatNumber)
    ).toBe(
      'România, 2020: 2,28 per hundred thousand inhabitants\np: provizoriu\nSource: Eurostat (crim_off_cat)'
    );
  });
});

describe('shortSource', () => {
  it('keeps the publisher and table, not the date and licence, in both languages', () => {
    expect(
      shortSource(
        'Source: Eurostat (crim_off_cat), data of 1 May 2024. Licence: CC BY 4.0, reuse allowed (Commission Decision 2011/833/EU).'
      )
    ).toBe('Source: Eurostat (crim_off_cat)');
    expect(
      shortSource('Sursa: Eurostat (migr_eipre), date din 1 mai 2024. Licență: CC BY 4.0.')
    ).toBe('Sursa: Eurostat (migr_eipre)');
    expect(shortSource('Source: a query in the SQL console')).toBe(
      'Source: a query in the SQL console'
    );
  });
});

describe('tooltipPlacement', () => {
  const box = {
    width: 800,
    height: 360,
    innerWidth: 600,
    innerHeight: 300,
    margin: { top: 12, left: 56, right: 144 }
  };
  it('stands on the half away from the period read, where the values there leave most room', () => {
    // Reading at x = 100: the right half holds values low on the plot (y 250–280), so the top.
    const low = [
      { x: 100, y: 20 },
      { x: 400, y: 250 },
      { x: 500, y: 280 }
    ];
    expect(tooltipPlacement(100, low, box)).toMatchObject({
      side: 'right',
      anchor: 'top',
      top: 12
    });
    // Reading at x = 500: the left half holds a value high up (y 20), so the bottom.
    expect(tooltipPlacement(500, low, box)).toMatchObject({
      side: 'left',
      anchor: 'bottom',
      top: 12 + 300 - 4
    });
  });
  it('goes under a plot too narrow to halve', () => {
    expect(tooltipPlacement(50, [], { ...box, innerWidth: 200 })).toMatchObject({
      side: 'below',
      top: 364
    });
  });
});
