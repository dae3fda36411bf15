import { paraglideVitePlugin } from '@inlang/paraglide-js';
import paraglideOptions from './project.inlang/paraglide.config.js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { compactMessagesPlugin } from './scripts/compact-messages';

export default defineConfig({
  // Options live in project.inlang/paraglide.config.js, shared with `npm run i18n:compile`.
  plugins: [paraglideVitePlugin(paraglideOptions), compactMessagesPlugin(), sveltekit()],
  worker: { format: 'es' },
  build: {
    rolldownOptions: {
      output: {
        // Names the chunk in its first line, since the build's file names are hashes only.
        postBanner: (chunk) => (chunk.name === 'duckdb-arrow' ? '/* duckdb-arrow */' : ''),
        codeSplitting: {
          groups: [
            // Every answer DuckDB gives is an Arrow table: the Arrow library is part of the
            // engine's client, in a chunk of its own that names it (the bench counts the
            // page's JavaScript without DuckDB's, and tells them apart by this name).
            {
              name: 'duckdb-arrow',
              test: /node_modules[\\/](apache-arrow|flatbuffers)[\\/]/
            }
          ]
        }
      }
    }
  },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    setupFiles: ['tests/unit/load-messages.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000
  }
});
