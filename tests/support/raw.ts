import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The published files, kept beside the project and never committed to it. */
export const RAW_DIR = path.resolve(process.cwd(), '../shared/datasets');

/**
 * One cell of a Eurostat TSV, read independently of the app's reader (a plain split), so
 * tests compare the screen against the file rather than against our own code.
 */
export function rawTsvCell(relativePath: string, rowKey: string, period: string): string | null {
  const lines = readFileSync(path.join(RAW_DIR, relativePath), 'utf8').split('\n');
  const header = lines[0].split('\t').map((cell) => cell.trim());
  const column = header.indexOf(period);
  const line = lines.find((l) => l.split('\t')[0] === rowKey);
  if (column < 0 || !line) return null;
  return line.split('\t')[column].trim();
}
