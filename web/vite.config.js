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
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined
          if (id.includes('echarts') || id.includes('zrender')) return 'echarts'
          if (id.includes('element-plus') || id.includes('@element-plus') || id.includes('@floating-ui') ||
              id.includes('@vueuse') || id.includes('lodash') || id.includes('dayjs') || id.includes('async-validator'))
            return 'element-plus'
          return 'vendor'
        },
      },
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.js'],
    // Let Vite handle Element Plus's CSS imports in component tests.
    server: { deps: { inline: [/element-plus/] } },
  },
})
