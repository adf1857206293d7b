// Which screens each role sees. The router's guards and the side menu both read this.
export const ALL_ROLES = ['operator', 'dispatcher', 'unit', 'supervisor', 'callback', 'analyst', 'admin']

export const MENU = [
  { name: 'intake', path: '/intake', icon: 'Headset', roles: ['operator', 'admin'] },
  { name: 'dispatch', path: '/dispatch', icon: 'Share', roles: ['dispatcher', 'supervisor', 'admin'] },
  { name: 'inbox', path: '/inbox', icon: 'Tickets', roles: ['unit', 'admin'] },
  { name: 'callback', path: '/callback', icon: 'PhoneFilled', roles: ['callback', 'supervisor', 'admin'] },
  { name: 'supervise', path: '/supervise', icon: 'AlarmClock', roles: ['supervisor', 'admin'] },
  { name: 'search', path: '/search', icon: 'Search', roles: ALL_ROLES },
  { name: 'kb', path: '/kb', icon: 'Reading', roles: ALL_ROLES },
  { name: 'dashboard', path: '/dashboard', icon: 'DataLine', roles: ['analyst', 'supervisor', 'dispatcher', 'admin'] },
]

export function menuFor(role) {
  return MENU.filter((m) => m.roles.includes(role))
}

export function rolesFor(name) {
  const item = MENU.find((m) => m.name === name)
  return item ? item.roles : ALL_ROLES
}

export function canAccess(role, name) {
  return rolesFor(name).includes(role)
}

/** The screen a role lands on after login. */
export function homeFor(role) {
  const items = menuFor(role)
  return items.length ? items[0].path : '/search'
}
