import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * Playwright's own Chromium where it is installed, else Debian's. Without either, say
 * what to install rather than fail with a path nobody recognises.
 */
export function chromiumLaunchOptions(): { executablePath?: string; args: string[] } {
  // Chromium's background services try to reach Google; this machine has no such network.
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync'
  ];
  let bundled: string | null = null;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = null;
  }
  if (bundled && existsSync(bundled)) return { args };
  if (existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, args };
  throw new Error(
    'No Chromium for the end-to-end tests: run `apt-get install -y chromium` (Debian) or `npx playwright install chromium`.'
  );
}
