import { describe, expect, it } from 'vitest';
import type { ChartText } from '$lib/model/chart-text';
import type { ExportRow } from '$lib/export/rows';
import { escapeXml, flagLegend, standaloneSvg, wrapLines } from '$lib/export/svg-export';

const text: ChartText = {
  title: 'Omucideri & tentative <2024>',
  subtitle: 'România și Norvegia',
  source: 'Source: Eurostat (crim_off_cat). Licence: CC BY 4.0.',
  notes: ['Compare trends rather than levels.'],
  unit: 'per 100 000 inhabitants'
};

function row(value: number | null, flag: string | null): ExportRow {
  return { dataset: 'd', dimensions: [], period: '2010', value, unit: '', flag };
}

describe('wrapLines', () => {
  it('breaks between words and never loses one', () => {
    const lines = wrapLines('one two three four five six seven', 10);
    expect(lines).toEqual(['one two', 'three four', 'five six', 'seven']);
    expect(wrapLines('averyveryverylongword short', 5)).toEqual(['averyveryverylongword', 'short']);
    expect(wrapLines('   ', 10)).toEqual([]);
  });

  it('cuts a web address longer than a line after a slash, keeping every character', () => {
    const url = 'https://www.mai.gov.ro/seminarul-cooperare-politieneasca-romania-norvegia/';
    const lines = wrapLines(`Source: ${url}`, 30, true);
    expect(lines.every((line) => line.length <= 30)).toBe(true);
    expect(lines.join('').replace('Source:', '')).toBe(url);
    expect(lines[1]).toBe('https://www.mai.gov.ro/');
  });
});

describe('flagLegend', () => {
  it('lists each letter of the flags drawn once, with the mark the chart uses', () => {
    const legend = flagLegend([row(1, 'bep'), row(2, 'p'), row(null, 'c'), row(3, null)]);
    expect(legend).toEqual([
      { letter: 'b', meaning: 'break in time series', mark: 'break' },
      { letter: 'e', meaning: 'estimated', mark: 'hollow' },
      { letter: 'p', meaning: 'provisional', mark: 'hollow' }
    ]);
  });
});

describe('standaloneSvg', () => {
  const { svg, width, height } = standaloneSvg({
    chartMarkup: '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="300"></svg>',
    chartWidth: 600,
    chartHeight: 300,
    text,
    legend: flagLegend([row(1, 'bp')]),
    colours: { background: '#ffffff', text: '#1b1b1b', muted: '#4a4a4a' },
    fontCss: "@font-face{font-family:'Inter Variable';src:local('Inter');}"
  });

  it('holds the title, subtitle, notes, source and flag legend as escaped text', () => {
    expect(svg).toContain(
      '<title id="export-title">Omucideri &amp; tentative &lt;2024&gt;</title>'
    );
    expect(svg).toContain('România și Norvegia');
    expect(svg).toContain('Compare trends rather than levels.');
    expect(svg).toContain('Source: Eurostat (crim_off_cat). Licence: CC BY 4.0.');
    expect(svg).toContain('break in time series');
    expect(svg).toContain('provisional');
    expect(svg).toContain('@font-face');
    expect(svg).toContain('font-family:');
  });

  it('frames the chart with padding and grows to fit the text below it', () => {
    expect(width).toBe(640);
    expect(height).toBeGreaterThan(300 + 26 + 19 + 2 * 17 + 17);
    expect(svg).toMatch(
      new RegExp(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"`)
    );
  });

  it('drops characters XML does not allow', () => {
    expect(escapeXml('a\u0000b\u001Fc\td')).toBe('abc\td');
  });
});
