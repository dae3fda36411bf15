// Shared by the Vite plugin (vite.config.ts) and `npm run i18n:compile` (which passes the
// same values as flags), so dev, build, tests and svelte-check see the same generated code.
//
// settings.json loads the message-format plugin from node_modules instead of the usual CDN
// address: builds must not reach the internet.
/** @type {import('@inlang/paraglide-js').CompilerOptions} */
export default {
  project: './project.inlang',
  outdir: './src/lib/i18n/paraglide',
  // The locale is chosen and remembered by src/lib/i18n/locale.svelte.ts, which replaces the
  // runtime's getLocale/setLocale so that a switch re-renders without a reload.
  strategy: ['baseLocale'],
  // One module per language (messages/en.js, messages/ro.js): src/lib/i18n/messages.ts loads
  // the one a page shows, so a visitor downloads one language's texts, not both. The same
  // shape everywhere (the plugin would otherwise switch shape with NODE_ENV), so no command
  // recompiles what another has just written.
  outputStructure: 'locale-modules',
  emitReadme: false
};
