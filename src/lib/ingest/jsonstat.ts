/**
 * Reader for JSON-stat 2.0 datasets, the format of Eurostat's statistics API: a list of
 * dimensions with their categories, and the values laid out flat in row-major order (the
 * last dimension varies fastest), either as a full array or as an object keyed by position.
 */

import { geoLabel } from '$lib/reference/geo';
import { isKnownFlag } from '$lib/reference/flags';
import { decodeText, parseJsonText } from './text';
import { EXPECTED_PERIOD, normalisePeriod } from '$lib/model/period';
import { EXPECTED_FLAG, looksLikeMarkup, tableCodeFromFileName } from './eurostat-common';
import { IngestError, type Dimension, type LongDataset } from './types';

type JsonObject = Record<string, unknown>;

const EXPECTED_DATASET =
  'a JSON-stat 2.0 dataset: an object with "version": "2.0", "class": "dataset", "id", "size", "dimension" and "value"';

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function parseJson(text: string, fileName: string): unknown {
  if (looksLikeMarkup(text))
    throw new IngestError(
      fileName,
      'not JSON: it is an HTML or XML document, perhaps an error page saved in place of the data',
      'start of file',
      EXPECTED_DATASET
    );
  return parseJsonText(text, fileName, 'truncated or invalid JSON', 'a complete JSON document');
}

function notADataset(fileName: string, problem: string, key: string): IngestError {
  return new IngestError(
    fileName,
    `not a JSON-stat 2.0 dataset: ${problem}`,
    key,
    EXPECTED_DATASET
  );
}

interface Shape {
  ids: string[];
  sizes: number[];
  dimensions: JsonObject[];
}

function readShape(json: unknown, fileName: string): Shape {
  if (!isObject(json))
    throw notADataset(
      fileName,
      `the file holds ${describe(json)} rather than an object`,
      'top level'
    );
  if (json.version !== '2.0')
    throw notADataset(fileName, `"version" is ${describe(json.version)}`, '"version"');
  if (json.class !== 'dataset')
    throw notADataset(fileName, `"class" is ${describe(json.class)}`, '"class"');
  const { id, size, dimension } = json;
  if (!Array.isArray(id) || !id.every((item) => typeof item === 'string'))
    throw notADataset(fileName, `"id" is ${describe(id)}, not a list of names`, '"id"');
  if (
    !Array.isArray(size) ||
    !size.every((item) => Number.isInteger(item) && item >= 0) ||
    size.length !== id.length
  )
    throw notADataset(
      fileName,
      `"size" is ${describe(size)}, not one whole number per dimension in "id"`,
      '"size"'
    );
  if (!isObject(dimension))
    throw notADataset(fileName, `"dimension" is ${describe(dimension)}`, '"dimension"');
  if (json.value === undefined) throw notADataset(fileName, '"value" is missing', '"value"');
  const dimensions = id.map((name: string) => {
    const entry = dimension[name];
    if (!isObject(entry) || !isObject(entry.category))
      throw notADataset(
        fileName,
        `dimension "${name}" is listed in "id" but has no "category"`,
        `"dimension"."${name}"`
      );
    return entry;
  });
  return { ids: id, sizes: size, dimensions };
}

/** A dimension's category codes by position, checked against the size the dataset gives it. */
function readCategories(name: string, entry: JsonObject, size: number, fileName: string): string[] {
  const category = entry.category as JsonObject;
  const { index, label } = category;
  const where = `"dimension"."${name}"."category"`;
  let codes: string[];
  if (Array.isArray(index)) {
    if (!index.every((code) => typeof code === 'string'))
      throw new IngestError(
        fileName,
        `the category index of "${name}" holds something other than codes`,
        where,
        'a list of category codes'
      );
    codes = index;
  } else if (isObject(index)) {
    const entries = Object.entries(index);
    codes = new Array<string>(entries.length);
    for (const [code, position] of entries) {
      if (
        typeof position !== 'number' ||
        !Number.isInteger(position) ||
        position < 0 ||
        position >= entries.length ||
        codes[position] !== undefined
      )
        throw new IngestError(
          fileName,
          `the category index of "${name}" gives "${code}" the position ${describe(position)}`,
          where,
          `each of its ${entries.length} codes at a distinct position from 0 to ${entries.length - 1}`
        );
      codes[position] = code;
    }
  } else if (index === undefined && isObject(label) && Object.keys(label).length === 1) {
    // JSON-stat lets a dimension with a single category leave out the index.
    codes = Object.keys(label);
  } else
    throw new IngestError(
      fileName,
      `dimension "${name}" has no category index`,
      where,
      'an "index" listing the category codes'
    );
  if (codes.length !== size)
    throw new IngestError(
      fileName,
      `"size" gives dimension "${name}" ${size} categories but its category index lists ${codes.length}`,
      `"size" and ${where}`,
      'the sizes to count the categories of each dimension'
    );
  return codes;
}

function findTimeDimension(json: JsonObject, ids: string[], fileName: string): number {
  const role = json.role;
  const named = isObject(role) && Array.isArray(role.time) ? role.time[0] : undefined;
  const position = ids.indexOf(typeof named === 'string' ? named : 'time');
  if (position === -1)
    throw new IngestError(
      fileName,
      `no time dimension among ${ids.join(', ')}`,
      '"id"',
      'a dimension named "time", or one named in "role"."time"'
    );
  return position;
}

/** The flag a status gives, or null for none; `:` only says "missing", which is no flag. */
function readStatus(status: unknown, flatIndex: number | null, fileName: string): string | null {
  const where = flatIndex === null ? '"status"' : `"status" at flat index ${flatIndex}`;
  if (status === null || status === undefined) return null;
  if (typeof status !== 'string')
    throw new IngestError(fileName, `the status is ${describe(status)}`, where, EXPECTED_FLAG);
  const flag = status.trim();
  if (flag === '' || flag === ':') return null;
  if (!isKnownFlag(flag))
    throw new IngestError(fileName, `unknown flag “${flag}”`, where, EXPECTED_FLAG);
  return flag;
}

/** The flat index a key of a sparse `value` or `status` object names, checked. */
function readFlatIndex(key: string, total: number, member: string, fileName: string): number {
  const flatIndex = Number(key);
  if (!/^\d+$/.test(key) || flatIndex >= total)
    throw new IngestError(
      fileName,
      `"${member}" has the key "${key}", which is not a position in the data`,
      `"${member}"`,
      `keys that are whole numbers from 0 to ${total - 1}`
    );
  return flatIndex;
}

/**
 * Flat indices that may hold a row, ascending. A full array means every position; sparse
 * objects name theirs. A status that is one string for the whole dataset describes values,
 * so it does not turn positions without a value into rows.
 */
function candidatePositions(value: unknown, status: unknown, total: number, fileName: string) {
  if (Array.isArray(value) || Array.isArray(status))
    return Array.from({ length: total }, (_, i) => i);
  const positions = new Set<number>();
  for (const key of Object.keys(value as JsonObject))
    positions.add(readFlatIndex(key, total, 'value', fileName));
  if (isObject(status))
    for (const key of Object.keys(status))
      positions.add(readFlatIndex(key, total, 'status', fileName));
  return [...positions].sort((a, b) => a - b);
}

/** Reads a JSON-stat 2.0 dataset into the long shape, one row per cell with a value or status. */
export function readJsonStat(bytes: Uint8Array, fileName: string): LongDataset {
  const json = parseJson(decodeText(bytes, fileName), fileName);
  const { ids, sizes, dimensions: entries } = readShape(json, fileName);
  const dataset = json as JsonObject;
  const categories = ids.map((name, d) => readCategories(name, entries[d], sizes[d], fileName));
  const timeAt = findTimeDimension(dataset, ids, fileName);
  const periods = categories[timeAt].map((code) => {
    const period = normalisePeriod(code);
    if (period === null)
      throw new IngestError(
        fileName,
        `the time code “${code}” is not a time period`,
        `"dimension"."${ids[timeAt]}"."category"`,
        EXPECTED_PERIOD
      );
    return period;
  });
  const total = sizes.reduce((product, size) => product * size, 1);

  const { value, status } = dataset;
  if (Array.isArray(value) && value.length !== total)
    throw new IngestError(
      fileName,
      `"value" has ${value.length} entries but the sizes (${sizes.join(' × ')}) make ${total}`,
      '"value"',
      'one entry per combination of categories'
    );
  if (!Array.isArray(value) && !isObject(value))
    throw notADataset(fileName, `"value" is ${describe(value)}`, '"value"');
  if (Array.isArray(status) && status.length !== total && status.length !== 1)
    throw new IngestError(
      fileName,
      `"status" has ${status.length} entries but the sizes (${sizes.join(' × ')}) make ${total}`,
      '"status"',
      'one status per value, or a single status for all'
    );
  const statusForAll =
    typeof status === 'string' || (Array.isArray(status) && status.length === 1)
      ? readStatus(Array.isArray(status) ? status[0] : status, null, fileName)
      : null;
  const perCellStatus = isObject(status) || (Array.isArray(status) && status.length > 1);
  const valueAt = (i: number): unknown =>
    Array.isArray(value) ? value[i] : (value as JsonObject)[i];
  const statusAt = (i: number): unknown =>
    Array.isArray(status) ? status[i] : (status as JsonObject)[i];

  const positions = candidatePositions(value, perCellStatus ? status : undefined, total, fileName);
  // Time has its own column; every other dimension, even one with a single code, is kept.
  const kept = ids.map((_, d) => d).filter((d) => d !== timeAt);
  const codes: string[][] = kept.map(() => []);
  const time: string[] = [];
  const flag: (string | null)[] = [];
  const values = new Float64Array(positions.length);
  const used = sizes.map((size) => new Uint8Array(size));
  const position = new Array<number>(ids.length);
  let rowCount = 0;

  for (const flatIndex of positions) {
    const raw = valueAt(flatIndex);
    if (raw !== null && raw !== undefined && typeof raw !== 'number')
      throw new IngestError(
        fileName,
        `the value is ${describe(raw)}, not a number`,
        `"value" at flat index ${flatIndex}`,
        'numbers, or null where there is none'
      );
    const hasValue = typeof raw === 'number';
    const cellFlag = perCellStatus
      ? readStatus(statusAt(flatIndex), flatIndex, fileName)
      : hasValue
        ? statusForAll
        : null;
    if (!hasValue && cellFlag === null) continue;

    // Row-major: the last dimension varies fastest.
    let rest = flatIndex;
    for (let d = ids.length - 1; d >= 0; d--) {
      position[d] = rest % sizes[d];
      rest = Math.floor(rest / sizes[d]);
    }
    kept.forEach((d, k) => {
      used[d][position[d]] = 1;
      codes[k].push(categories[d][position[d]]);
    });
    time.push(periods[position[timeAt]]);
    flag.push(cellFlag);
    values[rowCount++] = hasValue ? raw : NaN;
  }

  const dimensions: Dimension[] = kept.map((d) => {
    const entry = entries[d];
    const labels = (entry.category as JsonObject).label;
    const id = ids[d].toLowerCase();
    const labelOf = (code: string): string => {
      const own = isObject(labels) ? labels[code] : undefined;
      if (typeof own === 'string') return own;
      return id === 'geo' ? geoLabel(code) : code;
    };
    const dimensionCodes = new Map<string, string>();
    categories[d].forEach((code, p) => {
      if (used[d][p]) dimensionCodes.set(code, labelOf(code));
    });
    return {
      id,
      label: typeof entry.label === 'string' ? entry.label : id,
      codes: dimensionCodes
    };
  });

  const extension = dataset.extension;
  const extensionId = isObject(extension) ? extension.id : undefined;
  return {
    tableCode:
      typeof extensionId === 'string' && extensionId !== ''
        ? extensionId.toLowerCase()
        : tableCodeFromFileName(fileName),
    title: typeof dataset.label === 'string' ? dataset.label : null,
    lastUpdate: typeof dataset.updated === 'string' ? dataset.updated : null,
    format: 'jsonstat',
    fileName,
    dimensions,
    rowCount,
    codes,
    time,
    value: values.slice(0, rowCount),
    flag
  };
}
