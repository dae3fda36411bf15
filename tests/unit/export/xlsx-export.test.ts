import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import type { ChartText } from '$lib/model/chart-text';
import { chartXlsx } from '$lib/export/xlsx-export';
import type { ExportRow } from '$lib/export/rows';
import { openWorkbook } from '$lib/ingest/xlsx';

const text: ChartText = {
  title: 'Omucideri în România & Norvegia',
  subtitle: 'At <100 000> inhabitants',
  source: 'Source: Eurostat (crim_off_cat), data of 2024-05-01, CC BY 4.0',
  notes: ['=1+1 stays text', 'Second note'],
  unit: 'per 100 000'
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
    unit: 'per 100 000',
    flag
  };
}

describe('chartXlsx', () => {
  const rows = [
    row('RO', 'România', '2010', 2.28, null),
    row('RO', 'România', '2011', -1e-7, 'p'),
    row('NO', '=HYPERLINK("http://x")', '2010', null, 'c'),
    row('NO', 'Line one\r\nline two _x0041_ \u0001', '2011', 123456789.125, 'be')
  ];
  const bytes = chartXlsx(rows, text, 'https://example.org/explore?ds=crim_off_cat');
  const book = openWorkbook(bytes, 'chart.xlsx');

  it('has a data sheet and an about sheet', () => {
    expect(book.sheetNames).toEqual(['Data', 'About']);
  });

  // The reader leaves out a row's trailing empty cells, as it does for Excel's own files.
  it('reads back the data as the CSV has it, numbers as numbers, flags in their own column', () => {
    const [header, ...data] = book.readSheet('Data').map((r) => r.cells);
    expect(header).toEqual([
      'dataset',
      'iccs_code',
      'iccs_label',
      'geo_code',
      'geo_label',
      'time',
      'value',
      'unit',
      'flag',
      'flag_meaning'
    ]);
    expect(data[0]).toEqual([
      'crim_off_cat',
      'ICCS0101',
      'Intentional homicide',
      'RO',
      'România',
      '2010',
      2.28,
      'per 100 000'
    ]);
    expect(data[1][6]).toBe(-1e-7);
    expect(data[1].slice(8)).toEqual(['p', 'provisional']);
    // A missing value is an empty cell; a label that looks like a formula is text, as typed.
    expect(data[2][6]).toBeNull();
    expect(data[2][4]).toBe('=HYPERLINK("http://x")');
    expect(data[2][8]).toBe('c');
    expect(data[3][4]).toBe('Line one\r\nline two _x0041_ \u0001');
    expect(data[3][6]).toBe(123456789.125);
  });

  it('says what the data is on the about sheet', () => {
    const about = book.readSheet('About').map((r) => r.cells);
    expect(about).toEqual([
      ['title', 'Omucideri în România & Norvegia'],
      ['subtitle', 'At <100 000> inhabitants'],
      ['source', 'Source: Eurostat (crim_off_cat), data of 2024-05-01, CC BY 4.0'],
      ['note', '=1+1 stays text'],
      ['note', 'Second note'],
      ['flag', 'b: break in time series'],
      ['flag', 'e: estimated'],
      ['flag', 'p: provisional'],
      ['link', 'https://example.org/explore?ds=crim_off_cat']
    ]);
  });

  it('is a zip of the parts a spreadsheet expects, with a frozen header row', () => {
    const parts = unzipSync(bytes);
    expect(Object.keys(parts).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml'
    ]);
    const sheet = new TextDecoder().decode(parts['xl/worksheets/sheet1.xml']);
    expect(sheet).toContain('state="frozen"');
    expect(sheet).toContain('<c r="G2"><v>2.28</v></c>');
  });

  it('holds the header alone when nothing is drawn', () => {
    const empty = openWorkbook(chartXlsx([], text), 'empty.xlsx');
    expect(empty.readSheet('Data').map((r) => r.cells)).toEqual([
      ['dataset', 'time', 'value', 'unit', 'flag', 'flag_meaning']
    ]);
  });
});
