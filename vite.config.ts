import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  server: { host: '127.0.0.1', port: 5173 },
  // Scan every (lazily loaded) page at start: otherwise the dev server finds their dependencies
  // on first visit, re-optimises and the page fails to load until a reload.
  optimizeDeps: { entries: ['index.html', 'src/**/*.tsx'] },
  build: { outDir: 'dist', sourcemap: false },
});
