import type { Table } from 'apache-arrow';

/**
 * What the rest of the app may ask of a SQL engine. The browser uses duckdb-wasm in a
 * worker; tests use the same duckdb-wasm build under Node; a server-side DuckDB could
 * implement the same three calls. Nothing outside src/lib/db sees DuckDB's own API.
 */
export interface SqlEngine {
  /** Runs one statement and returns its result as an Arrow table. */
  query(sql: string): Promise<Table>;
  /** Creates (or replaces) table `name` from an Arrow IPC stream or file. */
  insertArrowIpc(name: string, ipc: Uint8Array): Promise<void>;
  /** Makes `bytes` readable by SQL under the file name `name` (read_csv('name') …). */
  registerFile(name: string, bytes: Uint8Array): Promise<void>;
  /**
   * Runs one statement in small steps, so that `cancel()` can stop it between two of them;
   * a stopped statement rejects with QueryCancelled. The SQL console runs users' SQL so.
   */
  queryCancellable(sql: string): Promise<Table>;
  /** Asks the engine to stop the statement now running; resolves true if one was stopped. */
  cancel(): Promise<boolean>;
}

/** An engine error with the message DuckDB gave, kept whole for the SQL console. */
export class SqlError extends Error {
  readonly sql: string;
  constructor(message: string, sql: string) {
    super(message);
    this.name = 'SqlError';
    this.sql = sql;
  }
}

/** The statement was stopped on request; not a fault of the SQL. */
export class QueryCancelled extends SqlError {
  constructor(sql: string) {
    super('The query was cancelled.', sql);
    this.name = 'QueryCancelled';
  }
}

/**
 * DuckDB's message as a reader sees it in the DuckDB shell ("Parser Error: syntax error …").
 * Statements run step by step report errors as JSON (`{"exception_type":"Parser",
 * "exception_message":"…"}`) where a plain run gives that text; both end up the same.
 */
export function duckDbMessage(raw: string): string {
  return withoutRepeatedParagraphs(readMessage(raw));
}

function readMessage(raw: string): string {
  if (!raw.startsWith('{')) return raw;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === 'object' && 'exception_message' in parsed) {
      const { exception_type: type, exception_message: message } = parsed as Record<
        string,
        unknown
      >;
      return typeof type === 'string' && type !== ''
        ? `${type} Error: ${String(message)}`
        : String(message);
    }
  } catch {
    // Not JSON after all: the raw text is still the best message there is.
  }
  return raw;
}

/**
 * A plain run repeats the "LINE 1: … ^" block that points at the error; once is enough, and
 * a second caret under the same line only confuses.
 */
function withoutRepeatedParagraphs(text: string): string {
  const paragraphs = text.split('\n\n');
  return paragraphs.filter((p, i) => i === 0 || p !== paragraphs[i - 1]).join('\n\n');
}

/** Quotes an identifier for DuckDB SQL. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a string literal for DuckDB SQL. */
export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
