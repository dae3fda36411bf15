import { strToU8, zipSync } from 'fflate';
import type { ChartText } from '$lib/model/chart-text';
import type { ExportRow } from './rows';
import { aboutLines, chartTable, type DataTable, type TableCell } from './data-table';

/**
 * The workbook of what a chart draws (docs/downloads.md): the sheet "Data", the same table as
 * the CSV with numbers stored as numbers, and the sheet "About", with the title, source and
 * licence, notes, flag meanings and link. Written by hand, a zip of seven small XML parts:
 * a spreadsheet library would weigh more than the rest of the share menu. Text cells are
 * inline strings, which no spreadsheet runs as a formula, so labels need no neutralising.
 * A view laid out as a table of its own (the cross-tab) passes that table as the data sheet.
 */
export function chartXlsx(
  rows: readonly ExportRow[],
  text: ChartText,
  link?: string,
  table: DataTable = chartTable(rows)
): Uint8Array {
  const about = aboutLines(rows, text, link).map((line) => [line.field, line.text]);
  const parts: Record<string, string> = {
    '[Content_Types].xml': CONTENT_TYPES,
    '_rels/.rels': ROOT_RELS,
    'xl/workbook.xml': WORKBOOK,
    'xl/_rels/workbook.xml.rels': WORKBOOK_RELS,
    'xl/styles.xml': STYLES,
    'xl/worksheets/sheet1.xml': sheet([table.header, ...table.rows], { frozenHeader: true }),
    'xl/worksheets/sheet2.xml': sheet(about, { frozenHeader: false })
  };
  return zipSync(
    Object.fromEntries(Object.entries(parts).map(([path, xml]) => [path, strToU8(xml)])),
    { level: 6 }
  );
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

const CONTENT_TYPES = `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${TYPE}.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="${TYPE}.styles+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${TYPE}.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="${TYPE}.worksheet+xml"/></Types>`;

const ROOT_RELS = `${XML}<Relationships xmlns="${PACKAGE_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

const WORKBOOK = `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/><sheet name="About" sheetId="2" r:id="rId2"/></sheets></workbook>`;

const WORKBOOK_RELS = `${XML}<Relationships xmlns="${PACKAGE_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;

/** Style 0 is plain, style 1 bold (the header row and the About sheet's field names). */
const STYLES = `${XML}<styleSheet xmlns="${MAIN}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf fontId="0"/><xf fontId="1" applyFont="1"/></cellXfs></styleSheet>`;

/** Columns past this many characters are left at this width; the cell keeps its whole text. */
const WIDEST = 80;

function sheet(rows: readonly TableCell[][], { frozenHeader }: { frozenHeader: boolean }): string {
  const widths: number[] = [];
  const body = rows
    .map((cells, r) => {
      const xml = cells
        .map((value, c) => {
          const length = value === null ? 0 : String(value).length;
          widths[c] = Math.max(widths[c] ?? 8, Math.min(WIDEST, length + 2));
          // The header row is bold; on the About sheet, the field names down column A.
          const bold = (frozenHeader && r === 0) || (!frozenHeader && c === 0) ? ' s="1"' : '';
          const ref = `${columnName(c)}${r + 1}`;
          // An empty text is an empty cell, as a spreadsheet saves it.
          if (value === null || value === '') return '';
          if (typeof value === 'number') return `<c r="${ref}"${bold}><v>${value}</v></c>`;
          return `<c r="${ref}" t="inlineStr"${bold}><is><t xml:space="preserve">${escapeText(value)}</t></is></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${xml}</row>`;
    })
    .join('');
  const pane = frozenHeader
    ? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
    : '';
  const cols = widths
    .map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`)
    .join('');
  return `${XML}<worksheet xmlns="${MAIN}">${pane}${cols ? `<cols>${cols}</cols>` : ''}<sheetData>${body}</sheetData></worksheet>`;
}

/** 0 → A, 26 → AA. */
function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * Text as cell XML: markup characters escaped; characters XML forbids, and the carriage
 * return its readers would drop, written as Excel's `_xHHHH_`, and an `_xHHHH_` already in the text guarded (its `_` as `_x005F_`) so that
 * spreadsheets show it as typed.
 */
function escapeText(text: string): string {
  let xml = '';
  for (const character of text.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')) {
    const code = character.codePointAt(0) as number;
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a) || code === 0xfffe || code === 0xffff)
      xml += `_x${code.toString(16).toUpperCase().padStart(4, '0')}_`;
    else if (character === '&') xml += '&amp;';
    else if (character === '<') xml += '&lt;';
    else if (character === '>') xml += '&gt;';
    else xml += character;
  }
  return xml;
}
