import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

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
        'script-src': ['self', 'wasm-unsafe-eval'],
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
