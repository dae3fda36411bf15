import { describe, expect, it } from 'vitest';
import type { ChartText } from '$lib/model/chart-text';
import { chartCsv, neutraliseText } from '$lib/export/csv-export';
import type { ExportRow } from '$lib/export/rows';

const text: ChartText = {
  title: 'Change in recorded offences',
  subtitle: 'Romania and Norway',
  source: 'Source: Eurostat (crim_off_cat). Licence: CC BY 4.0.',
  notes: ['=1+1 is a note, not a formula'],
  unit: '%'
};

function row(
  geo: string,
  label: string,
  period: string,
  value: number | null,
  flag: string | null
): ExportRow {
  return {
    dataset: 'crim_off_cat',
    dimensions: [
      { id: 'iccs', code: 'ICCS0101', label: 'Intentional homicide' },
      { id: 'geo', code: geo, label }
    ],
    period,
    value,
    unit: '%',
    flag
  };
}

/** Lines of the CSV without the byte-order mark, split on CRLF. */
function lines(csv: string): string[] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return csv.slice(1).split('\r\n');
}

describe('neutraliseText', () => {
  it('makes every cell that a spreadsheet would run inert', () => {
    for (const hostile of ['=SUM(A1)', '+1', '-2+3', '@cmd', '\t=1', '\r=1'])
      expect(neutraliseText(hostile)).toBe(`'${hostile}`);
  });

  it('leaves ordinary text alone', () => {
    for (const plain of ['Romania', 'ICCS0101', '2009-01', 'a=b', "O'Brien", ''])
      expect(neutraliseText(plain)).toBe(plain);
  });
});

describe('chartCsv', () => {
  it('writes a plain table first, then a blank line and #-lines about it', () => {
    const csv = lines(
      chartCsv(
        [row('RO', 'Romania', '2010', 1.5, null), row('NO', 'Norway', '2010', null, 'c')],
        text,
        'https://example.org/explore?ds=crim_off_cat'
      )
    );
    expect(csv[0]).toBe(
      'dataset,iccs_code,iccs_label,geo_code,geo_label,time,value,unit,flag,flag_meaning'
    );
    expect(csv[1]).toBe('crim_off_cat,ICCS0101,Intentional homicide,RO,Romania,2010,1.5,%,,');
    expect(csv[2]).toBe(
      'crim_off_cat,ICCS0101,Intentional homicide,NO,Norway,2010,,%,c,confidential'
    );
    expect(csv.slice(3)).toEqual([
      '',
      '#,title,Change in recorded offences',
      '#,subtitle,Romania and Norway',
      '#,source,Source: Eurostat (crim_off_cat). Licence: CC BY 4.0.',
      `#,note,"'=1+1 is a note, not a formula"`,
      '#,link,https://example.org/explore?ds=crim_off_cat',
      ''
    ]);
  });

  it('keeps negative numbers as numbers and neutralises hostile labels', () => {
    const csv = lines(
      chartCsv([row('RO', '=HYPERLINK("http://x","click")', '2010', -12.5, 'bep')], text)
    );
    expect(csv[1]).toBe(
      `crim_off_cat,ICCS0101,Intentional homicide,RO,"'=HYPERLINK(""http://x"",""click"")",2010,-12.5,%,bep,"break in time series, estimated, provisional"`
    );
  });

  it('quotes cells with commas, quotes and line breaks', () => {
    const csv = chartCsv([row('RO', 'Romania, "RO"\nline two', '2010', 1e-7, null)], text);
    expect(csv).toContain('"Romania, ""RO""\nline two"');
    expect(csv).toContain(',1e-7,');
    expect(chartCsv([row('RO', 'Label #2', '2010', 1, null)], text)).toContain(',"Label #2",');
  });

  it('still carries the text and source when nothing is drawn', () => {
    const csv = lines(chartCsv([], text));
    expect(csv[0]).toBe('dataset,time,value,unit,flag,flag_meaning');
    expect(csv).toContain(`#,source,${text.source}`);
  });
});
