// 操作审计 (admin): the audit trail of administrative changes, paged by the server
// (`GET /audit?page=&per_page=`, newest first, no total).
import { label } from './labels.js'
import { limits } from '../api/limits.js'

export const AUDIT_ACTIONS = [
  'replace_units', 'replace_categories', 'replace_catalog', 'create_user', 'update_user',
  'replace_time_limits', 'replace_calendar_year', 'remove_calendar_year',
]
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

// The server writes each record's summary in English, e.g.
//   "units: 40 → 41; added LC-X 新单位 (under LC); removed …; changed A ⇒ B and 2 more"
//   "catalog rules: 3 → 4; added 120403 × LC-D01 (yes) → LC-GR + LC-D01-S01"
//   "e2e-1: role operator, unit LC-D01, active, password reset"
//   "time-limit rules: 12 → 12; changed default: sign 24 natural_hours … ⇒ …; working hours 09:00-12:00 ⇒ 08:30-12:00"
//   "calendar days: 0 → 33; added 2027-01-01 holiday, … and 28 more"
// (src/service/audit_summary.cc). Its fixed words are put into the UI language
// here; codes, names and counts stay as they are, and a summary in any other shape
// comes back unchanged.
const NOUNS = ['units', 'categories', 'catalog rules', 'time-limit rules', 'calendar days']

/** A summary with its English keywords in `locale` ('zh-CN' by default). */
export function auditSummaryText(summary, locale) {
  if (!summary) return ''
  const w = (key, params) => {
    const v = key.split('.').reduce((o, k) => (o == null ? undefined : o[k]), label('polish', 'audit', locale))
    if (typeof v !== 'string') return key
    return params ? v.replace(/\{(\w+)\}/g, (_, k) => String(params[k])) : v
  }
  const colon = locale === 'en' ? ': ' : '：'
  const semi = locale === 'en' ? '; ' : '；'
  const comma = locale === 'en' ? ', ' : '，'
  const list = /^(units|categories|catalog rules|time-limit rules|calendar days): (\d+ → \d+)(.*)$/s.exec(summary)
  if (list && NOUNS.includes(list[1])) {
    const parts = list[3].split(/; (?=added |removed |changed |no change$|working hours )/).filter(Boolean)
    let out = `${w(list[1])}${colon}${list[2]}`
    for (const raw of parts) {
      const part = raw.replace(/^; /, '')
      const m = /^(added|removed|changed) (.*)$/s.exec(part)
      const hours = /^working hours (.*)$/s.exec(part)
      if (part === 'no change') out += semi + w('noChange')
      else if (hours) out += `${semi}${w('workingHours')} ${hours[1]}`
      else if (m) out += `${semi}${w(m[1])} ${items(m[2], w)}`
      else out += semi + part
    }
    return out
  }
  const user = /^(\S+): role (\w+)((?:, [^,]+)*)$/.exec(summary)
  if (user) {
    let out = `${user[1]}${colon}${w('role')} ${label('role', user[2], locale)}`
    for (const piece of user[3].split(', ').filter(Boolean)) {
      const unit = /^unit (.+)$/.exec(piece)
      if (unit) out += `${comma}${w('unit')} ${unit[1]}`
      else if (piece === 'active' || piece === 'disabled') out += comma + w(piece)
      else if (piece === 'password reset') out += comma + w('passwordReset')
      else out += comma + piece
    }
    return out
  }
  return summary
}

/** The items of one added/removed/changed list: "(under X)", "anywhere", "(yes)", "and N more". */
function items(text, w) {
  return text
    .replace(/ and (\d+) more$/, (_, n) => ` ${w('more', { n })}`)
    .replace(/ \(under ([^)]+)\)/g, (_, code) => `（${w('under')} ${code}）`)
    .replace(/ × anywhere /g, ` × ${w('anywhere')} `)
    .replace(/ \((yes|no|any)\) → /g, (_, e) => ` (${w(`enterprise.${e}`)}) → `)
    .replace(/(\d{4}-\d{2}-\d{2}) (holiday|workday)/g, (_, d, k) => `${d} ${w(k)}`)
}
