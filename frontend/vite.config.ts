import { defineConfig } from 'vitest/config';

// The page is served by the gateway from the classpath folder static/, so Vite writes straight
// into Maven's target/classes and the module's jar carries it.
export default defineConfig({
  base: './',
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:8000', ws: true },
      '/health': 'http://127.0.0.1:8000',
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // The contrast test reads the stylesheet's colours (imported with ?raw).
    css: { include: [/styles\.css/] },
  },
});
