import { IngestError } from './types';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** First bytes that mark a file no text reader can take. */
function binarySignature(bytes: Uint8Array): string | null {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return 'a ZIP archive (an .xlsx workbook is one)';
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'gzip-compressed data';
  if (bytes[0] === 0x50 && bytes[1] === 0x41 && bytes[2] === 0x52 && bytes[3] === 0x31)
    return 'a Parquet file';
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)
    return 'a PDF document';
  return null;
}

/**
 * Turns a file's bytes into text for the text readers. UTF-8 first (a BOM is dropped);
 * bytes that are not valid UTF-8 are read as Latin-1, which is how the older Eurostat
 * CSV exports were written. Empty, binary and UTF-16 files are rejected with a message
 * that says what the file seems to be.
 */
export function decodeText(bytes: Uint8Array, fileName: string): string {
  if (bytes.length === 0) throw new IngestError(fileName, 'the file is empty', null, 'a data file');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw new IngestError(
      fileName,
      'the file is encoded as UTF-16, which is not supported',
      'first bytes',
      'UTF-8 or Latin-1 text'
    );
  const signature = binarySignature(bytes);
  if (signature)
    throw new IngestError(fileName, `the file is ${signature}, not text`, 'first bytes', 'text');
  const probe = bytes.subarray(0, Math.min(bytes.length, 65536));
  if (probe.includes(0))
    throw new IngestError(fileName, 'the file is binary, not text', 'contains NUL bytes', 'text');

  const start = UTF8_BOM.every((b, i) => bytes[i] === b) ? 3 : 0;
  const body = bytes.subarray(start);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return new TextDecoder('latin1').decode(body);
  }
}

/**
 * Reads `text` as JSON; where it is not, throws an IngestError saying where the syntax broke
 * (line and column, or the end of the file, which is what a download cut short looks like).
 * `problem` says what that means for this kind of file, `expected` what was wanted.
 */
export function parseJsonText(
  text: string,
  fileName: string,
  problem: string,
  expected: string
): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Engines word it differently: V8 gives "position N", Firefox "line L column C".
    const position = /position (\d+)/.exec(message);
    const lineColumn = /line (\d+) column (\d+)/.exec(message);
    const atEnd = position
      ? Number(position[1]) >= text.length
      : /end of (json input|data)|EOF/i.test(message);
    const location = atEnd
      ? `end of file, character ${text.length}`
      : position
        ? lineAndColumn(text, Number(position[1]))
        : lineColumn
          ? `line ${lineColumn[1]}, column ${lineColumn[2]}`
          : null;
    throw new IngestError(fileName, `${problem} (${message})`, location, expected);
  }
}

/** Line and column of a character offset, both counted from 1. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}
