/**
 * The tables SQL text would change: dropped, altered, created or replaced, written into,
 * or emptied. Read from the words of each statement, strings and comments left
 * out, not from a parse: the verbs DuckDB has for changing a table are few and each names its
 * table at a fixed place, so a word reader finds them wherever they stand (after a WITH, in a
 * PREPARE). A name is returned as written, quotes removed, without its schema or catalogue
 * (`main.t` gives `t`), bare names lower-cased as DuckDB folds them.
 */
export interface WrittenTable {
  /** The statement's verb in upper case: DROP, ALTER, CREATE, INSERT, UPDATE, DELETE … */
  verb: string;
  table: string;
}

type Word = { word: string; quoted: boolean };
type Token = Word | { mark: string };

/** Words, quoted names and the marks that matter (`.`, `,`, `(`, `)`, `;`). */
function tokens(sql: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end + 1;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end === -1 ? sql.length : end + 2;
    } else if (c === "'") {
      // '' inside a string is a quote, so reading on from the closing one is right.
      const end = sql.indexOf("'", i + 1);
      i = end === -1 ? sql.length : end + 1;
    } else if (c === '$' && sql[i + 1] === '$') {
      const end = sql.indexOf('$$', i + 2);
      i = end === -1 ? sql.length : end + 2;
    } else if (c === '"') {
      let j = i + 1;
      let name = '';
      while (j < sql.length) {
        if (sql[j] === '"' && sql[j + 1] === '"') {
          name += '"';
          j += 2;
        } else if (sql[j] === '"') break;
        else name += sql[j++];
      }
      out.push({ word: name, quoted: true });
      i = j + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      const match = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(sql.slice(i, i + 256)) as RegExpExecArray;
      out.push({ word: match[0].toLowerCase(), quoted: false });
      i += match[0].length;
    } else {
      if ('.,();'.includes(c)) out.push({ mark: c });
      i++;
    }
  }
  return out;
}

/** Words that may stand between a verb and its table name. */
const SKIPPED = new Set([
  'table',
  'view',
  'or',
  'replace',
  'ignore',
  'temp',
  'temporary',
  'persistent',
  'materialized',
  'if',
  'not',
  'exists',
  'into',
  'from',
  'only'
]);

/** What may follow CREATE for the statement to make a table or a view. */
const CREATED = new Set(['table', 'view', 'or', 'temp', 'temporary', 'persistent', 'materialized']);

const VERBS = new Set([
  'drop',
  'alter',
  'create',
  'insert',
  'update',
  'delete',
  'truncate',
  'copy'
]);

const isWord = (token: Token | undefined): token is Word => token !== undefined && 'word' in token;
const isMark = (token: Token | undefined, mark: string) =>
  token !== undefined && 'mark' in token && token.mark === mark;

/** A bare (unquoted) word of `set`: a quoted "table" is a name, not a keyword. */
const isKeyword = (token: Token | undefined, set: Set<string>): token is Word =>
  isWord(token) && !token.quoted && set.has(token.word);

/** The dotted name starting at `at`, by its last part, and the index just past it. */
function nameAt(list: Token[], at: number): { name: string; end: number } | null {
  if (!isWord(list[at])) return null;
  let i = at;
  while (isMark(list[i + 1], '.') && isWord(list[i + 2])) i += 2;
  return { name: (list[i] as Word).word, end: i + 1 };
}

/** Whether COPY's table, ending at `end`, is written (`COPY t FROM …`) rather than read. */
function copiesInto(list: Token[], end: number): boolean {
  let i = end;
  if (isMark(list[i], '(')) while (i < list.length && !isMark(list[i], ')')) i++;
  const next = list[isMark(list[i], ')') ? i + 1 : i];
  return isWord(next) && !next.quoted && next.word === 'from';
}

export function writtenTables(sql: string): WrittenTable[] {
  const list = tokens(sql);
  const found: WrittenTable[] = [];
  list.forEach((token, i) => {
    if (!isKeyword(token, VERBS)) return;
    const verb = token.word;
    // CREATE INDEX, CREATE MACRO … make no table.
    if (verb === 'create' && !isKeyword(list[i + 1], CREATED)) return;
    let j = i + 1;
    while (isKeyword(list[j], SKIPPED)) j++;
    const target = nameAt(list, j);
    if (target === null) return;
    if (verb === 'copy' && !copiesInto(list, target.end)) return;
    found.push({ verb: verb.toUpperCase(), table: target.name });
  });
  return found;
}
