import { gzipSync } from 'node:zlib';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, test } from 'vitest';
import { describeLongDataset } from '../../../src/lib/catalog/describe';
import { longDatasetToIpc } from '../../../src/lib/ingest/arrow';
import { encodedColumns } from '../../../src/lib/ingest/encoded';
import { readEurostatTsv } from '../../../src/lib/ingest/eurostat-tsv';
import { readImportFile } from '../../../src/lib/ingest/read-file';
import { recodeDimension } from '../../../src/lib/ingest/transform';
import type { LongDataset } from '../../../src/lib/ingest/types';
import { rawTsvCell } from '../../support/raw';
import { startNodeEngine } from '../support/node-engine';
import { fixtureBytes, sharedBytes } from './long-rows';

// The import worker describes a file and writes its Arrow stream from the reader's
// dictionary columns, never from the string columns. These tests hold the two forms to
// the same rows.

const FILE = 'eurostat/estat_crim_off_cat.tsv';

async function importedFromGzip(): Promise<LongDataset> {
  const reading = await readImportFile(
    new Uint8Array(gzipSync(sharedBytes(FILE))),
    'estat_crim_off_cat.tsv.gz',
    null
  );
  if (reading.kind !== 'dataset') throw new Error('expected a dataset');
  return reading.dataset;
}

/** The same dataset as plain string columns, with no dictionary form recorded for it. */
function asStrings(dataset: LongDataset): LongDataset {
  return {
    ...dataset,
    codes: dataset.codes.map((column) => [...column]),
    time: [...dataset.time],
    flag: [...dataset.flag]
  };
}

/**
 * Each Arrow column as written: type (index width included), indices or values, dictionary
 * and nulls. The bytes themselves differ between two writes by their dictionary ids.
 */
function arrowContents(ipc: Uint8Array) {
  const table = tableFromIPC(ipc);
  return table.schema.fields.map((field) => {
    const data = table.getChild(field.name)!.data[0];
    return {
      name: field.name,
      type: String(field.type),
      values: Array.from(data.values as ArrayLike<number>),
      dictionary: data.dictionary ? [...data.dictionary] : null,
      nulls: data.nullCount
    };
  });
}

describe('the import of a Eurostat TSV from its dictionary columns', () => {
  test('DuckDB holds exactly the rows the reader read, values, gaps and flags included', async () => {
    const dataset = await importedFromGzip();
    const engine = await startNodeEngine();
    await engine.insertArrowIpc('imported', longDatasetToIpc(dataset));
    const table = await engine.query(
      'SELECT freq, iccs, unit, geo, time, value, flag FROM imported'
    );
    expect(table.numRows).toBe(dataset.rowCount);
    const column = (id: string) => [...(table.getChild(id) ?? [])];
    ['freq', 'iccs', 'unit', 'geo'].forEach((id, d) =>
      expect(column(id)).toEqual(dataset.codes[d])
    );
    expect(column('time')).toEqual(dataset.time);
    expect(column('value')).toEqual([...dataset.value].map((v) => (Number.isNaN(v) ? null : v)));
    expect(column('flag')).toEqual(dataset.flag);
    // Checked against the published file by an independent reading of it.
    const cell = await engine.query(
      "SELECT value FROM imported WHERE iccs = 'ICCS0101' AND unit = 'P_HTHAB' AND geo = 'RO' AND time = '2008'"
    );
    expect(String(cell.getChild('value')?.get(0))).toBe(
      rawTsvCell(FILE, 'A,ICCS0101,P_HTHAB,RO', '2008')
    );
  });

  test('writes the same Arrow columns and description as from string columns', async () => {
    const dataset = await importedFromGzip();
    const plain = asStrings(dataset);
    expect(arrowContents(longDatasetToIpc(dataset))).toEqual(
      arrowContents(longDatasetToIpc(plain))
    );
    expect(describeLongDataset(dataset)).toEqual(describeLongDataset(plain));
  });

  test('flags, `: c` gaps and dropped bare `:` cells come through both ways', () => {
    const text = [
      'freq,unit,geo\\TIME_PERIOD\t2020 \t2021 \t2022 ',
      'A,NR,RO\t2.28 p\t: c\t: ',
      'A,NR,NO\t: \t: \t: ',
      'A,NR,SE\t5 \t6 bep\t7 '
    ].join('\n');
    const dataset = readEurostatTsv(new TextEncoder().encode(text), 'flags.tsv');
    const description = describeLongDataset(dataset);
    expect(description).toEqual(describeLongDataset(asStrings(dataset)));
    expect(description.flagCounts).toEqual({ bep: 1, c: 1, p: 1 });
    expect(description.geo).toEqual(['RO', 'SE']);
    expect(description.rowCount).toBe(5);
    // NO has no cell but bare `:`, so it is not a code of the dataset.
    expect(description.dimensions[2].codes.map((c) => c.code)).toEqual(['RO', 'SE']);
    expect([...dataset.value].map((v) => (Number.isNaN(v) ? null : v))).toEqual([
      2.28,
      null,
      5,
      6,
      7
    ]);
  });

  test('a copy with other codes is never written from the original’s dictionaries', () => {
    const dataset = readEurostatTsv(sharedBytes(FILE), 'estat_crim_off_cat.tsv');
    const renamed = recodeDimension(dataset, 'geo', (code) => (code === 'RO' ? 'ROU' : null));
    expect(encodedColumns(renamed).codes[3].dictionary).toContain('ROU');
    expect(describeLongDataset(renamed).geo).toContain('ROU');
  });

  test('a bad file is refused with the reader’s message, gzipped or not', async () => {
    const bytes = fixtureBytes('bad/unknown-flag.tsv');
    await expect(readImportFile(bytes, 'unknown-flag.tsv', null)).rejects.toThrow(
      /unknown-flag\.tsv \(line 3, column 3 \(2011, series A,NR,NO\)\): unknown flag “x”/
    );
    await expect(
      readImportFile(new Uint8Array(gzipSync(bytes)), 'unknown-flag.tsv.gz', null)
    ).rejects.toThrow(/unknown flag “x”/);
    await expect(
      readImportFile(fixtureBytes('bad/ragged.tsv'), 'ragged.tsv', null)
    ).rejects.toThrow(/ragged row: line 3 has 3 cells but the header has 4/);
  });
});
