import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { DEFAULT_XLSX_LIMITS, openWorkbook } from '../../../src/lib/ingest/xlsx';
import { ingestErrorOf } from './long-rows';
import { tinyXlsx, withDeclaredSize } from './tiny-xlsx';

/** A sheet whose XML is about `rows` × 60 bytes and compresses to almost nothing. */
const bigSheet = (rows: number) =>
  tinyXlsx({ Big: Array.from({ length: rows }, (_, r) => ['same text', r, 'same text']) });

describe('openWorkbook', () => {
  it('reads sheet names, text, numbers, empty cells and row numbers', () => {
    const bytes = tinyXlsx({
      First: [['a & b', null, 3.5], [], [null, 'x < y', -2]],
      'Second sheet': [['only']]
    });
    const workbook = openWorkbook(bytes, 'tiny.xlsx');
    expect(workbook.sheetNames).toEqual(['First', 'Second sheet']);
    expect(workbook.readSheet('First')).toEqual([
      { number: 1, cells: ['a & b', null, 3.5] },
      { number: 3, cells: [null, 'x < y', -2] }
    ]);
    expect(workbook.readSheet('Second sheet')).toEqual([{ number: 1, cells: ['only'] }]);
  });

  it('reads inline strings, rich text runs without phonetic hints, and Excel escapes', () => {
    const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const rels = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const bytes = zipSync({
      'xl/workbook.xml': strToU8(
        `<workbook xmlns="${main}" xmlns:r="${rels}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        `<Relationships><Relationship Id="rId1" Type="${rels}/worksheet" Target="/xl/worksheets/s.xml"/><Relationship Id="rId2" Type="${rels}/sharedStrings" Target="strings.xml"/></Relationships>`
      ),
      'xl/strings.xml': strToU8(
        `<sst xmlns="${main}"><si><r><t>Bold</t></r><r><t xml:space="preserve"> part</t></r><rPh><t>ボールド</t></rPh></si><si><t>line_x000D_end &#x201C;q&#8221;</t></si></sst>`
      ),
      'xl/worksheets/s.xml': strToU8(
        `<x:worksheet xmlns:x="${main}"><x:sheetData><x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="inlineStr"><x:is><x:t>inline</x:t></x:is></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c t="str"><x:f>A1</x:f><x:v>formula text</x:v></x:c></x:row></x:sheetData></x:worksheet>`
      )
    });
    expect(openWorkbook(bytes, 'rich.xlsx').readSheet('S')).toEqual([
      {
        number: 1,
        cells: ['Bold part', 'inline', 'line\rend \u201Cq\u201D', 'TRUE', 'formula text']
      }
    ]);
  });

  it('names the sheets it has when asked for one it has not', () => {
    const error = ingestErrorOf(() =>
      openWorkbook(tinyXlsx({ A: [[1]] }), 'one.xlsx').readSheet('B')
    );
    expect(error.message).toContain('one.xlsx');
    expect(error.message).toContain('no sheet named “B”');
    expect(error.location).toBe('sheets: “A”');
  });

  it('refuses a part that inflates beyond the size its directory declares (zip bomb)', () => {
    const bytes = withDeclaredSize(bigSheet(5000), 'xl/worksheets/sheet1.xml', 1000);
    const error = ingestErrorOf(() => openWorkbook(bytes, 'bomb.xlsx').readSheet('Big'));
    expect(error.message).toContain('more than its declared size');
    expect(error.location).toBe('part xl/worksheets/sheet1.xml');
  });

  it('refuses a part that declares more than the limit, before inflating it', () => {
    const limits = { ...DEFAULT_XLSX_LIMITS, maxPartBytes: 100_000 };
    const error = ingestErrorOf(() =>
      openWorkbook(bigSheet(5000), 'big.xlsx', limits).readSheet('Big')
    );
    expect(error.message).toMatch(/would be [\d.]+ MB uncompressed, more than the 0\.1 MB/);
  });

  it('refuses a sheet spanning more cells than the limit', () => {
    const limits = { ...DEFAULT_XLSX_LIMITS, maxCells: 1000 };
    const error = ingestErrorOf(() =>
      openWorkbook(bigSheet(500), 'wide.xlsx', limits).readSheet('Big')
    );
    expect(error.message).toContain('more than 1,000 cells');
  });

  it('takes one pass over malformed XML, however many tags are left open', () => {
    const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const rels = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const open = '<a '.repeat(200_000);
    const bytes = zipSync({
      'xl/workbook.xml': strToU8(
        `<workbook xmlns="${main}" xmlns:r="${rels}"><sheets><sheet name="S" r:id="rId1" ${'x'.repeat(200_000)}/></sheets></workbook>`
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        `<Relationships><Relationship Id="rId1" Type="${rels}/worksheet" Target="s.xml"/></Relationships>`
      ),
      'xl/s.xml': strToU8(`<worksheet><sheetData><row r="1"><c r="A${open}`)
    });
    const started = performance.now();
    expect(openWorkbook(bytes, 'open.xlsx').readSheet('S')).toEqual([]);
    // A pass per `<` would take minutes here; one pass takes milliseconds.
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('reports a damaged part instead of reading garbage', () => {
    const bytes = tinyXlsx({ A: [['some text to compress', 1, 2, 3]] });
    const copy = bytes.slice();
    // Flip one byte inside the first part's compressed data (after its 30-byte header + name).
    const nameLength = copy[26] | (copy[27] << 8);
    copy[30 + nameLength + 3] ^= 0xff;
    const error = ingestErrorOf(() => openWorkbook(copy, 'damaged.xlsx').readSheet('A'));
    expect(error.message).toMatch(/damaged/);
  });
});
