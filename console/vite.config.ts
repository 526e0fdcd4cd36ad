import { defineConfig } from 'vitest/config';

// `npm run dev` serves the console on :5173 and sends /api, /dev and /config.json to a running local stack's gateway
// (./run.sh, http://localhost:8080), so the one origin of production is kept.
const gateway = process.env.GATEWAY ?? 'http://localhost:8080';

/** /portal, /portal/ and /portal/<route> (not its assets) are the portal's page; /refer and /refer/ the referral form. */
function portalPage(req: { url?: string }, _res: unknown, next: () => void): void {
  if (req.url && /^\/portal(\/[^.]*)?(\?.*)?$/.test(req.url)) req.url = '/portal.html';
  else if (req.url && /^\/refer(\/[^.]*)?(\?.*)?$/.test(req.url)) req.url = '/refer.html';
  next();
}

export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'target/dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 300,
    // Three pages: the practice's console (index.html, every other path), the partners' portal (portal.html, served
    // for /portal/...) and the public referral form a campaign's ask links to (refer.html, served for /refer/). Shared
    // code becomes a chunk of its own; no page loads another's screens.
    rollupOptions: { input: { console: 'index.html', portal: 'portal.html', refer: 'refer.html' } },
  },
  plugins: [
    {
      // The dev server answers /portal/... with the portal's page and /refer/ with the form's, as the gateway and nginx do.
      name: 'portal-page',
      configureServer(server) {
        server.middlewares.use(portalPage);
      },
      configurePreviewServer(server) {
        server.middlewares.use(portalPage);
      },
    },
  ],
  server: {
    proxy: { '/api': gateway, '/dev': gateway, '/config.json': gateway },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
