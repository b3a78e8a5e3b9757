import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The tab is served by the bot's HTTP server from tab/dist on the same origin as /api, so the
// base is "/" and the dev server only proxies /api to a locally running server.
const tabRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root: tabRoot,
  base: '/',
  // Vite's built-in Oxc transform compiles TSX with the automatic runtime; no React plugin needed
  // (no fast refresh in development: a full reload is fine for this screen).
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Fluent UI alone is several hundred kilobytes; that is expected for a Teams tab.
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: false,
    rolldownOptions: {
      // Fluent UI marks its modules 'use client' for React Server Components; a client-only
      // bundle does not need the directive, so the warning is noise.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    // The tab imports the API contract from core/contracts, outside the tab folder.
    fs: { allow: [repoRoot] },
    proxy: { '/api': { target: 'http://localhost:3978', changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: 'http://localhost:3978', changeOrigin: false } },
  },
});
