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
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      // The libraries' modules only declare things (no module registers itself on import), so what the application
      // does not use of the barrel — the machine, the holiday baseline — is left out of the bundle.
      treeshake: { moduleSideEffects: (id: string) => !/[\\/](libs[\\/][a-z]+[\\/]src|node_modules[\\/](date-holidays|xstate))[\\/]/.test(id) },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
