/** What the service allows one query, and all queries together. */
export interface EngineLimits {
  /** A query running longer is interrupted. */
  timeoutMs: number;
  /** Rows of one result. */
  maxRows: number;
  /** Bytes of one result's Arrow stream. */
  maxBytes: number;
  /** Queries running at once; one more is told to come back. */
  maxConcurrent: number;
  /** Bytes of a POST /query body. */
  maxBodyBytes: number;
  /** DuckDB's memory_limit for the whole database. */
  memoryLimit: string;
  /** DuckDB's worker threads for the whole database. */
  threads: number;
}

/**
 * Sized for one small machine answering the explorer: its queries return a few thousand
 * rows in well under a second, so a result of a million rows or a query of ten seconds is a
 * mistake or an attack, not a view.
 */
export const DEFAULT_LIMITS: EngineLimits = {
  timeoutMs: 10_000,
  maxRows: 1_000_000,
  maxBytes: 64 * 2 ** 20,
  maxConcurrent: 4,
  maxBodyBytes: 256 * 2 ** 10,
  memoryLimit: '2GB',
  threads: 2
};
