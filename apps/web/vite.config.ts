import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the API runs separately (npm run dev); in production it serves dist/ itself, same origin.
const api = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    // No changeOrigin: the API's same-origin check for mutations compares Origin with the Host it receives.
    proxy: { '/trpc': api, '/healthz': api, '/readyz': api },
  },
  build: { outDir: 'dist' },
});
