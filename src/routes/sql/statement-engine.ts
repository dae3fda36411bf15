import { ensureTables, listDatasets } from '$lib/catalog/registry';
import { sourceLine } from '$lib/catalog/source-line';
import type { DatasetManifest } from '$lib/model/manifest';
import { getEngine } from '$lib/db/browser-engine';
import type { SqlEngine } from '$lib/db/engine';
import { m } from '$lib/i18n';
import { catalogueWrite } from '$lib/sql/guard';
import { mentionedTables, sqlName } from '$lib/sql/tables';

/**
 * The engine a statement runs on, with every dataset it names loaded first (a table is read
 * only when a query names it), and those datasets, for the result's source line. A statement
 * that names server-held tables runs on the server engine; one that would change a catalogue
 * table is refused before anything runs. `onLoading` hears which tables are being loaded,
 * before the wait.
 */
export async function engineForStatement(
  statement: string,
  onLoading?: (ids: string[]) => void
): Promise<{ engine: SqlEngine; datasets: DatasetManifest[] }> {
  const all = await listDatasets();
  const write = catalogueWrite(
    statement,
    all.map((d) => d.id)
  );
  if (write) {
    const id = all.find((d) => d.id.toLowerCase() === write.table.toLowerCase())?.id ?? write.table;
    const copy = `CREATE TABLE ${sqlName(`my_${id}`)} AS SELECT * FROM ${sqlName(id)}`;
    throw new Error(m.sql_protected_table({ verb: write.verb, table: id, copy }));
  }
  const ids = mentionedTables(
    statement,
    all.map((d) => d.id)
  );
  const datasets = all.filter((d) => ids.includes(d.id));
  if (ids.length === 0) return { engine: await getEngine(), datasets };
  onLoading?.(ids);
  return { engine: await ensureTables(ids), datasets };
}

/** A result's source line: those of the datasets its statement read, or the console's own. */
export function statementSource(datasets: readonly DatasetManifest[]): string {
  return datasets.length > 0 ? datasets.map(sourceLine).join(' ') : m.sql_chart_source_console();
}
