/**
 * The results framework the programme pages show: the shipped file with an evaluator's
 * edits on top. Edits are kept in localStorage so they survive a reload, and can be
 * exported as a file of the shipped format, imported back, or dropped.
 */
import shippedFile from '$datasets/programme/ro21.json';
import {
  applyEdit,
  hasEdits,
  refuseEdit,
  type EditRefusal,
  type IndicatorEdit
} from '$lib/indicators/edits';
import type { Framework } from '$lib/indicators/framework';
import { parseFramework, validateFramework } from '$lib/indicators/framework-check';

const STORAGE_KEY = 'cooperare.programme.framework';

function loadShipped(): Framework {
  const result = validateFramework(shippedFile);
  // The shipped file is checked by the unit tests; a broken one is a build error, not a user's.
  if (!result.ok) throw new Error(`datasets/programme/ro21.json: ${result.errors.join('; ')}`);
  return result.framework;
}

export const shippedFramework: Framework = loadShipped();

// Storage may be blocked by privacy settings: the pages still work, edits last for the visit.
function readStored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function writeStored(framework: Framework | null): void {
  try {
    if (framework === null) localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, JSON.stringify(framework));
  } catch {
    // As in readStored.
  }
}

function initial(): { framework: Framework; problems: string[] } {
  const stored = typeof window === 'undefined' ? null : readStored();
  if (stored === null) return { framework: shippedFramework, problems: [] };
  const result = parseFramework(stored);
  return result.ok
    ? { framework: result.framework, problems: [] }
    : { framework: shippedFramework, problems: result.errors };
}

const start = initial();

export const programme = $state<{
  framework: Framework;
  /** Why stored edits could not be used (they are then ignored, not deleted). */
  storedProblems: string[];
}>({ framework: start.framework, storedProblems: start.problems });

function commit(next: Framework): void {
  programme.framework = next;
  writeStored(hasEdits(shippedFramework, next) ? next : null);
}

/** Applies an evaluator's edit, or leaves the framework as it is and says why not. */
export function editIndicator(id: string, edit: IndicatorEdit): EditRefusal | null {
  const indicator = programme.framework.indicators.find((i) => i.id === id);
  const refusal = indicator ? refuseEdit(indicator, edit) : null;
  if (refusal) return refusal;
  commit(applyEdit(programme.framework, id, edit));
  return null;
}

export function isEdited(): boolean {
  return hasEdits(shippedFramework, programme.framework);
}

/** The framework as a file of the shipped format, ready to download. */
export function exportFramework(): string {
  return JSON.stringify(programme.framework, null, 2) + '\n';
}

/**
 * Replaces the framework with an imported file. An invalid file changes nothing: the
 * problems are returned for the page to show.
 */
export function importFramework(text: string): string[] {
  const result = parseFramework(text);
  if (!result.ok) return result.errors;
  commit(result.framework);
  programme.storedProblems = [];
  return [];
}

/** Goes back to the shipped file; returns the edited framework, for an Undo to restore. */
export function resetFramework(): Framework {
  const edited = programme.framework;
  programme.framework = shippedFramework;
  programme.storedProblems = [];
  writeStored(null);
  return edited;
}

/** Undoes a reset: the edits come back, in the page and in storage. */
export function restoreFramework(edited: Framework): void {
  commit(edited);
}
