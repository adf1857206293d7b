import { createRouter, createWebHashHistory } from 'vue-router'
import SubmitView from './views/SubmitView.vue'

// The form is the landing page, so it is in the entry chunk; the others load on demand.
export const portalRoutes = [
  { path: '/', redirect: '/submit' },
  { path: '/submit', name: 'submit', component: SubmitView, meta: { title: '我要留言' } },
  { path: '/track', name: 'track', component: () => import('./views/TrackView.vue'), meta: { title: '进度查询' } },
  { path: '/kb', name: 'kb', component: () => import('./views/KnowledgeView.vue'), meta: { title: '知识库' } },
  {
    path: '/kb/:id',
    name: 'kb-entry',
    component: () => import('./views/KnowledgeEntryView.vue'),
    props: true,
    meta: { title: '知识库' },
  },
  { path: '/:pathMatch(.*)*', redirect: '/submit' },
]

export function createPortalRouter(history = createWebHashHistory()) {
  const router = createRouter({ history, routes: portalRoutes, scrollBehavior: () => ({ top: 0 }) })
  router.afterEach((to) => {
    if (typeof document !== 'undefined') document.title = `${to.meta.title ? `${to.meta.title} · ` : ''}12345 政务服务便民热线`
  })
  return router
}
