import { afterEach, describe, expect, it } from 'vitest';
import { formatNumber, setLocale } from '$lib/i18n';
import { pointTitle } from '$lib/charts/tooltip';

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
