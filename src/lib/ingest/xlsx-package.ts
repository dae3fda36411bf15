/**
 * The package of a workbook: its zip container, read defensively (each part is inflated as a
 * stream into a buffer of the size the zip directory declares and refused at once past the
 * limit or past what it declared; checksums are verified, xlsx.ts says why), and the
 * relationships that lead from the package to the workbook and its sheets.
 */
import { Inflate } from 'fflate';
import { IngestError } from './types';

export const EXPECTED_XLSX = 'an Excel workbook saved as .xlsx';

interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface ZipArchive {
  has(path: string): boolean;
  extract(path: string, limits: { maxPartBytes: number }): Uint8Array;
}

/** What a file that is not a zip archive most likely is, for the error message. */
function notZipReason(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'the file is empty';
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0xd0, 0xcf, 0x11, 0xe0))
    return 'the file is an Excel 97–2003 (.xls) or a password-protected workbook';
  if (starts(0x50, 0x4b, 0x05, 0x06)) return 'the file is an empty zip archive';
  if (starts(0x3c) || starts(0xef, 0xbb, 0xbf)) return 'the file is text or HTML, not a workbook';
  return 'the file is not a zip archive, so it cannot be an .xlsx workbook';
}

export function readZipDirectory(bytes: Uint8Array, fileName: string): ZipArchive {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (!isZip) throw new IngestError(fileName, notZipReason(bytes), 'first bytes', EXPECTED_XLSX);

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const damaged = (problem: string, location: string) =>
    new IngestError(fileName, problem, location, EXPECTED_XLSX);

  // The end-of-directory record sits in the last 22 bytes plus an optional comment of < 64 KiB.
  let end = -1;
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 0xffff; i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  if (end < 0)
    throw damaged(
      'the file is cut short or damaged: the zip directory at its end is missing',
      'end of file'
    );

  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff)
    throw damaged(
      'the file uses ZIP64, which only workbooks of several gigabytes need',
      'zip directory'
    );
  if (directoryOffset + directorySize > end)
    throw damaged(
      'the zip directory points past the end of the file (cut short?)',
      'zip directory'
    );

  const entries = new Map<string, ZipEntry>();
  const names = new TextDecoder('utf-8');
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== 0x02014b50)
      throw damaged(`zip directory entry ${i + 1} is damaged`, 'zip directory');
    const nameLength = view.getUint16(at + 28, true);
    const entry: ZipEntry = {
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true)
    };
    // Two parts with one name would let the file show one thing to Excel and another to us.
    if (entries.has(entry.name))
      throw damaged(`the part ${entry.name} occurs twice`, 'zip directory');
    entries.set(entry.name, entry);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }

  return {
    has: (path) => entries.has(path),
    extract(path, limits) {
      const entry = entries.get(path);
      if (!entry)
        throw new IngestError(
          fileName,
          `the part ${path} is missing`,
          'zip directory',
          EXPECTED_XLSX
        );
      return extractEntry(bytes, view, entry, fileName, limits);
    }
  };
}

function extractEntry(
  bytes: Uint8Array,
  view: DataView,
  entry: ZipEntry,
  fileName: string,
  limits: { maxPartBytes: number }
): Uint8Array {
  const where = `part ${entry.name}`;
  const fail = (problem: string) => new IngestError(fileName, problem, where, EXPECTED_XLSX);
  if (entry.flags & 1) throw fail('the part is encrypted');
  if ([entry.size, entry.compressedSize, entry.localOffset].includes(0xffffffff))
    throw fail('the part is stored with ZIP64 sizes, which this reader does not read');
  if (entry.size > limits.maxPartBytes)
    throw fail(
      `the part would be ${megabytes(entry.size)} uncompressed, more than the ${megabytes(limits.maxPartBytes)} this reader accepts`
    );
  const local = entry.localOffset;
  if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50)
    throw fail('the part’s header is missing or damaged (is the file cut short?)');
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const stop = start + entry.compressedSize;
  if (stop > bytes.length) throw fail('the part runs past the end of the file (cut short?)');
  const compressed = bytes.subarray(start, stop);

  let out: Uint8Array;
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw fail('the stored part has the wrong size');
    out = compressed;
  } else if (entry.method === 8) {
    out = inflateBounded(compressed, entry.size, fail);
  } else {
    throw fail(`the part is compressed with method ${entry.method}, which .xlsx files do not use`);
  }
  if (crc32(out) !== entry.crc) throw fail('the part is damaged (its checksum does not match)');
  return out;
}

/** Pushing 16 KiB at a time bounds what one step can produce to about 16 MiB. */
const INFLATE_CHUNK = 16 * 1024;

function inflateBounded(
  compressed: Uint8Array,
  declaredSize: number,
  fail: (problem: string) => IngestError
): Uint8Array {
  const out = new Uint8Array(declaredSize);
  let written = 0;
  let finished = false;
  const inflater = new Inflate((chunk, final) => {
    if (written + chunk.length > declaredSize)
      throw fail('the part inflates to more than its declared size (a zip bomb?)');
    out.set(chunk, written);
    written += chunk.length;
    finished = final;
  });
  try {
    for (let i = 0; i < compressed.length || i === 0; i += INFLATE_CHUNK) {
      const last = i + INFLATE_CHUNK >= compressed.length;
      inflater.push(compressed.subarray(i, i + INFLATE_CHUNK), last);
    }
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw fail(`the part’s compressed data is damaged (${(error as Error).message})`);
  }
  if (!finished || written !== declaredSize)
    throw fail('the part is shorter than its declared size (is the file cut short?)');
  return out;
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

function megabytes(n: number): string {
  return `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

export function decodeUtf8(part: Uint8Array, fileName: string, path: string): string {
  if ((part[0] === 0xff && part[1] === 0xfe) || (part[0] === 0xfe && part[1] === 0xff))
    throw new IngestError(
      fileName,
      'the part is UTF-16 XML, which Excel does not write',
      `part ${path}`,
      EXPECTED_XLSX
    );
  return new TextDecoder('utf-8').decode(part);
}

// ─── package structure: which part is which sheet ───────────────────────────────────────────

// ─── package parts ──────────────────────────────────────────────────────────────────────────

interface Relationship {
  type: string;
  target: string;
}

/**
 * Every tag: closing slash, local name (prefix dropped), attribute text (ends in `/` if empty).
 * No part may match a `<`, which XML forbids inside a tag: so a malformed file with `<` but no
 * `>` costs one pass, not one pass per `<`.
 */
export const TAG =
  /<(\/?)(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)((?:[^<>"']|"[^<"]*"|'[^<']*')*)>/g;
/** Anchored on the space before the name, so a long run of letters is not retried at each one. */
const ATTRIBUTE = /(?:^|\s)([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function attributes(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of text.matchAll(ATTRIBUTE)) found.set(m[1], decodeXmlText(m[2] ?? m[3]));
  return found;
}

/** Tags with one local name, with their attributes. */
function* elements(xml: string, localName: string): Generator<Map<string, string>> {
  for (const m of xml.matchAll(new RegExp(TAG)))
    if (m[1] === '' && m[2] === localName) yield attributes(m[3]);
}

/** Resolves a relationship target against the folder of the part that names it. */
function resolvePath(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

export function relationships(
  zip: ZipArchive,
  partText: (path: string) => string,
  ownerPath: string
): Map<string, Relationship> {
  const slash = ownerPath.lastIndexOf('/');
  const relsPath = `${ownerPath.slice(0, slash + 1)}_rels/${ownerPath.slice(slash + 1)}.rels`;
  const found = new Map<string, Relationship>();
  if (!zip.has(relsPath)) return found;
  for (const rel of elements(partText(relsPath), 'Relationship')) {
    const id = rel.get('Id');
    const target = rel.get('Target');
    if (!id || !target || rel.get('TargetMode') === 'External') continue;
    found.set(id, { type: rel.get('Type') ?? '', target: resolvePath(ownerPath, target) });
  }
  return found;
}

export function officeDocumentPath(
  zip: ZipArchive,
  partText: (path: string) => string,
  fileName: string
): string {
  const root = relationships(zip, partText, '');
  const main = [...root.values()].find((r) => r.type.endsWith('/officeDocument'));
  const path = main?.target ?? 'xl/workbook.xml';
  if (!zip.has(path))
    throw new IngestError(
      fileName,
      'the zip archive has no workbook part, so it is not an .xlsx file',
      'zip directory',
      EXPECTED_XLSX
    );
  return path;
}

export function sheetEntries(
  workbookXml: string,
  rels: Map<string, Relationship>,
  fileName: string,
  workbookPath: string
): { name: string; path: string }[] {
  const sheets: { name: string; path: string }[] = [];
  for (const sheet of elements(workbookXml, 'sheet')) {
    const name = sheet.get('name');
    const relId = [...sheet.entries()].find(([key]) => key.endsWith(':id'))?.[1];
    const rel = relId ? rels.get(relId) : undefined;
    if (name === undefined || !rel)
      throw new IngestError(
        fileName,
        `a sheet entry has no name or no part (${name ?? 'unnamed'})`,
        `part ${workbookPath}`,
        EXPECTED_XLSX
      );
    sheets.push({ name, path: rel.target });
  }
  return sheets;
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Character data as written: XML references first, then Excel's `_xHHHH_` escapes. */
export function decodeXmlText(text: string): string {
  let out = text;
  if (out.includes('&'))
    out = out.replace(
      /&(?:#x([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(amp|lt|gt|quot|apos));/g,
      (ref, hex, dec, name) => {
        if (name) return PREDEFINED[name];
        const code = hex ? parseInt(hex, 16) : Number(dec);
        return code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
      }
    );
  if (out.includes('_x'))
    out = out.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
  return out;
}
