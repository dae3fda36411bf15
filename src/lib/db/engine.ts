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

/** Quotes an identifier for DuckDB SQL. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a string literal for DuckDB SQL. */
export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
