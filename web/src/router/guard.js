import { homeFor } from '../domain/menu.js'

/** Where navigation to `to` should go for this session (true = go ahead). */
export function guard(to, session) {
  if (to.meta && to.meta.public) {
    return to.name === 'login' && session.loggedIn ? homeFor(session.role) : true
  }
  if (!session.loggedIn) return { name: 'login', query: to.fullPath && to.fullPath !== '/' ? { redirect: to.fullPath } : {} }
  const roles = to.meta && to.meta.roles
  if (roles && !roles.includes(session.role)) return homeFor(session.role)
  return true
}
