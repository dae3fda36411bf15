import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

// src/app.html sets the remembered colour theme before the first paint (a page chosen dark
// would otherwise flash white while the app's code loads). That one inline script is allowed
// by its hash, worked out here from the file so the two cannot drift apart.
const themeScript = readFileSync(new URL('./src/app.html', import.meta.url), 'utf8').match(
  /<script>([\s\S]*?)<\/script>/
)?.[1];
if (themeScript === undefined) throw new Error('src/app.html has lost its theme script');
const themeScriptHash = `sha256-${createHash('sha256').update(themeScript).digest('base64')}`;

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // A single-page app: every route is rendered in the browser from the fallback page.
    // BUILD_DIR and KIT_OUT_DIR let several builds run side by side (parallel work, bench).
    adapter: adapter({
      pages: process.env.BUILD_DIR ?? 'build',
      assets: process.env.BUILD_DIR ?? 'build',
      fallback: 'index.html',
      strict: true
    }),
    outDir: process.env.KIT_OUT_DIR ?? '.svelte-kit',
    alias: { $datasets: 'datasets' },
    // Registered by src/hooks.client.ts after the first chart, not at the load event, so
    // its install does not compete with DuckDB's start.
    serviceWorker: { register: false },
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self', 'wasm-unsafe-eval', themeScriptHash],
        'worker-src': ['self', 'blob:'],
        // Eurostat's API, for "Add a Eurostat table by code" on /data: asked only on a click.
        'connect-src': ['self', 'https://ec.europa.eu'],
        'img-src': ['self', 'data:', 'blob:'],
        'style-src': ['self', 'unsafe-inline'],
        'font-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self']
      }
    }
  }
};

export default config;
