/** A query the user named and kept. */
export interface SavedQuery {
  name: string;
  sql: string;
}

export const SAVED_QUERIES_KEY = 'cooperare.savedQueries';
export const LAST_QUERY_KEY = 'cooperare.sqlLastQuery';

/**
 * The saved queries stored as text. Anything that is not a list of name + SQL pairs (an old
 * format, a hand edit, another app's key) is skipped rather than breaking the console.
 */
export function parseSavedQueries(text: string | null): SavedQuery[] {
  if (!text) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const queries: SavedQuery[] = [];
  for (const entry of parsed) {
    if (!entry || typeof entry !== 'object') continue;
    const { name, sql } = entry as Record<string, unknown>;
    if (typeof name !== 'string' || typeof sql !== 'string' || name.trim() === '') continue;
    if (queries.some((q) => q.name === name)) continue;
    queries.push({ name, sql });
  }
  return queries;
}

export function serializeSavedQueries(queries: readonly SavedQuery[]): string {
  return JSON.stringify(queries.map(({ name, sql }) => ({ name, sql })));
}

/** Adds a query, or replaces the one of the same name where it stands. */
export function withSavedQuery(queries: readonly SavedQuery[], query: SavedQuery): SavedQuery[] {
  const entry = { name: query.name.trim(), sql: query.sql };
  const index = queries.findIndex((q) => q.name === entry.name);
  if (index < 0) return [...queries, entry];
  return queries.map((q, i) => (i === index ? entry : q));
}

export function withoutSavedQuery(queries: readonly SavedQuery[], name: string): SavedQuery[] {
  return queries.filter((q) => q.name !== name);
}

// Storage can be blocked by privacy settings, and then throws: the console still works, it
// only forgets between visits.
export function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Whether the text was kept (false when storage is blocked or full). */
export function writeStorage(key: string, value: string): boolean {
  try {
    localStorage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}
