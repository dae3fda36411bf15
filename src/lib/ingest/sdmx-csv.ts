/**
 * Reader for SDMX-CSV as Eurostat's API and data browser write it:
 * `DATAFLOW,LAST UPDATE,freq,<dimensions…>,TIME_PERIOD,OBS_VALUE,OBS_FLAG[,CONF_STATUS]`,
 * one observation per line, with either codes (`A,ICCS0101,NR,RO`) or labels
 * (`Annual,…,Romania`) in the dimension columns. Label files get codes: geo names their
 * Eurostat geo code, other labels a slug, so they join with the code files.
 */

import { csvParseRows } from 'd3-dsv';
import { createCodedRowBuilder } from './coded-rows';
import {
  codesAsWritten,
  codesForLabels,
  looksLikeCodes,
  scanRows,
  type CodedValue
} from './dimension-columns';
import { decodeText } from './text';
import { IngestError, type LongDataset } from './types';

/** Columns that describe an observation rather than name one of its dimensions. */
const NOT_DIMENSIONS = new Set([
  'DATAFLOW',
  'LAST UPDATE',
  'TIME_PERIOD',
  'OBS_VALUE',
  'OBS_FLAG',
  'CONF_STATUS'
]);

const EXPECTED_HEADER =
  'an SDMX-CSV header such as DATAFLOW,LAST UPDATE,freq,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG';
const EXPECTED_VALUE = 'a number such as 1234 or 2.28, or an empty cell';
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * CONF_STATUS values and the flag letter they add. D (secondary confidentiality) is withheld
 * to protect a C cell, and Eurostat shows both as `c`.
 */
const CONFIDENTIALITY = new Map<string, string | null>([
  ['', null],
  ['F', null],
  ['C', 'c'],
  ['D', 'c']
]);

/** `ESTAT:DEMO_GIND(1.0)` → `demo_gind`, `ESTAT:MIGR_EIPRE$DEFAULTVIEW(1.0)` → `migr_eipre`. */
function tableCodeFromDataflow(dataflow: string): string | null {
  const match = /^(?:[^:]*:)?([A-Za-z0-9_]+)/.exec(dataflow.trim());
  return match ? match[1].toLowerCase() : null;
}

/**
 * `27/03/25 23:00:00` (day/month/two-digit year, as Eurostat writes it) → `2025-03-27`; an ISO
 * timestamp keeps its date. Anything else is kept as the file writes it.
 */
function normaliseLastUpdate(raw: string): string {
  const dayFirst = /^(\d{2})\/(\d{2})\/(\d{2}|\d{4})(\s|$)/.exec(raw);
  if (dayFirst) {
    const year = dayFirst[3].length === 2 ? `20${dayFirst[3]}` : dayFirst[3];
    return `${year}-${dayFirst[2]}-${dayFirst[1]}`;
  }
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(raw);
  return iso ? iso[1] : raw;
}

/** The latest of the row dates, each series in SDMX-CSV carrying its own. */
function latestUpdate(values: Set<string>): string | null {
  const dates = [...values].filter((v) => v !== '').map(normaliseLastUpdate);
  if (dates.length === 0) return null;
  const iso = dates.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
  return iso.length > 0 ? iso[iso.length - 1] : dates[0];
}

/** Reads an SDMX-CSV file into the long shape; rows with neither value nor flag are dropped. */
export function readSdmxCsv(bytes: Uint8Array, fileName: string): LongDataset {
  const rows = csvParseRows(decodeText(bytes, fileName));
  const header = (rows[0] ?? []).map((name) => name.trim());
  const column = (name: string) => header.findIndex((h) => h.toUpperCase() === name);
  const timeColumn = column('TIME_PERIOD');
  const valueColumn = column('OBS_VALUE');
  const flagColumn = column('OBS_FLAG');
  const confColumn = column('CONF_STATUS');
  const dataflowColumn = column('DATAFLOW');
  const updateColumn = column('LAST UPDATE');
  for (const [name, index] of [
    ['TIME_PERIOD', timeColumn],
    ['OBS_VALUE', valueColumn]
  ] as const)
    if (index === -1)
      throw new IngestError(
        fileName,
        `not an SDMX-CSV file: the header has no ${name} column (it has ${header.join(', ') || 'nothing'})`,
        'line 1',
        EXPECTED_HEADER
      );
  const dimensionColumns = header
    .map((name, index) => ({ name, index }))
    .filter(({ name }) => !NOT_DIMENSIONS.has(name.toUpperCase()));
  if (dimensionColumns.length === 0)
    throw new IngestError(
      fileName,
      'the header names no dimension column',
      'line 1',
      EXPECTED_HEADER
    );

  const { dataRows, distinct } = scanRows(rows, dimensionColumns, fileName);
  const columnValues = (index: number) =>
    new Set(index === -1 ? [] : dataRows.map((r) => rows[r][index].trim()));
  const dataflows = columnValues(dataflowColumn);
  const updates = columnValues(updateColumn);
  if (dataflows.size > 1)
    throw new IngestError(
      fileName,
      `the file mixes datasets: ${[...dataflows].join(', ')}`,
      'column DATAFLOW',
      'one dataset per file'
    );

  const coders: Map<string, CodedValue>[] = dimensionColumns.map(({ name }, d) => {
    const isGeo = name.toLowerCase() === 'geo';
    return looksLikeCodes(distinct[d].keys())
      ? codesAsWritten(distinct[d].keys(), isGeo)
      : codesForLabels(distinct[d], isGeo, fileName, name);
  });

  const cells = createCodedRowBuilder(fileName, rows, dimensionColumns, coders);
  for (const r of dataRows) {
    const row = rows[r];
    const time = cells.period(r, timeColumn, 'TIME_PERIOD');
    let flag = cells.flag(r, flagColumn, 'OBS_FLAG');
    const conf = confColumn === -1 ? '' : row[confColumn].trim().toUpperCase();
    const confFlag = CONFIDENTIALITY.get(conf);
    if (confFlag === undefined)
      throw new IngestError(
        fileName,
        `unknown confidentiality status “${conf}”`,
        cells.where(r, 'CONF_STATUS'),
        'F (free), C (confidential), D (secondary confidentiality) or an empty cell'
      );
    if (confFlag && !flag.includes(confFlag)) flag += confFlag;

    const rawValue = row[valueColumn].trim();
    if (rawValue !== '' && !NUMBER.test(rawValue))
      throw new IngestError(
        fileName,
        `“${rawValue}” is not a number`,
        cells.where(r, 'OBS_VALUE'),
        EXPECTED_VALUE
      );
    const value = rawValue === '' ? NaN : Number(rawValue);
    // An empty value says something only when a flag explains it (`c`: withheld).
    if (Number.isNaN(value) && flag === '') continue;
    cells.add(r, time, value, flag);
  }

  return cells.build({
    tableCode: dataflows.size === 1 ? tableCodeFromDataflow([...dataflows][0]) : null,
    title: null,
    lastUpdate: latestUpdate(updates),
    format: 'sdmx-csv',
    fileName
  });
}
