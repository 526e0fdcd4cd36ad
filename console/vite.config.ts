import { defineConfig } from 'vitest/config';

// `npm run dev` serves the console on :5173 and sends /api, /dev and /config.json to a running local stack's gateway
// (./run.sh, http://localhost:8080), so the one origin of production is kept.
const gateway = process.env.GATEWAY ?? 'http://localhost:8080';

export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'target/dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 300,
  },
  server: {
    proxy: { '/api': gateway, '/dev': gateway, '/config.json': gateway },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
