import { describe, expect, it } from 'vitest'
import { ALL_ROLES, canAccess, homeFor, menuFor, menuSections } from './menu.js'
import { guard } from '../router/guard.js'

const names = (role) => menuFor(role).map((m) => m.name)

describe('role menus', () => {
  it('shows each role only its own screens', () => {
    expect(names('operator')).toEqual(['intake', 'pending', 'search', 'kb'])
    expect(names('dispatcher')).toEqual(['pending', 'dispatch', 'search', 'kb', 'dashboard', 'policies', 'calendar'])
    expect(names('unit')).toEqual(['inbox', 'search', 'kb', 'ledger'])
    expect(names('callback')).toEqual(['callback', 'search', 'kb'])
    expect(names('supervisor')).toEqual(['pending', 'dispatch', 'callback', 'supervise', 'search', 'kb', 'dashboard', 'policies', 'calendar', 'ledger'])
    expect(names('analyst')).toEqual(['search', 'kb', 'dashboard', 'policies', 'calendar', 'ledger'])
    expect(names('admin')).toHaveLength(18)
  })

  it('puts the admin screens under their own heading, for admins only', () => {
    const sections = menuSections('admin')
    expect(sections.map((s) => s.group)).toEqual(['', 'admin'])
    expect(sections[1].items.map((m) => m.name)).toEqual(['adminUsers', 'adminUnits', 'adminCategories', 'adminCatalog', 'policyEdit', 'adminAudit'])
    for (const r of ALL_ROLES.filter((x) => x !== 'admin')) {
      expect(menuSections(r).map((s) => s.group)).toEqual([''])
      expect(canAccess(r, 'adminCatalog')).toBe(false)
    }
    expect(homeFor('admin')).toBe('/intake')
  })

  it('lands each role on its own work', () => {
    expect(homeFor('operator')).toBe('/intake')
    expect(homeFor('dispatcher')).toBe('/dispatch')
    expect(homeFor('unit')).toBe('/inbox')
    expect(homeFor('callback')).toBe('/callback')
    expect(homeFor('supervisor')).toBe('/supervise')
    expect(homeFor('analyst')).toBe('/dashboard')
    expect(homeFor('nobody')).toBe('/search')
  })

  it('lets every role search tickets and the knowledge base', () => {
    for (const r of ALL_ROLES) expect(canAccess(r, 'search')).toBe(true)
    for (const r of ALL_ROLES) expect(canAccess(r, 'kb')).toBe(true)
    expect(canAccess('unit', 'intake')).toBe(false)
  })
})

describe('route guard', () => {
  const session = (role) => ({ loggedIn: !!role, role })
  const route = (name, roles, fullPath = `/${name}`) => ({ name, fullPath, meta: roles ? { roles } : {} })

  it('sends anonymous users to login with a way back', () => {
    expect(guard(route('intake', ['operator']), session(''))).toEqual({ name: 'login', query: { redirect: '/intake' } })
  })
  it('sends a role away from screens it may not use', () => {
    expect(guard(route('intake', ['operator', 'admin']), session('unit'))).toBe('/inbox')
    expect(guard(route('intake', ['operator', 'admin']), session('operator'))).toBe(true)
  })
  it('sends a logged-in user from the login page home', () => {
    expect(guard({ name: 'login', meta: { public: true } }, session('dispatcher'))).toBe('/dispatch')
    expect(guard({ name: 'login', meta: { public: true } }, session(''))).toBe(true)
  })
})
