/**
 * The colour theme: `auto` follows the system's light or dark setting; `light` and `dark`
 * are the reader's own choice, remembered between visits. The choice is written as
 * data-theme on <html>, which the variables in app.css read.
 */
export const THEMES = ['auto', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

const STORAGE_KEY = 'cooperare.theme';

export function isTheme(value: unknown): value is Theme {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}

const inBrowser = typeof window !== 'undefined';

// Storage can be blocked by privacy settings; the switch then works for this visit only.
function readStored(): Theme {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isTheme(stored) ? stored : 'auto';
  } catch {
    return 'auto';
  }
}

function apply(theme: Theme): void {
  if (theme === 'auto') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

let current = $state<Theme>(inBrowser ? readStored() : 'auto');
if (inBrowser) apply(current);

export function getTheme(): Theme {
  return current;
}

export function setTheme(next: Theme): void {
  current = next;
  if (!inBrowser) return;
  apply(next);
  try {
    if (next === 'auto') localStorage.removeItem(STORAGE_KEY);
    else localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // See readStored.
  }
}
