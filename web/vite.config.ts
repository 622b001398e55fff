import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.FAZHI_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      // The portal's API: /portal/<module>/… and /portal/api/…; /portal, /portal/request, /portal/track and
      // /portal/reports… are pages of the app.
      '^/portal/(api/|(?!reports)[^/]+/)': { target: apiTarget, changeOrigin: false },
    },
  },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // antd alone is ~1 MB minified; it is split into its own cached chunk below.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
              priority: 30,
            },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender|tslib)[\\/]/, priority: 20 },
            {
              name: 'antd',
              test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs|@emotion|stylis|classnames|clsx)[\\/]/,
              priority: 10,
            },
          ],
        },
      },
    },
  },
});
