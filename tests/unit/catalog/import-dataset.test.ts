import { describe, expect, it } from 'vitest';
import { importedId, importedManifest, keepBothId } from '../../../src/lib/catalog/import-dataset';
import type { ParsedImport } from '../../../src/lib/catalog/import-protocol';

describe('ids of imported datasets', () => {
  it('takes the table code the file names, else a slug of the file name', () => {
    expect(importedId('crim_off_cat', 'estat_crim_off_cat.tsv')).toBe('crim_off_cat');
    expect(importedId('MIGR_EIPRE', 'x.json')).toBe('migr_eipre');
    expect(importedId(null, 'My offences (2).csv')).toBe('my_offences_2');
    expect(importedId(null, 'ibc.xlsx')).toBe('ibc');
    expect(importedId(null, 'data.tsv.gz')).toBe('data');
    expect(importedId(null, '2024.csv')).toBe('data_2024');
  });

  it('keeps both by adding the first free suffix', () => {
    expect(keepBothId('crim_off_cat', new Set(['crim_off_cat']))).toBe('crim_off_cat_2');
    expect(keepBothId('a', new Set(['a', 'a_2', 'a_3']))).toBe('a_4');
  });

  it('says the publisher and licence are as imported, and names the file as source', () => {
    const parsed: ParsedImport = {
      fileName: 'mine.csv',
      format: 'csv',
      tableCode: null,
      title: null,
      lastUpdate: '2026-05-12T11:00:00+0200',
      caveats: [],
      description: {
        dimensions: [],
        time: { frequency: 'annual', first: '2008', last: '2008', periods: ['2008'] },
        geo: [],
        rowCount: 1,
        flagCounts: {}
      },
      ipc: new Uint8Array(8)
    };
    const manifest = importedManifest('mine', parsed);
    expect(manifest).toMatchObject({
      id: 'mine',
      title: 'mine.csv',
      publisher: 'as imported by the user',
      licence: 'as imported by the user',
      tableCode: 'mine',
      lastUpdate: '2026-05-12',
      origin: 'imported',
      bytes: 8
    });
    expect(manifest.sources[0]).toMatchObject({ file: 'mine.csv', format: 'csv' });
  });
});
