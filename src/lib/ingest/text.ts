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
