import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react-swc';
import { defineConfig } from 'vite';

const fromRoot = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/**
 * The staff application (ADR 0019). It imports the procedure library's labels, event schema and vote thresholds
 * through the same name as the server (`@charterflow/procedure`), so nothing the domain declares is written twice.
 * `vite build` writes apps/web/dist, which the API process serves at `/`.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  resolve: {
    alias: {
      '@charterflow/procedure': fromRoot('libs/procedure/src/index.ts'),
      '@charterflow/kernel': fromRoot('libs/kernel/src/index.ts'),
    },
  },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
