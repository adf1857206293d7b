import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'

// The C++ server serves web/dist at "/" (index.html: the staff console), the
// citizen portal (portal.html) at "/portal/", and the REST API under /api.
// During development `npm run dev` proxies /api to a running `hotline serve`
// (HOTLINE_API, default http://127.0.0.1:8099).
const api = process.env.HOTLINE_API || 'http://127.0.0.1:8099'
const proxy = { '/api': { target: api, changeOrigin: false } }

// In `npm run dev` / `npm run preview`, answer /portal/ with portal.html as the server does.
function portalPath() {
  const rewrite = (req, _res, next) => {
    if (req.url === '/portal' || req.url.startsWith('/portal/') || req.url.startsWith('/portal?')) {
      const query = req.url.indexOf('?')
      req.url = `/portal.html${query >= 0 ? req.url.slice(query) : ''}`
    }
    next()
  }
  return {
    name: 'hotline-portal-path',
    // (Block bodies: a hook that returns a function has it called after Vite's own middlewares.)
    configureServer(server) {
      server.middlewares.use(rewrite)
    },
    configurePreviewServer(server) {
      server.middlewares.use(rewrite)
    },
  }
}
const page = (file) => fileURLToPath(new URL(file, import.meta.url))

export default defineConfig({
  base: '/',
  plugins: [
    portalPath(),
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
    // Two pages: the staff console and the citizen portal. Shared code (Vue, the
    // API client, Element Plus pieces) lands in common chunks.
    rollupOptions: { input: { index: page('./index.html'), portal: page('./portal.html') } },
    // No manualChunks: grouping Element Plus into one chunk by hand defeats its
    // tree-shaking (the whole library lands in it). Rollup's own splitting keeps each
    // screen's components with the screen, and ECharts in the dashboard's chunk.
  },
  test: {
    environment: 'happy-dom',
    // Mounting a 50-row Element Plus table takes 1–7 s on two cores shared with
    // a C++ build (AuditView timed out at the default 5 s); a hang still fails.
    testTimeout: 20000,
    include: ['src/**/*.test.js'],
    // Let Vite handle Element Plus's CSS imports in component tests.
    server: { deps: { inline: [/element-plus/] } },
  },
})
