// Which screens each role sees. The router's guards and the side menu both read this.
export const ALL_ROLES = ['operator', 'dispatcher', 'unit', 'supervisor', 'callback', 'analyst', 'admin']

export const MENU = [
  { name: 'intake', path: '/intake', icon: 'Headset', roles: ['operator', 'admin'] },
  // 待受理: appeals waiting for an outcome (state triage), from every channel.
  { name: 'pending', path: '/pending', icon: 'Bell', roles: ['operator', 'dispatcher', 'supervisor', 'admin'] },
  { name: 'dispatch', path: '/dispatch', icon: 'Share', roles: ['dispatcher', 'supervisor', 'admin'] },
  { name: 'inbox', path: '/inbox', icon: 'Tickets', roles: ['unit', 'admin'] },
  { name: 'callback', path: '/callback', icon: 'PhoneFilled', roles: ['callback', 'supervisor', 'admin'] },
  { name: 'supervise', path: '/supervise', icon: 'AlarmClock', roles: ['supervisor', 'admin'] },
  { name: 'search', path: '/search', icon: 'Search', roles: ALL_ROLES },
  { name: 'kb', path: '/kb', icon: 'Reading', roles: ALL_ROLES },
  { name: 'dashboard', path: '/dashboard', icon: 'DataLine', roles: ['analyst', 'supervisor', 'dispatcher', 'admin'] },
  // 时限规则: the time limits in force, for those who chase or assess them.
  { name: 'policies', path: '/policies', icon: 'Timer', roles: ['supervisor', 'dispatcher', 'analyst', 'admin'] },
  // 工作日历: the holiday calendar's years and days; the admin uploads a new year there.
  { name: 'calendar', path: '/calendar', icon: 'Calendar', roles: ['supervisor', 'dispatcher', 'analyst', 'admin'] },
  // 动态清零台账: the month's unsatisfied or unresolved tickets and whether each was
  // cleared (unit staff see their own subtree's rows; the server's `ledger` capability).
  { name: 'ledger', path: '/ledger', icon: 'Finished', roles: ['supervisor', 'analyst', 'unit', 'admin'] },
  // 系统管理: shown under their own heading (`group`), for admins only.
  { name: 'adminUsers', path: '/admin/users', icon: 'User', roles: ['admin'], group: 'admin' },
  { name: 'adminUnits', path: '/admin/units', icon: 'OfficeBuilding', roles: ['admin'], group: 'admin' },
  { name: 'adminCategories', path: '/admin/categories', icon: 'Collection', roles: ['admin'], group: 'admin' },
  { name: 'adminCatalog', path: '/admin/catalog', icon: 'Guide', roles: ['admin'], group: 'admin' },
  { name: 'policyEdit', path: '/admin/policies', icon: 'EditPen', roles: ['admin'], group: 'admin' },
  { name: 'adminAudit', path: '/admin/audit', icon: 'Memo', roles: ['admin'], group: 'admin' },
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

/** The role's menu in sections: the work screens first, then each `group` under its heading. */
export function menuSections(role) {
  const sections = []
  for (const item of menuFor(role)) {
    const group = item.group || ''
    let section = sections.find((s) => s.group === group)
    if (!section) sections.push((section = { group, items: [] }))
    section.items.push(item)
  }
  return sections
}

// Where each role's day starts: its own work queue, not the first menu item.
const LANDING = { operator: 'intake', dispatcher: 'dispatch', unit: 'inbox', supervisor: 'supervise', callback: 'callback', analyst: 'dashboard' }

/** The screen a role lands on after login. */
export function homeFor(role) {
  const items = menuFor(role).filter((m) => !m.group)
  const own = items.find((m) => m.name === LANDING[role])
  if (own) return own.path
  return items.length ? items[0].path : '/search'
}
