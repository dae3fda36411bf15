/**
 * Conventions the Eurostat readers share: how a file name names its table, and what to tell a
 * user when a flag or a page is not what a data file holds (periods: src/lib/model/period.ts).
 */

import { KNOWN_FLAG_LETTERS } from '$lib/reference/flags';

/** What a flag may be made of, for error messages. */
export const EXPECTED_FLAG =
  'a flag made of the letters ' + [...KNOWN_FLAG_LETTERS].join(', ') + ' (e.g. p, bep)';

const DATA_EXTENSION = /\.(tsv|csv|json|txt)(\.gz)?$|\.gz$/;
// Every Eurostat table code has an underscore (crim_off_cat) or digits (tps00001); a name
// like `data` or `export` is the user's, not a table's.
const TABLE_CODE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

/**
 * The table a file is named after: `estat_crim_off_cat.tsv` → `crim_off_cat`,
 * `tps00001.tsv` → `tps00001`, `crim_off_cat.tsv.gz` → `crim_off_cat`; null when the name is
 * not a table code.
 */
export function tableCodeFromFileName(fileName: string): string | null {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const stem = base
    .toLowerCase()
    .replace(DATA_EXTENSION, '')
    .replace(/^estat_/, '');
  return TABLE_CODE.test(stem) && /[_\d]/.test(stem) ? stem : null;
}

/**
 * True when the text is an HTML or XML document: a failed download usually saves the
 * server's error page under the name the data file should have had.
 */
export function looksLikeMarkup(text: string): boolean {
  return text.trimStart().startsWith('<');
}
