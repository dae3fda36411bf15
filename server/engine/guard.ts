import {
  StatementType,
  type DuckDBConnection,
  type DuckDBPreparedStatement
} from '@duckdb/node-api';

/**
 * Which statements the engine runs. The service answers anyone who reaches the page, so it
 * runs one read at a time and nothing else. The database is opened read-only and external
 * access is off; this check comes first so that a refused statement gets a sentence naming
 * what is not allowed instead of DuckDB's permission error, and so that statements which
 * change no data but change the session (SET, USE, BEGIN, PREPARE) never reach DuckDB.
 */

/** A statement the service will not run, with the reason in a user's words. */
export class Refused extends Error {
  readonly status: number;
  constructor(message: string, status = 403) {
    super(message);
    this.name = 'Refused';
    this.status = status;
  }
}

/**
 * Leading keywords refused before DuckDB parses anything. PRAGMA is here because DuckDB
 * rewrites many pragmas into SELECTs (PRAGMA show_tables prepares as a SELECT), and IMPORT
 * because DuckDB reads the named folder while it splits statements.
 */
const REFUSED_KEYWORDS = new Set([
  'ABORT',
  'ALTER',
  'ANALYZE',
  'ATTACH',
  'BEGIN',
  'CALL',
  'CHECKPOINT',
  'COMMENT',
  'COMMIT',
  'COPY',
  'CREATE',
  'DEALLOCATE',
  'DELETE',
  'DETACH',
  'DROP',
  'END',
  'EXECUTE',
  'EXPORT',
  'FORCE',
  'IMPORT',
  'INSERT',
  'INSTALL',
  'LOAD',
  'MERGE',
  'PRAGMA',
  'PREPARE',
  'RESET',
  'ROLLBACK',
  'SET',
  'START',
  'TRUNCATE',
  'UPDATE',
  'USE',
  'VACUUM'
]);

/** Statement types a read-only endpoint may run; EXPLAIN's inner statement is checked too. */
const READS = new Set<StatementType>([StatementType.SELECT, StatementType.EXPLAIN]);

/**
 * DuckDB's statement types by name, for a refusal that names what was sent. INVALID is
 * left out: DuckDB gives it to some statements it cannot run on a read-only database.
 */
const TYPE_NAMES = new Map<number, string>(
  Object.entries(StatementType)
    .filter((entry): entry is [string, number] => typeof entry[1] === 'number')
    .filter(([name]) => name !== 'INVALID')
    .map(([name, value]) => [value, name.replaceAll('_', ' ')])
);

/** The text with leading blanks, comments and opening parentheses removed. */
function withoutLead(sql: string): string {
  let rest = sql;
  for (;;) {
    const trimmed = rest.replace(/^[\s(]+/, '');
    if (trimmed.startsWith('--')) {
      const end = trimmed.indexOf('\n');
      rest = end < 0 ? '' : trimmed.slice(end + 1);
    } else if (trimmed.startsWith('/*')) {
      const end = trimmed.indexOf('*/');
      rest = end < 0 ? '' : trimmed.slice(end + 2);
    } else {
      return trimmed;
    }
  }
}

/** The statement's first word in upper case ('' when there is none). */
export function leadingKeyword(sql: string): string {
  return /^[A-Za-z_]+/.exec(withoutLead(sql))?.[0].toUpperCase() ?? '';
}

function readOnly(what: string): Refused {
  return new Refused(
    `This server answers read-only queries; ${what} is not allowed. Send one SELECT statement.`
  );
}

/**
 * The refusal for the statement's leading keyword, or null when the keyword may start a
 * read. Pure, so every refused keyword is tested without DuckDB.
 */
export function refusalByKeyword(sql: string): Refused | null {
  const rest = withoutLead(sql);
  if (rest.trim() === '') return new Refused('The query is empty; send one SELECT statement.', 400);
  const keyword = leadingKeyword(rest);
  if (keyword === 'EXPLAIN') {
    const inner = rest.replace(/^EXPLAIN\s+(?:ANALY[SZ]E\s+)?/i, '');
    return inner === rest ? null : refusalByKeyword(inner);
  }
  if (REFUSED_KEYWORDS.has(keyword)) {
    const what = keyword === 'FORCE' ? 'FORCE INSTALL' : keyword;
    return readOnly(what);
  }
  return null;
}

/**
 * DuckDB's errors for SQL that names a file or address ("Permission Error: Cannot access
 * file …", raised while binding read_csv('/etc/passwd')) mean the lock-down held; the user
 * is told what the server can read instead.
 */
export function explainPermissionError(message: string): string | null {
  if (!/^Permission Error:/.test(message)) return null;
  return (
    'This server does not open files or network addresses named in SQL; query the tables it ' +
    `holds (GET /datasets lists them). DuckDB said: ${message}`
  );
}

/**
 * Prepares the one read statement in `sql` on `connection`, or throws Refused. The caller
 * runs the returned statement, so what was checked is exactly what runs.
 */
export async function prepareRead(
  connection: DuckDBConnection,
  sql: string
): Promise<DuckDBPreparedStatement> {
  const byKeyword = refusalByKeyword(sql);
  if (byKeyword) throw byKeyword;
  const statements = await connection.extractStatements(sql).catch((error: Error) => {
    // DuckDB's own prefix says where it failed, not what is wrong; the reader needs the rest.
    throw new Error(error.message.replace(/^Failed to extract statements: /, ''));
  });
  if (statements.count !== 1) {
    // DuckDB splits a PIVOT without an IN list into a CREATE TYPE and a SELECT.
    const pivot = ['PIVOT', 'UNPIVOT'].includes(leadingKeyword(sql))
      ? ' A PIVOT needs its values listed (PIVOT … ON col IN (…)) on this server.'
      : '';
    throw new Refused(
      `Send one statement at a time; this request holds ${statements.count}.${pivot}`,
      400
    );
  }
  const prepared = await statements.prepare(0);
  if (!READS.has(prepared.statementType)) {
    prepared.destroySync();
    const name = TYPE_NAMES.get(prepared.statementType);
    throw name
      ? readOnly(name)
      : new Refused('This server answers read-only queries; send one SELECT statement.');
  }
  return prepared;
}
