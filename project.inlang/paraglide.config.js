// Read by both the Vite plugin and `paraglide-js compile`, so dev, build, tests and
// svelte-check all see the same generated messages.
//
// settings.json loads the message-format plugin from node_modules instead of the usual CDN
// address: builds must not reach the internet.
import { defineConfig } from '@inlang/paraglide-js';

export default defineConfig({
  outdir: './src/lib/i18n/paraglide',
  // The locale is chosen and remembered by src/lib/i18n/locale.svelte.ts, which replaces the
  // runtime's getLocale/setLocale so that a switch re-renders without a reload.
  strategy: ['baseLocale'],
  // One output shape for dev, tests, build and the CLI (the plugin would otherwise switch shape
  // with NODE_ENV), so none of them recompiles what another has just written. That matters:
  // a compile keeps the process alive for 30 s afterwards (a timer inside @lix-js/sdk).
  outputStructure: 'message-modules',
  emitReadme: false
});
