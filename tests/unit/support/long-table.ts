import { longDatasetToIpc } from '../../../src/lib/ingest/arrow';
import type { LongDataset } from '../../../src/lib/ingest/types';
import type { SqlEngine } from '../../../src/lib/db/engine';

/** One observation of a test table. */
export interface TestRow {
  codes: Record<string, string>;
  time: string;
  value: number | null;
  flag: string | null;
}

/**
 * Rows of one line of a Eurostat TSV bulk file, read with the header line it comes from.
 * Kept deliberately small and separate from the app's reader, so these tests do not depend
 * on it: `:` is a missing value, letters after the number are the flag.
 */
export function rowsFromTsvLine(header: string, line: string): TestRow[] {
  const [keyHeader, ...periods] = header.split('\t');
  const dimensionIds = keyHeader.split('\\')[0].split(',');
  const [key, ...cells] = line.split('\t');
  const codes = Object.fromEntries(key.split(',').map((code, i) => [dimensionIds[i], code]));
  return cells.map((cell, i) => {
    const match = /^\s*(:|-?[\d.]+)\s*([a-z]*)\s*$/.exec(cell);
    if (!match) throw new Error(`Unreadable cell “${cell}” in the test line ${key}.`);
    return {
      codes,
      time: periods[i].trim(),
      value: match[1] === ':' ? null : Number(match[1]),
      flag: match[2] === '' ? null : match[2]
    };
  });
}

/**
 * One row of the SDMX-CSV population file (country_population.csv), with the country code
 * given by the test (the file names countries by label).
 */
export function rowFromPopulationCsvLine(line: string, geo: string): TestRow {
  const cells = line.split(',');
  return {
    codes: { freq: 'A', indic_de: 'JAN', geo },
    time: cells[5],
    value: cells[6] === '' ? null : Number(cells[6]),
    flag: cells[7] === '' ? null : cells[7]
  };
}

/** Loads rows into `engine` as table `name`, through the same Arrow path the app uses. */
export async function loadTestTable(
  engine: SqlEngine,
  name: string,
  dimensionIds: string[],
  rows: TestRow[]
): Promise<void> {
  const dataset: LongDataset = {
    tableCode: name,
    title: null,
    lastUpdate: null,
    format: 'eurostat-tsv',
    fileName: `${name}.tsv`,
    dimensions: dimensionIds.map((id) => ({
      id,
      label: id,
      codes: new Map(rows.map((row) => [row.codes[id], row.codes[id]]))
    })),
    rowCount: rows.length,
    codes: dimensionIds.map((id) => rows.map((row) => row.codes[id])),
    time: rows.map((row) => row.time),
    value: Float64Array.from(rows, (row) => row.value ?? Number.NaN),
    flag: rows.map((row) => row.flag)
  };
  await engine.insertArrowIpc(name, longDatasetToIpc(dataset));
}
