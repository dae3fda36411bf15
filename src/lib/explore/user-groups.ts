/**
 * Country groups the user defines, kept in the browser (localStorage) under one key. What is
 * stored may have been edited by hand or written by an older version: it is read defensively
 * and anything unreadable is dropped, never trusted.
 */
export interface UserGroup {
  name: string;
  codes: string[];
}

export const USER_GROUPS_KEY = 'cooperare.explore.groups';
const CODE_SHAPE = /^[A-Za-z0-9_.-]{1,60}$/;
const MAX_NAME_LENGTH = 60;

/** The groups stored in `text`; anything that is not a named list of codes is left out. */
export function parseUserGroups(text: string | null): UserGroup[] {
  if (!text) return [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  const groups: UserGroup[] = [];
  for (const entry of data) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { name, codes } = entry as { name?: unknown; codes?: unknown };
    if (typeof name !== 'string' || !Array.isArray(codes)) continue;
    const cleanName = name.trim().slice(0, MAX_NAME_LENGTH);
    const cleanCodes = codes.filter(
      (c): c is string => typeof c === 'string' && CODE_SHAPE.test(c)
    );
    if (cleanName && cleanCodes.length > 0 && !groups.some((g) => g.name === cleanName))
      groups.push({ name: cleanName, codes: [...new Set(cleanCodes)] });
  }
  return groups;
}

/** Adds a group, replacing one of the same name. */
export function withGroup(groups: readonly UserGroup[], group: UserGroup): UserGroup[] {
  return [...groups.filter((g) => g.name !== group.name), group];
}

export function withoutGroup(groups: readonly UserGroup[], name: string): UserGroup[] {
  return groups.filter((g) => g.name !== name);
}

export function loadUserGroups(storage: Pick<Storage, 'getItem'> | null): UserGroup[] {
  try {
    return parseUserGroups(storage?.getItem(USER_GROUPS_KEY) ?? null);
  } catch {
    // Storage can be disabled by the browser; then there are simply no saved groups.
    return [];
  }
}

/** Saves the groups; false when the browser refuses (private mode, quota). */
export function saveUserGroups(
  storage: Pick<Storage, 'setItem'> | null,
  groups: readonly UserGroup[]
): boolean {
  try {
    storage?.setItem(USER_GROUPS_KEY, JSON.stringify(groups));
    return storage !== null;
  } catch {
    return false;
  }
}
