import { csvParseRows } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { describeLongDataset } from '../../../src/lib/catalog/describe';
import { quoteLiteral } from '../../../src/lib/db/engine';
import { chartCsv } from '../../../src/lib/export/csv-export';
import { longDatasetToIpc } from '../../../src/lib/ingest/arrow';
import { readEurostatTsv } from '../../../src/lib/ingest/eurostat-tsv';
import { readSdmxCsv } from '../../../src/lib/ingest/sdmx-csv';
import { startNodeEngine } from '../support/node-engine';
import { fixtureBytes } from './long-rows';

// The texts an attacker would put in a file shared for import (tests/fixtures/hostile/).
const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '"><script>window.__pwned=1</script>';
const RLO_LABEL = '\u202eedicimoh lanoitnetnI';
const FORMULA = '=HYPERLINK("http://evil.example/","open me")';
const PIPE = "+cmd|' /C calc'!A0";

const labels = readSdmxCsv(fixtureBytes('hostile/hostile_labels.csv'), 'hostile_labels.csv');
const codes = readEurostatTsv(
  fixtureBytes('hostile/estat_hostile_codes.tsv'),
  'estat_hostile_codes.tsv'
);

describe('hostile labels in an SDMX-CSV file', () => {
  it('come through verbatim, as text, every one of them', () => {
    const iccs = labels.dimensions.find((d) => d.id === 'iccs');
    const written = [...(iccs?.codes.values() ?? [])];
    expect(written).toContain(IMG);
    expect(written).toContain(SCRIPT);
    expect(written).toContain(RLO_LABEL);
    expect(written).toContain(FORMULA);
    expect(written).toContain(PIPE);
    const long = written.find((label) => label.length === 10_000);
    expect(long?.startsWith('Homicide very long label')).toBe(true);
    expect(labels.rowCount).toBe(6);
  });

  it('get codes a URL, SQL or a file name can carry without escaping', () => {
    const iccs = labels.dimensions.find((d) => d.id === 'iccs');
    for (const code of iccs?.codes.keys() ?? []) {
      expect(code).not.toMatch(/[<>"'=\u202e]/);
    }
  });

  it('keep their values and flags (the hostile text changes nothing else)', () => {
    const describe = describeLongDataset(labels);
    const iccs = describe.dimensions.find((d) => d.id === 'iccs');
    expect(iccs?.codes.map((c) => c.label)).toContain(IMG);
    expect([...labels.value]).toEqual([2.28, 2.05, 0.57, 0.6, 2.5, 2.2]);
    expect(labels.flag).toEqual([null, 'p', null, 'e', null, null]);
  });

  it('cannot turn into formulas in the CSV download', () => {
    const rows = Array.from({ length: labels.rowCount }, (_, row) => ({
      dataset: 'hostile_labels',
      dimensions: labels.dimensions.map((dimension, d) => ({
        id: dimension.id,
        code: labels.codes[d][row],
        label: dimension.codes.get(labels.codes[d][row]) ?? ''
      })),
      period: labels.time[row],
      value: labels.value[row],
      unit: 'per 100 000 inhabitants',
      flag: labels.flag[row]
    }));
    const text = { title: FORMULA, subtitle: '', source: '@SUM(1+1)', notes: [], unit: '' };
    const parsed = csvParseRows(chartCsv(rows, text).replace(/^\uFEFF/, ''));
    const cells = parsed.flat();
    // No cell a spreadsheet would evaluate; the text is still all there after the apostrophe.
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@]/);
    expect(cells).toContain(`'${FORMULA}`);
    expect(cells).toContain(`'${PIPE}`);
    expect(cells).toContain(IMG);
    expect(cells).toContain(SCRIPT);
    // Every observation line has as many cells as the header: nothing broke out of its cell.
    const width = parsed[0].length;
    for (const line of parsed.slice(1, 1 + labels.rowCount)) expect(line).toHaveLength(width);
  });
});

describe('hostile codes in a Eurostat TSV file', () => {
  it('are kept verbatim as codes, values and flags intact', () => {
    const iccs = codes.dimensions.find((d) => d.id === 'iccs');
    const written = [...(iccs?.codes.keys() ?? [])];
    expect(written).toEqual([IMG, SCRIPT, '\u202eXX', 'X'.repeat(10_000)]);
    // The `:` cell with no flag is no observation at all, as in every Eurostat file.
    expect(codes.rowCount).toBe(7);
    expect(codes.flag.filter((f) => f !== null)).toEqual(['p', 'e']);
  });

  it('reach DuckDB and come back unchanged, and quoting keeps them data, not SQL', async () => {
    const engine = await startNodeEngine();
    await engine.insertArrowIpc('hostile', longDatasetToIpc(codes));
    const expected: [string, number][] = [
      [IMG, 2],
      [SCRIPT, 1],
      ['\u202eXX', 2],
      ['X'.repeat(10_000), 2]
    ];
    for (const [code, rows] of expected) {
      const table = await engine.query(
        `SELECT iccs, value FROM hostile WHERE iccs = ${quoteLiteral(code)} ORDER BY time`
      );
      expect(table.numRows).toBe(rows);
      expect(table.getChild('iccs')?.get(0)).toBe(code);
    }
    const count = await engine.query('SELECT count(*)::INTEGER AS n FROM hostile');
    expect(count.getChild('n')?.get(0)).toBe(7);
  });
});
