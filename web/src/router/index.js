import { createRouter, createWebHashHistory } from 'vue-router'
import { useSessionStore } from '../stores/session.js'
import { homeFor, rolesFor, ALL_ROLES } from '../domain/menu.js'
import AppLayout from '../components/AppLayout.vue'
import { guard } from './guard.js'

// Screens load on demand: each view is its own chunk.
const screen = (name) => ({ roles: rolesFor(name), title: `menu.${name}` })

export const routes = [
  { path: '/login', name: 'login', component: () => import('../views/LoginView.vue'), meta: { public: true } },
  {
    path: '/',
    component: AppLayout,
    children: [
      {
        path: '',
        name: 'home',
        redirect: () => {
          const s = useSessionStore()
          return s.loggedIn ? homeFor(s.role) : '/login'
        },
      },
      { path: 'intake', name: 'intake', component: () => import('../views/IntakeView.vue'), meta: screen('intake') },
      { path: 'pending', name: 'pending', component: () => import('../views/PendingView.vue'), meta: screen('pending') },
      { path: 'dispatch', name: 'dispatch', component: () => import('../views/DispatchView.vue'), meta: screen('dispatch') },
      { path: 'inbox', name: 'inbox', component: () => import('../views/UnitInboxView.vue'), meta: screen('inbox') },
      { path: 'callback', name: 'callback', component: () => import('../views/CallbackView.vue'), meta: screen('callback') },
      { path: 'supervise', name: 'supervise', component: () => import('../views/SupervisorView.vue'), meta: screen('supervise') },
      { path: 'search', name: 'search', component: () => import('../views/SearchView.vue'), meta: screen('search') },
      { path: 'kb', name: 'kb', component: () => import('../views/KbView.vue'), meta: screen('kb') },
      {
        path: 'kb/:id',
        name: 'kb-entry',
        component: () => import('../views/KbEntryView.vue'),
        props: true,
        meta: { roles: rolesFor('kb'), title: 'menu.kbEntry' },
      },
      { path: 'admin/users', name: 'adminUsers', component: () => import('../views/admin/UsersView.vue'), meta: screen('adminUsers') },
      { path: 'admin/units', name: 'adminUnits', component: () => import('../views/admin/UnitsView.vue'), meta: screen('adminUnits') },
      {
        path: 'admin/categories',
        name: 'adminCategories',
        component: () => import('../views/admin/CategoriesView.vue'),
        meta: screen('adminCategories'),
      },
      { path: 'admin/catalog', name: 'adminCatalog', component: () => import('../views/admin/CatalogView.vue'), meta: screen('adminCatalog') },
      { path: 'admin/policies', name: 'policyEdit', component: () => import('../views/admin/TimeLimitsView.vue'), meta: screen('policyEdit') },
      { path: 'admin/audit', name: 'adminAudit', component: () => import('../views/admin/AuditView.vue'), meta: screen('adminAudit') },
      { path: 'dashboard', name: 'dashboard', component: () => import('../views/DashboardView.vue'), meta: screen('dashboard') },
      { path: 'policies', name: 'policies', component: () => import('../views/PoliciesView.vue'), meta: screen('policies') },
      { path: 'ledger', name: 'ledger', component: () => import('../views/LedgerView.vue'), meta: screen('ledger') },
      { path: 'calendar', name: 'calendar', component: () => import('../views/CalendarView.vue'), meta: screen('calendar') },
      {
        path: 'tickets/:id(\\d+)',
        name: 'ticket',
        component: () => import('../views/TicketView.vue'),
        props: true,
        meta: { roles: ALL_ROLES, title: 'menu.ticket' },
      },
    ],
  },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

export function createAppRouter(history = createWebHashHistory()) {
  const router = createRouter({ history, routes })
  router.beforeEach((to) => guard(to, useSessionStore()))
  return router
}
