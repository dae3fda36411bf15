import { paraglideVitePlugin } from '@inlang/paraglide-js';
import paraglideOptions from './project.inlang/paraglide.config.js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Options live in project.inlang/paraglide.config.js, shared with `npm run i18n:compile`.
  plugins: [paraglideVitePlugin(paraglideOptions), sveltekit()],
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000
  }
});
