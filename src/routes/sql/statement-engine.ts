import { ensureTables, listDatasets } from '$lib/catalog/registry';
import { sourceLine } from '$lib/catalog/source-line';
import type { DatasetManifest } from '$lib/model/manifest';
import { getEngine } from '$lib/db/browser-engine';
import type { SqlEngine } from '$lib/db/engine';
import { m } from '$lib/i18n';
import { mentionedTables } from '$lib/sql/tables';

/**
 * The engine a statement runs on, with every dataset it names loaded first (a table is read
 * only when a query names it), and those datasets, for the result's source line. A statement
 * that names server-held tables runs on the server engine.
 * `onLoading` hears which tables are being loaded, before the wait.
 */
export async function engineForStatement(
  statement: string,
  onLoading?: (ids: string[]) => void
): Promise<{ engine: SqlEngine; datasets: DatasetManifest[] }> {
  const all = await listDatasets();
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
