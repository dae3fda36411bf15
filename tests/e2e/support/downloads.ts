import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';

/** Presses a download button inside `figure` and reads the file it saves. */
export async function downloadText(
  page: Page,
  figure: Locator,
  testId: string
): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    figure.getByTestId(testId).click()
  ]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

/** The cells of one CSV line, RFC 4180 quoting undone. */
export function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  return [...cells, cell];
}

/** A downloaded CSV: its header, its data records, and the text lines after the blank line. */
export function readCsv(csv: string) {
  const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
  const header = csvCells(lines[0]);
  const blank = lines.indexOf('');
  return {
    header,
    records: lines
      .slice(1, blank)
      .map((line) => Object.fromEntries(csvCells(line).map((cell, i) => [header[i], cell]))),
    after: lines.slice(blank + 1).map((line) => csvCells(line)[0])
  };
}
