import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The console is static files: the gateway serves them at `/`, a site serves
// them for its agents. In dev, /graphql and /feed go to a running gateway
// (QIHE_GATEWAY_URL, default http://localhost:3000); `?api=<url>` points the
// app at another server (e.g. a site) without a rebuild.
const gateway = process.env.QIHE_GATEWAY_URL ?? 'http://localhost:3000';
const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: './',
  plugins: [react()],
  resolve: {
    alias: {
      '@qihe/domain': here('../../libs/domain/src/index.ts'),
      '@qihe/contracts': here('../../libs/contracts/src/index.ts'),
    },
  },
  server: {
    port: Number(process.env.CONSOLE_PORT ?? 4200),
    proxy: {
      '/graphql': { target: gateway, changeOrigin: true },
      '/feed': { target: gateway, changeOrigin: true, ws: true },
      '/socket.io': { target: gateway, changeOrigin: true, ws: true },
    },
  },
  preview: {
    port: Number(process.env.CONSOLE_PORT ?? 4300),
    proxy: {
      '/graphql': { target: gateway, changeOrigin: true },
      '/socket.io': { target: gateway, changeOrigin: true, ws: true },
    },
  },
  build: { outDir: '../../dist/apps/console', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
});
