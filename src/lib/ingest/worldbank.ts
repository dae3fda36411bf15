/**
 * Readers for World Bank WDI data: the API v2 JSON response and the bulk-download CSV. Both
 * name countries by ISO 3166 alpha-3 codes, which become Eurostat geo codes (GRC → EL,
 * GBR → UK). Regional and income groups have no Eurostat counterpart and are dropped.
 */

import { csvParseRows } from 'd3-dsv';
import { isKnownFlag } from '$lib/reference/flags';
import { geoCodeFromIso3, geoLabel, ISO3_WITHOUT_GEO } from '$lib/reference/geo';
import { EXPECTED_PERIOD, isPeriod, normalisePeriod } from '$lib/model/period';
import { createLongBuilder } from './long-builder';
import { decodeText, parseJsonText } from './text';
import { IngestError, type LongDataset } from './types';

const DIMENSIONS = [
  { id: 'indicator', label: 'Indicator' },
  { id: 'geo', label: 'Country' }
];

/** `SP.POP.TOTL` → `sp_pop_totl`. */
function tableCodeFromIndicator(indicator: string): string {
  return indicator.toLowerCase().replace(/[^a-z0-9]+/g, '_');
}

/**
 * Eurostat geo code for a World Bank country code; null for the groups listed in
 * ISO3_WITHOUT_GEO. An unknown code is an error rather than a silent drop, because it would
 * take a country's whole series with it.
 */
function geoFor(iso3: string, fileName: string, where: string): string | null {
  const code = geoCodeFromIso3(iso3);
  if (code !== null || ISO3_WITHOUT_GEO.has(iso3.toUpperCase())) return code;
  throw new IngestError(
    fileName,
    `the country code “${iso3}” is neither a country nor a known World Bank group`,
    where,
    'an ISO 3166 alpha-3 code such as ROU, or a World Bank group code such as WLD'
  );
}

function parseJson(text: string, fileName: string): unknown {
  return parseJsonText(
    text,
    fileName,
    'the file is not valid JSON; a download that was cut short looks like this',
    'a complete World Bank API v2 JSON response'
  );
}

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** A string field of a record, or an error naming the record and the field. */
function stringField(
  record: Record<string, unknown>,
  path: string,
  fileName: string,
  index: number
): string {
  let node: unknown = record;
  for (const key of path.split('.')) node = isObject(node) ? node[key] : undefined;
  if (typeof node !== 'string')
    throw new IngestError(
      fileName,
      `the field ${path} is ${node === undefined ? 'missing' : `not text (${JSON.stringify(node)})`}`,
      `record ${index + 1}, field ${path}`,
      'text, as in every World Bank API v2 record'
    );
  return node;
}

const EXPECTED_RESPONSE =
  'a two-element array [page information, records] as the World Bank API v2 returns with format=json';

/**
 * Reads a World Bank API v2 JSON response. Records without a value, and those of groups
 * (regions, income levels, the world), are dropped.
 */
export function readWorldBankJson(bytes: Uint8Array, fileName: string): LongDataset {
  const data = parseJson(decodeText(bytes, fileName), fileName);
  if (!Array.isArray(data))
    throw new IngestError(
      fileName,
      `the file holds a JSON ${data === null ? 'null' : typeof data}, not an array`,
      'top level',
      EXPECTED_RESPONSE
    );
  const [page, records] = data;
  // The API answers a bad request with a one-element array holding its message.
  if (isObject(page) && Array.isArray(page.message)) {
    const said = page.message
      .map((m) => (isObject(m) ? `${m.key ?? ''}: ${m.value ?? ''}` : String(m)))
      .join('; ');
    throw new IngestError(
      fileName,
      `the file is a World Bank API error message, not data (${said})`,
      'element 1',
      EXPECTED_RESPONSE
    );
  }
  if (data.length !== 2 || !isObject(page) || !Array.isArray(records))
    throw new IngestError(
      fileName,
      `the array has ${data.length} element${data.length === 1 ? '' : 's'} and its second is ${Array.isArray(records) ? 'an array' : 'not an array of records'}`,
      'top level',
      EXPECTED_RESPONSE
    );
  if (typeof page.pages === 'number' && page.pages > 1)
    throw new IngestError(
      fileName,
      `the file is page ${page.page} of ${page.pages}, so it holds only part of the data`,
      'element 1, field pages',
      'a response with every record on one page (ask the API for per_page=20000 or more)'
    );

  const builder = createLongBuilder(fileName, DIMENSIONS);
  const indicators = new Map<string, string>();
  records.forEach((record: unknown, i) => {
    const where = `record ${i + 1}`;
    if (!isObject(record))
      throw new IngestError(fileName, 'the record is not an object', where, 'a record object');
    const indicator = stringField(record, 'indicator.id', fileName, i);
    const indicatorLabel = stringField(record, 'indicator.value', fileName, i);
    const iso3 = stringField(record, 'countryiso3code', fileName, i);
    const date = stringField(record, 'date', fileName, i);
    const period = normalisePeriod(date);
    if (period === null)
      throw new IngestError(
        fileName,
        `“${date}” is not a time period`,
        `${where}, field date`,
        EXPECTED_PERIOD
      );
    const value = record.value;
    if (value !== null && (typeof value !== 'number' || !Number.isFinite(value)))
      throw new IngestError(
        fileName,
        `the value ${JSON.stringify(value)} is not a number`,
        `${where}, field value`,
        'a number or null'
      );
    const status = typeof record.obs_status === 'string' ? record.obs_status.trim() : '';
    const flag = status === '' ? null : status.toLowerCase();
    if (flag !== null && !isKnownFlag(flag))
      throw new IngestError(
        fileName,
        `unknown observation status “${status}”`,
        `${where}, field obs_status`,
        'an empty status or a Eurostat-style flag letter'
      );
    // Income groups (High income, …) come with an empty ISO3 code.
    const geo = iso3 === '' ? null : geoFor(iso3, fileName, `${where}, field countryiso3code`);
    if (geo === null || (value === null && flag === null)) return;
    indicators.set(indicator, indicatorLabel);
    builder.add(
      [indicator, geo],
      [indicatorLabel, geoLabel(geo)],
      period,
      value ?? NaN,
      flag,
      where
    );
  });

  const only = indicators.size === 1 ? [...indicators][0] : null;
  return builder.build({
    tableCode: only ? tableCodeFromIndicator(only[0]) : null,
    title: only ? only[1] : null,
    lastUpdate: typeof page.lastupdated === 'string' ? page.lastupdated : null,
    format: 'worldbank-json',
    fileName
  });
}

const CSV_HEADER_START = ['Country Name', 'Country Code', 'Indicator Name', 'Indicator Code'];

/**
 * Reads the World Bank bulk CSV (`API_<indicator>_DS2_en_csv_v2_….csv`): a few metadata lines,
 * then `Country Name,Country Code,Indicator Name,Indicator Code,1960,1961,…`. Empty cells and
 * groups are dropped.
 */
export function readWorldBankCsv(bytes: Uint8Array, fileName: string): LongDataset {
  const rows = csvParseRows(decodeText(bytes, fileName));
  const headerIndex = rows.findIndex((row) =>
    CSV_HEADER_START.every((name, i) => row[i]?.trim() === name)
  );
  if (headerIndex === -1)
    throw new IngestError(
      fileName,
      'not a World Bank bulk CSV: no line starts with Country Name, Country Code, Indicator Name, Indicator Code',
      'the first lines',
      'the World Bank bulk-download CSV, whose header follows four lines of metadata'
    );
  const header = rows[headerIndex].map((cell) => cell.trim());
  const years = header
    .map((name, index) => ({ name, index }))
    .filter(({ name }) => isPeriod(name, 'annual'));
  const updated = rows
    .slice(0, headerIndex)
    .find((row) => row[0]?.trim() === 'Last Updated Date')?.[1]
    ?.trim();

  const builder = createLongBuilder(fileName, DIMENSIONS);
  const indicators = new Map<string, string>();
  for (let r = headerIndex + 1; r < rows.length; r++) {
    const row = rows[r];
    if (row.length === 1 && row[0].trim() === '') continue;
    const where = `line ${r + 1}`;
    if (row.length < header.length)
      throw new IngestError(
        fileName,
        `the line has ${row.length} fields but the header has ${header.length}`,
        where,
        `${header.length} comma-separated fields on every line`
      );
    const [, iso3, indicatorLabel, indicator] = row.map((cell) => cell.trim());
    const geo = geoFor(iso3, fileName, `${where}, column Country Code`);
    if (geo === null) continue;
    indicators.set(indicator, indicatorLabel);
    for (const { name, index } of years) {
      const cell = row[index].trim();
      if (cell === '') continue;
      const value = Number(cell);
      if (!/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(cell) || !Number.isFinite(value))
        throw new IngestError(
          fileName,
          `“${cell}” is not a number`,
          `${where}, column ${name}`,
          'a number or an empty cell'
        );
      builder.add([indicator, geo], [indicatorLabel, geoLabel(geo)], name, value, null, where);
    }
  }

  const only = indicators.size === 1 ? [...indicators][0] : null;
  return builder.build({
    tableCode: only ? tableCodeFromIndicator(only[0]) : null,
    title: only ? only[1] : null,
    lastUpdate: updated || null,
    format: 'worldbank-csv',
    fileName
  });
}
