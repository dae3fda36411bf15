import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, formatNumber, m, setLocale } from '$lib/i18n';
import { pickLocale } from '$lib/i18n/locale.svelte';

type Message = string | { declarations?: string[]; match: Record<string, string> }[];

function readMessages(locale: string): Record<string, Message> {
  const url = new URL(`../../../messages/${locale}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8'));
}

/** The inputs a message takes: its `{name}` placeholders and the inputs its variants declare. */
function parameters(message: Message): string[] {
  const texts =
    typeof message === 'string' ? [message] : message.flatMap((v) => Object.values(v.match));
  const declared = typeof message === 'string' ? [] : message.flatMap((v) => v.declarations ?? []);
  const names = new Set<string>();
  for (const text of texts) for (const [, name] of text.matchAll(/\{(\w+)\}/g)) names.add(name);
  for (const declaration of declared) {
    const input = /^input (\w+)$/.exec(declaration);
    if (input) names.add(input[1]);
  }
  return [...names].sort();
}

afterEach(() => setLocale('en'));

const en = readMessages('en');
const ro = readMessages('ro');

describe('messages', () => {
  // A key missing from ro.json would silently fall back to English on a Romanian screen.
  it('Romanian has exactly the keys of English', () => {
    expect(Object.keys(ro).sort()).toEqual(Object.keys(en).sort());
  });

  it('each Romanian message takes the same parameters as its English one', () => {
    for (const key of Object.keys(en)) {
      expect([key, ...parameters(ro[key])]).toEqual([key, ...parameters(en[key])]);
    }
  });

  it('Romanian plurals use the one, few and other forms', () => {
    setLocale('ro');
    expect(m.chart_hidden_on_log({ count: 1 })).toMatch(/^O valoare/);
    expect(m.chart_hidden_on_log({ count: 3 })).toMatch(/^3 valori/);
    expect(m.chart_hidden_on_log({ count: 20 })).toMatch(/^20 de valori/);
    const codes = (count: number) =>
      m.data_dimension_summary({ label: 'Unitate', id: 'unit', count, shown: String(count) });
    expect([1, 2, 20].map(codes)).toEqual([
      'Unitate (unit): 1 cod',
      'Unitate (unit): 2 coduri',
      'Unitate (unit): 20 de coduri'
    ]);
    setLocale('en');
    expect([1, 2].map(codes)).toEqual(['Unitate (unit): 1 code', 'Unitate (unit): 2 codes']);
  });
});

describe('locale', () => {
  it('prefers a remembered choice, then the browser languages, then English', () => {
    expect(pickLocale('ro', ['en-GB'])).toBe('ro');
    expect(pickLocale(null, ['de-DE', 'ro-RO', 'en'])).toBe('ro');
    expect(pickLocale('xx', ['en-US'])).toBe('en');
    expect(pickLocale(null, ['de-DE'])).toBe('en');
  });

  it('messages follow the locale without a reload', () => {
    expect(m.table_value({ unit: '%' })).toBe('Value (%)');
    setLocale('ro');
    expect(m.table_value({ unit: '%' })).toBe('Valoare (%)');
  });

  it('formats numbers per locale', () => {
    expect(formatNumber(1234.5)).toBe('1,234.5');
    setLocale('ro');
    expect(formatNumber(1234.5)).toBe('1.234,5');
  });

  it('formats ISO dates per locale, showing unreadable ones as given', () => {
    expect(formatDate('2024-05-01')).toBe('1 May 2024');
    expect(formatDate('2024-05-01T01:30:00+03:00')).toBe('1 May 2024');
    setLocale('ro');
    expect(formatDate('2024-05-01')).toBe('1 mai 2024');
    expect(formatDate('2024-02-30')).toBe('2024-02-30');
    expect(formatDate('spring')).toBe('spring');
  });
});
