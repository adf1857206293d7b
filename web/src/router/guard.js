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

/** Where to go right after a login: `redirect` if it is a path this role may open, else the role's home. */
export function loginTarget(router, session, redirect) {
  if (typeof redirect === 'string' && redirect.startsWith('/')) {
    const resolved = router.resolve(redirect)
    if (resolved.matched.length && guard(resolved, session) === true) return redirect
  }
  return homeFor(session.role)
}
