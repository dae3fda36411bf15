import { strToU8, zipSync } from 'fflate';
import { columnLetters } from '../../../src/lib/ingest/xlsx';

export type TinyCell = string | number | null;

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const DOC_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A small but complete .xlsx, laid out as Excel writes one: text in the shared-strings part,
 * numbers in the cells, empty cells left out. Sheets are given as rows of cells from row 1.
 */
export function tinyXlsx(sheets: Record<string, TinyCell[][]>): Uint8Array {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const names = Object.keys(sheets);
  const files: Record<string, Uint8Array> = {};

  names.forEach((name, s) => {
    const rows = sheets[name].map((cells, r) => {
      const xml = cells.map((cell, c) => {
        if (cell === null) return '';
        const ref = `${columnLetters(c)}${r + 1}`;
        if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
        if (!stringIndex.has(cell)) stringIndex.set(cell, strings.push(cell) - 1);
        return `<c r="${ref}" t="s"><v>${stringIndex.get(cell)}</v></c>`;
      });
      return `<row r="${r + 1}">${xml.join('')}</row>`;
    });
    files[`xl/worksheets/sheet${s + 1}.xml`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${MAIN}"><sheetData>${rows.join('')}</sheetData></worksheet>`
    );
  });

  const sheetList = names
    .map((name, s) => `<sheet name="${escapeXml(name)}" sheetId="${s + 1}" r:id="rId${s + 1}"/>`)
    .join('');
  const sheetRels = names
    .map(
      (_, s) =>
        `<Relationship Id="rId${s + 1}" Type="${DOC_REL}/worksheet" Target="worksheets/sheet${s + 1}.xml"/>`
    )
    .join('');
  files['[Content_Types].xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`
  );
  files['_rels/.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${DOC_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
  );
  files['xl/workbook.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${DOC_REL}"><sheets>${sheetList}</sheets></workbook>`
  );
  files['xl/_rels/workbook.xml.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}">${sheetRels}<Relationship Id="rIdS" Type="${DOC_REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`
  );
  files['xl/sharedStrings.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings
      .map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`)
      .join('')}</sst>`
  );
  return zipSync(files);
}

/**
 * Sets the uncompressed size the zip directory declares for one part, as a zip bomb lies
 * about it. Returns a patched copy.
 */
export function withDeclaredSize(zip: Uint8Array, part: string, size: number): Uint8Array {
  const bytes = zip.slice();
  const view = new DataView(bytes.buffer);
  const name = new TextEncoder().encode(part);
  for (let at = 0; at + 46 < bytes.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const length = view.getUint16(at + 28, true);
    const here = bytes.subarray(at + 46, at + 46 + length);
    if (length === name.length && here.every((b, i) => b === name[i])) {
      view.setUint32(at + 24, size, true);
      return bytes;
    }
  }
  throw new Error(`no directory entry for ${part}`);
}
