import { writtenTables, type WrittenTable } from '../db/written-tables';

/**
 * The first change a statement would make to a catalogue table (shipped or imported), or null.
 * The console only reads those: a dropped or altered one would break every view of it until
 * the page is reloaded. The reader's own tables, made in the console, stay theirs to change.
 * DuckDB matches names regardless of case, and so does this.
 */
export function catalogueWrite(sql: string, catalogueIds: readonly string[]): WrittenTable | null {
  const ids = new Set(catalogueIds.map((id) => id.toLowerCase()));
  return writtenTables(sql).find((w) => ids.has(w.table.toLowerCase())) ?? null;
}
