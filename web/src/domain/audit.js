// 操作审计 (admin): the audit trail of administrative changes, paged by the server
// (`GET /audit?page=&per_page=`, newest first, no total).
import { label } from './labels.js'
import { limits } from '../api/limits.js'

export const AUDIT_ACTIONS = ['replace_units', 'replace_categories', 'replace_catalog', 'create_user', 'update_user']
export const AUDIT_PAGE_SIZES = [20, 50, 100, 200]

/** 替换分派目录 …; an action this console does not know comes back as its code. */
export const auditActionLabel = (action, locale) => label('auditAction', action, locale)

/** Element Plus tag type for an action: user changes apart from whole-list replacements. */
export function auditActionTag(action) {
  return action === 'create_user' || action === 'update_user' ? 'success' : 'primary'
}

/** The operator's display name when a username → name index is at hand, else the username. */
export function actorName(actor, names = null) {
  if (!actor) return ''
  const name = names && typeof names.get === 'function' ? names.get(actor) : undefined
  return name || actor
}

/** A page size the server accepts (1..its per_page_max), falling back to 50. */
export function clampPerPage(n) {
  const v = Math.floor(Number(n))
  if (!Number.isFinite(v) || v < 1) return 50
  return Math.min(v, limits.per_page_max)
}

/** The query for one page (1-based). */
export function auditQuery(page, perPage) {
  return { page: Math.max(1, Math.floor(Number(page)) || 1), per_page: clampPerPage(perPage) }
}

/**
 * Where the pager stands after a page came back: there is no total, so a page
 * with fewer than `perPage` items is the last one.
 */
export function pagerState(page, perPage, received) {
  return { hasPrev: page > 1, hasNext: received >= perPage }
}

/** The loaded page's records with this action ('' = all). */
export function filterAudit(items, action = '') {
  return action ? items.filter((r) => r.action === action) : items.slice()
}
