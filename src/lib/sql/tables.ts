import { quoteIdent } from '../db/engine';
import type { DatasetManifest } from '$lib/model/manifest';

/** A column as the tables panel lists it. */
export interface TableColumn {
  name: string;
  type: string;
}

/** The columns every long table has, after one VARCHAR column per dimension. */
const LONG_COLUMNS: TableColumn[] = [
  { name: 'time', type: 'VARCHAR' },
  { name: 'value', type: 'DOUBLE' },
  { name: 'flag', type: 'VARCHAR' }
];

/** The columns of a dataset's table, read from its manifest without loading the data. */
export function tableColumns(dataset: Pick<DatasetManifest, 'dimensions'>): TableColumn[] {
  return [...dataset.dimensions.map((d) => ({ name: d.id, type: 'VARCHAR' })), ...LONG_COLUMNS];
}

const PLAIN_NAME = /^[a-z_][a-z0-9_]*$/;

/** A name as SQL needs it: bare when it can be, quoted otherwise. */
export function sqlName(name: string): string {
  return PLAIN_NAME.test(name) ? name : quoteIdent(name);
}

/** The query a click on a table name puts in the editor: a first look at its rows. */
export function starterQuery(dataset: Pick<DatasetManifest, 'id' | 'dimensions'>): string {
  const columns = tableColumns(dataset)
    .map((c) => sqlName(c.name))
    .join(', ');
  return `SELECT ${columns}\nFROM ${sqlName(dataset.id)}\nLIMIT 100`;
}

/**
 * The dataset ids a statement names, so their tables can be loaded before it runs. A plain
 * word match (bare or double-quoted names, any case): a mention inside a string or a comment
 * only loads a table for nothing, which is harmless.
 */
export function mentionedTables(sql: string, ids: readonly string[]): string[] {
  const words = new Set<string>();
  for (const match of sql.matchAll(/"((?:[^"]|"")+)"|([A-Za-z_][A-Za-z0-9_]*)/g)) {
    if (match[1] !== undefined) words.add(match[1].replaceAll('""', '"'));
    else words.add(match[2].toLowerCase());
  }
  return ids.filter((id) => words.has(id) || words.has(id.toLowerCase()));
}
