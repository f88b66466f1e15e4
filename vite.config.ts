import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The React app is built to static files the API server serves under /app/ (staff) and /candidate/.
export default defineConfig({
  root: 'src/web',
  base: '/app/',
  plugins: [react()],
  build: { outDir: '../../dist/web', emptyOutDir: true, sourcemap: true },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
