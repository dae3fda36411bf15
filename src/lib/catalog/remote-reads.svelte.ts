import type { ReadCost } from '../ingest/remote-parquet';

/** What the last selection of a remote dataset cost: a read of the file, or nothing. */
export type LastRemoteRead =
  | { kind: 'read'; cost: ReadCost; rows: number }
  /** The selection's rows were already in the browser. */
  | { kind: 'cached' };

/** Dataset id → its last read, for the pages that show what a view cost in bytes. */
export const remoteReads = $state<Record<string, LastRemoteRead>>({});
