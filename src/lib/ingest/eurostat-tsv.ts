/**
 * Reader for Eurostat's TSV bulk files, old (`indic_de,geo\time`) and new
 * (`freq,iccs,unit,geo\TIME_PERIOD`) header alike: one row per series, one column per period,
 * cells like `470 `, `78115 b`, `: c` or `:`.
 *
 * A large file can also be read in parts side by side (planTsvParts, readTsvPart, then
 * eurostatTsvFromParts): the parts are cut at line ends, read on their own, and joined in file
 * order, which numbers codes and flags exactly as one reading of the whole file does.
 */

import { geoLabel } from '$lib/reference/geo';
import { keepEncoding, positionArray, type EncodedColumns } from './encoded';
import { tableCodeFromFileName } from './eurostat-common';
import { parseHeader, readTsvLines, type TsvHeader, type TsvPart } from './eurostat-tsv-lines';
import { decodeText } from './text';
import type { LongDataset } from './types';

export type { TsvHeader, TsvPart } from './eurostat-tsv-lines';

const LINE_FEED = 10;

/** Lays out one string per kept row, picking from a short list by number. */
function spread<T>(pick: ArrayLike<number>, from: T[], count: number): T[] {
  const column = new Array<T>(count);
  for (let i = 0; i < count; i++) column[i] = from[pick[i]];
  return column;
}

/** Reads a Eurostat TSV bulk file into the long shape; pure `:` cells are dropped. */
export function readEurostatTsv(bytes: Uint8Array, fileName: string): LongDataset {
  const text = decodeText(bytes, fileName);
  const firstBreak = text.indexOf('\n');
  const headerEnd = firstBreak === -1 ? text.length : firstBreak;
  const header = parseHeader(text.slice(0, headerEnd), fileName);
  const part = readTsvLines(text, headerEnd + 1, 1, header, fileName);
  return datasetOf(part, header, fileName, true);
}

/** Where a file's parts begin and end, in bytes, and the header they share. */
export interface TsvPlan {
  header: TsvHeader;
  /** [start, end) of each part, in file order; each starts at a line's start. */
  ranges: [number, number][];
}

/**
 * Cuts a file's lines after the header into `count` parts of about equal size, each ending at
 * a line end. Null where reading the whole file at once is the only way to read it exactly as
 * readEurostatTsv does: a header that does not read, an encoding other than UTF-8, or too few
 * lines to cut. The parts' text is decoded as strict UTF-8 (readTsvPart), so a file that needs
 * the Latin-1 fallback fails in its parts and is then read whole.
 */
export function planTsvParts(bytes: Uint8Array, fileName: string, count: number): TsvPlan | null {
  const firstBreak = bytes.indexOf(LINE_FEED);
  if (firstBreak === -1 || bytes.subarray(0, 65536).includes(0)) return null;
  let header: TsvHeader;
  try {
    header = parseHeader(decodeText(bytes.subarray(0, firstBreak), fileName), fileName);
  } catch {
    return null;
  }
  const ranges: [number, number][] = [];
  let start = firstBreak + 1;
  const size = bytes.length - start;
  for (let part = 1; part < count; part++) {
    const lineFeed = bytes.indexOf(LINE_FEED, firstBreak + Math.floor((size * part) / count));
    if (lineFeed === -1 || lineFeed + 1 >= bytes.length) break;
    if (lineFeed + 1 <= start) continue;
    ranges.push([start, lineFeed + 1]);
    start = lineFeed + 1;
  }
  ranges.push([start, bytes.length]);
  return ranges.length > 1 ? { header, ranges } : null;
}

/**
 * Reads one part of a file (its bytes from planTsvParts' range). Throws on anything the whole
 * file's reading would report, but with line numbers counted from the part's start, and on
 * text that is not UTF-8: the caller then reads the whole file for the user's message.
 */
export function readTsvPart(bytes: Uint8Array, header: TsvHeader, fileName: string): TsvPart {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  return readTsvLines(text, 0, 1, header, fileName);
}

/** The arrays that carry a part's rows, for handing it to another worker by transfer. */
export function tsvPartBuffers(part: TsvPart): ArrayBuffer[] {
  const arrays = [
    part.seriesCodes,
    part.seriesFirstRow,
    part.rowPeriod,
    part.rowFlag,
    part.rowValue
  ];
  return [...new Set(arrays.map((array) => array.buffer as ArrayBuffer))];
}

/**
 * Renumbers `list` into `merged` (adding what it lacks, in the list's order) and returns, per
 * number in `list`, its number in `merged`.
 */
function renumber<T>(list: T[], merged: T[], numbers: Map<T, number>): Int32Array {
  const map = new Int32Array(list.length);
  list.forEach((entry, n) => {
    let at = numbers.get(entry);
    if (at === undefined) {
      at = merged.push(entry) - 1;
      numbers.set(entry, at);
    }
    map[n] = at;
  });
  return map;
}

/**
 * One part from parts read in file order: the later parts' codes and flags renumbered after
 * the earlier ones', which is the order one reading of the whole file gives them.
 */
function joinParts(parts: TsvPart[], dimensionCount: number): TsvPart {
  if (parts.length === 1) return parts[0];
  const codeLists = parts[0].codeLists.map((list) => [...list]);
  const codeNumbers = codeLists.map((list) => new Map(list.map((code, n) => [code, n])));
  const flagSpellings = [...parts[0].flagSpellings];
  const flagNumbers = new Map(flagSpellings.map((spelling, n) => [spelling, n]));
  const rowCount = parts.reduce((sum, part) => sum + part.rowCount, 0);
  const seriesCount = parts.reduce((sum, part) => sum + part.seriesCount, 0);
  const joined: TsvPart = {
    codeLists,
    flagSpellings,
    seriesCount,
    seriesCodes: new Int32Array(seriesCount * dimensionCount),
    seriesFirstRow: new Int32Array(seriesCount + 1),
    rowCount,
    rowPeriod: new Int32Array(rowCount),
    rowFlag: new Uint16Array(rowCount),
    rowValue: new Float64Array(rowCount)
  };
  let rowsBefore = 0;
  let seriesBefore = 0;
  for (const part of parts) {
    const codeMaps = part.codeLists.map((list, d) => renumber(list, codeLists[d], codeNumbers[d]));
    const flagMap = renumber(part.flagSpellings, flagSpellings, flagNumbers);
    for (let s = 0; s < part.seriesCount; s++) {
      joined.seriesFirstRow[seriesBefore + s] = rowsBefore + part.seriesFirstRow[s];
      for (let d = 0; d < dimensionCount; d++)
        joined.seriesCodes[(seriesBefore + s) * dimensionCount + d] =
          codeMaps[d][part.seriesCodes[s * dimensionCount + d]];
    }
    joined.rowPeriod.set(part.rowPeriod, rowsBefore);
    joined.rowValue.set(part.rowValue, rowsBefore);
    if (flagMap.every((at, n) => at === n)) joined.rowFlag.set(part.rowFlag, rowsBefore);
    else
      for (let row = 0; row < part.rowCount; row++)
        joined.rowFlag[rowsBefore + row] = flagMap[part.rowFlag[row]];
    rowsBefore += part.rowCount;
    seriesBefore += part.seriesCount;
  }
  joined.seriesFirstRow[seriesCount] = rowCount;
  return joined;
}

/** The dataset from a file's parts, read in the order planTsvParts gave them. */
export function eurostatTsvFromParts(
  parts: TsvPart[],
  header: TsvHeader,
  fileName: string
): LongDataset {
  return datasetOf(
    joinParts(parts, header.dimensionIds.length),
    header,
    fileName,
    parts.length === 1
  );
}

/**
 * The long dataset over a part's numbers. `shared`: the part's arrays are views of larger
 * buffers sized for every cell, so the values are copied out to let those go.
 */
function datasetOf(
  part: TsvPart,
  header: TsvHeader,
  fileName: string,
  shared: boolean
): LongDataset {
  const { dimensionIds } = header;
  const { codeLists, flagSpellings, seriesCount, seriesCodes, seriesFirstRow, rowCount } = part;
  const { rowPeriod, rowFlag } = part;
  const dimensionCount = dimensionIds.length;
  const dimensions = dimensionIds.map((id, d) => {
    const list = codeLists[d];
    // A code whose every cell was a bare `:` never reaches a row, so it is not listed.
    const used = new Uint8Array(list.length);
    for (let s = 0; s < seriesCount; s++) used[seriesCodes[s * dimensionCount + d]] = 1;
    const label = id === 'geo' ? geoLabel : (code: string) => code;
    const codes = new Map<string, string>();
    list.forEach((code, n) => {
      if (used[n]) codes.set(code, label(code));
    });
    return { id, label: id, codes };
  });
  // The columns as dictionaries (code lists, periods, flag spellings) and per-row positions:
  // the form the Arrow writer and the description use, so an import never builds the string
  // columns. Those are laid out only when something asks for them.
  const encoded: EncodedColumns = {
    codes: dimensionIds.map((_, d) => {
      const indices = positionArray(codeLists[d].length, rowCount);
      for (let s = 0; s < seriesCount; s++)
        indices.fill(seriesCodes[s * dimensionCount + d], seriesFirstRow[s], seriesFirstRow[s + 1]);
      return { dictionary: codeLists[d], indices };
    }),
    time: { dictionary: header.periods, indices: rowPeriod },
    flag: { dictionary: flagSpellings, indices: rowFlag }
  };
  let codes: string[][] | null = null;
  let time: string[] | null = null;
  let flag: (string | null)[] | null = null;
  const dataset: LongDataset = {
    tableCode: tableCodeFromFileName(fileName),
    title: null,
    lastUpdate: null,
    format: 'eurostat-tsv',
    fileName,
    dimensions,
    rowCount,
    get codes() {
      return (codes ??= codeLists.map((list, d) =>
        spread(encoded.codes[d].indices, list, rowCount)
      ));
    },
    get time() {
      return (time ??= spread(rowPeriod, header.periods, rowCount));
    },
    value: shared ? part.rowValue.slice() : part.rowValue,
    get flag() {
      return (flag ??= spread(rowFlag, flagSpellings, rowCount));
    }
  };
  keepEncoding(dataset, encoded);
  return dataset;
}
