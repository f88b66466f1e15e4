import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The React app is built to static files the API server serves under /app/ (staff) and /candidate/.
// No source maps unless SOURCE_MAPS=1: whatever lands in dist/web/assets is served to every browser,
// and a 2 MB map of the app's source is not for them (`npx vite` has maps while developing).
export default defineConfig({
  root: 'src/web',
  base: '/app/',
  plugins: [react()],
  build: { outDir: '../../dist/web', emptyOutDir: true, sourcemap: process.env.SOURCE_MAPS === '1' },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
