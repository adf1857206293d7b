import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// The C++ server serves web/dist at "/" and the REST API under /api.
// During development `npm run dev` proxies /api to a running `hotline serve`
// (HOTLINE_API, default http://127.0.0.1:8099).
const api = process.env.HOTLINE_API || 'http://127.0.0.1:8099'
const proxy = { '/api': { target: api, changeOrigin: false } }

export default defineConfig({
  base: '/',
  plugins: [
    vue(),
    // Registers only the Element Plus components a template uses (with their CSS);
    // our own components are imported explicitly.
    Components({ dirs: [], dts: false, resolvers: [ElementPlusResolver({ importStyle: 'css' })] }),
  ],
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  server: { proxy },
  preview: { proxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 900,
    // No manualChunks: grouping Element Plus into one chunk by hand defeats its
    // tree-shaking (the whole library lands in it). Rollup's own splitting keeps each
    // screen's components with the screen, and ECharts in the dashboard's chunk.
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.js'],
    // Let Vite handle Element Plus's CSS imports in component tests.
    server: { deps: { inline: [/element-plus/] } },
  },
})
