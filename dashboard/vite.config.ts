import { defineConfig } from 'vite';

// The gateway (ASP.NET Core, port 5080 in ./run.sh) serves the built files from its wwwroot and answers
// /api and /hubs on the same origin; `npm run dev` proxies those two to it.
const gateway = process.env.C360_GATEWAY_URL ?? 'http://localhost:5080';

export default defineConfig({
  // Preact's automatic JSX runtime, without a framework plugin.
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  build: {
    outDir: '../gateway/wwwroot',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  server: {
    proxy: {
      '/api': gateway,
      '/hubs': { target: gateway, ws: true },
    },
  },
});
