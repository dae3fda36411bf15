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

/** RFC 4180 records: quoted cells may hold commas, quotes and line breaks. */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/**
 * A downloaded CSV: its header, its data records, and the text of the `#,field,text` lines
 * about them that follow the blank line (docs/downloads.md).
 */
export function readCsv(csv: string) {
  const rows = csvRows(csv.replace(/^\uFEFF/, ''));
  const header = rows[0];
  const blank = rows.findIndex((row) => row.length === 1 && row[0] === '');
  const end = blank === -1 ? rows.length : blank;
  const about = rows.slice(end + 1).filter((row) => row[0] === '#');
  return {
    header,
    records: rows
      .slice(1, end)
      .map((row) => Object.fromEntries(row.map((cell, i) => [header[i], cell]))),
    after: about.map((row) => row[2]),
    about: about.map((row) => ({ field: row[1], text: row[2] }))
  };
}

/** The header of a chart's CSV with these dimensions, in their order: the app's fixed names. */
export function chartCsvHeader(...dimensions: string[]): string[] {
  return [
    'dataset',
    ...dimensions.flatMap((id) => [`${id}_code`, `${id}_label`]),
    'time',
    'value',
    'unit',
    'flag',
    'flag_meaning'
  ];
}
