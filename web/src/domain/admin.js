// 系统管理: the admin screens' logic — forms, local checks (the rules the server
// applies, with the server's limits, so most mistakes show before a whole list is
// sent), filters, and the server's refusals placed on the item and field they name.
//
// A check's result is a "problem": { key, params, index?, field? } where `key` names
// a message under `admin.problem` in the i18n files and `index` (0-based) says which
// item of a list it is about.

import { limits } from '../api/limits.js'
import { GENERIC_REASONS } from '../api/reasons.js'
import { adminFieldName, itemField, reasonText, userMessage } from '../api/errors.js'

export const UNIT_KINDS = ['city', 'district', 'street', 'community', 'department']
export const ENTERPRISE_OPTIONS = ['any', 'yes', 'no']

export function utf8Length(s) {
  return new TextEncoder().encode(s || '').length
}

const trim = (s) => (s == null ? '' : String(s).trim())

// ------------------------------------------------------------------ users

/** The form for a new user (no argument) or for editing `user` (password left empty = unchanged). */
export function userForm(user = null) {
  return {
    username: user ? user.username : '',
    display_name: user ? user.display_name || '' : '',
    role: user ? user.role : 'operator',
    unit: user && user.unit ? user.unit : '',
    active: user ? user.active !== false : true,
    password: '',
  }
}

/** The body of POST /users or PUT /users/{name}: every field (PUT replaces the user); a password only when typed. */
export function userBody(form) {
  const body = {
    username: trim(form.username),
    display_name: trim(form.display_name),
    role: form.role,
    // Unit staff need a unit; a supervisor may have one (三级督办: its subtree and tier).
    unit: form.role === 'unit' || form.role === 'supervisor' ? form.unit || '' : '',
    active: !!form.active,
  }
  if (form.password) body.password = form.password
  return body
}

/**
 * Checks a user form: { field: 'required' | 'invalid' | 'tooShort' | 'tooLong' | 'unknown' }.
 * `unitExists(code)` says whether a unit code is known.
 */
export function validateUserForm(form, { isNew = false, unitExists = () => true } = {}) {
  const errors = {}
  const username = trim(form.username)
  if (isNew) {
    if (!username) errors.username = 'required'
    else if (username.length > limits.username_max_length || !usernamePattern().test(username)) errors.username = 'invalid'
  }
  if (!form.role) errors.role = 'required'
  if (form.role === 'unit') {
    if (!form.unit) errors.unit = 'required'
    else if (!unitExists(form.unit)) errors.unit = 'unknown'
  }
  if (form.role === 'supervisor' && form.unit && !unitExists(form.unit)) errors.unit = 'unknown'

  if (utf8Length(trim(form.display_name)) > limits.display_name_max_bytes) errors.display_name = 'tooLong'
  if (isNew && !form.password) errors.password = 'required'
  else if (form.password && form.password.length < limits.password_min_length) errors.password = 'tooShort'
  else if (form.password && form.password.length > limits.password_max_length) errors.password = 'tooLong'
  return errors
}

// The server's username pattern (a malformed one checks nothing: the server still does).
function usernamePattern() {
  try {
    return new RegExp(limits.username_pattern)
  } catch {
    return /^/
  }
}

/** Users matching a keyword (username, name, unit code or unit name), a role and an active state ('' = any). */
export function filterUsers(users, { q = '', role = '', active = '' } = {}, unitName = (c) => c) {
  const needle = trim(q).toLowerCase()
  return users.filter((u) => {
    if (role && u.role !== role) return false
    if (active === 'active' && u.active === false) return false
    if (active === 'disabled' && u.active !== false) return false
    if (!needle) return true
    return [u.username, u.display_name, u.unit, u.unit ? unitName(u.unit) : '']
      .some((s) => s && String(s).toLowerCase().includes(needle))
  })
}

/** Staff accounts first (in role order), then the units' accounts; by username within each. */
export function sortUsers(users, roles = ['admin', 'supervisor', 'dispatcher', 'operator', 'callback', 'analyst', 'unit']) {
  const rank = (u) => {
    const i = roles.indexOf(u.role)
    return i < 0 ? roles.length : i
  }
  return [...users].sort((a, b) => rank(a) - rank(b) || a.username.localeCompare(b.username))
}

// ------------------------------------------------------------------ tree search

/** Whether a tree node ({value, label}) matches a search keyword (name or code, any case). */
export function nodeMatches(q, node) {
  const needle = trim(q).toLowerCase()
  if (!needle) return true
  return String(node.label || '').toLowerCase().includes(needle) || String(node.value || '').toLowerCase().includes(needle)
}

// ------------------------------------------------------------------ units

/** The kind a new unit under a unit of `parentKind` usually has. */
export function childKind(parentKind) {
  return { city: 'district', district: 'street', street: 'community', department: 'department' }[parentKind] || 'department'
}

export function unitForm(unit = null, parent = null) {
  if (unit) return { code: unit.code, name: unit.name, kind: unit.kind, parent: unit.parent || '' }
  return { code: '', name: '', kind: parent ? childKind(parent.kind) : 'district', parent: parent ? parent.code : '' }
}

/** The list with `form` added (original = null) or put in place of unit `original`. */
export function applyUnit(units, original, form) {
  const unit = { code: trim(form.code), name: trim(form.name), kind: form.kind, parent: form.parent || null }
  if (!original) return [...units, unit]
  return units.map((u) => (u.code === original ? unit : u))
}

/** The codes of `code` and every unit below it (for excluding them as its own parent). */
export function descendants(items, code) {
  const children = new Map()
  for (const it of items) {
    if (!it.parent) continue
    if (!children.has(it.parent)) children.set(it.parent, [])
    children.get(it.parent).push(it.code)
  }
  const out = new Set()
  const stack = [code]
  while (stack.length) {
    const c = stack.pop()
    if (out.has(c)) continue
    out.add(c)
    for (const k of children.get(c) || []) stack.push(k)
  }
  return out
}

// Shared checks of a coded list with parents: empty and duplicate codes, unknown parents, cycles.
function checkCodedList(items, { what, codeMax, nameMax }) {
  const problems = []
  const seen = new Map()
  items.forEach((it, index) => {
    const code = trim(it.code)
    if (!code) problems.push({ key: `${what}CodeEmpty`, index, field: 'code', params: { name: it.name || '' } })
    else if (utf8Length(code) > codeMax) problems.push({ key: 'codeTooLong', index, field: 'code', params: { code } })
    else if (seen.has(code)) problems.push({ key: `${what}Duplicate`, index, field: 'code', params: { code } })
    else seen.set(code, it)
    if (!trim(it.name)) problems.push({ key: 'nameEmpty', index, field: 'name', params: { code } })
    else if (utf8Length(it.name) > nameMax) problems.push({ key: 'nameTooLong', index, field: 'name', params: { code } })
  })
  items.forEach((it, index) => {
    if (!it.parent) return
    if (!seen.has(it.parent)) {
      problems.push({ key: `${what}UnknownParent`, index, field: 'parent', params: { code: it.code, parent: it.parent } })
      return
    }
    // Walk up: meeting the item again is a cycle.
    let cur = seen.get(it.parent)
    const visited = new Set([it.code])
    while (cur) {
      if (visited.has(cur.code)) {
        problems.push({ key: `${what}Cycle`, index, field: 'parent', params: { code: it.code } })
        return
      }
      visited.add(cur.code)
      cur = cur.parent ? seen.get(cur.parent) : null
    }
  })
  return problems
}

/** Checks a whole unit list before PUT /units; `usedByCatalog` = codes the catalog names. */
export function validateUnits(units, { usedByCatalog = new Set() } = {}) {
  const problems = checkCodedList(units, { what: 'unit', codeMax: limits.unit_code_max_bytes, nameMax: limits.reference_name_max_bytes })
  units.forEach((u, index) => {
    if (!UNIT_KINDS.includes(u.kind)) problems.push({ key: 'unitKind', index, field: 'kind', params: { code: u.code } })
  })
  const codes = new Set(units.map((u) => u.code))
  for (const code of usedByCatalog) if (!codes.has(code)) problems.push({ key: 'unitInCatalog', params: { code } })
  return problems
}

// ------------------------------------------------------------------ categories

export function categoryForm(category = null, parent = null) {
  if (category) return { code: category.code, name: category.name, parent: category.parent || '' }
  return { code: '', name: '', parent: parent ? parent.code : '' }
}

/** A free code for a new category under `parent` (its code + the next two digits), or the next top-level code. */
export function nextCategoryCode(categories, parent = '') {
  const siblings = categories.filter((c) => (c.parent || '') === (parent || ''))
  let max = 0
  for (const c of siblings) {
    const tail = c.code.slice((parent || '').length)
    if (c.code.startsWith(parent || '') && /^\d+$/.test(tail)) max = Math.max(max, Number(tail))
  }
  const width = siblings.length ? Math.max(2, siblings[0].code.length - (parent || '').length) : 2
  return `${parent || ''}${String(max + 1).padStart(width, '0')}`
}

/** The list with `form` added or put in place of `original`; the level follows the parent. */
export function applyCategory(categories, original, form) {
  const parent = form.parent ? categories.find((c) => c.code === form.parent) : null
  const category = { code: trim(form.code), name: trim(form.name), level: parent ? parent.level + 1 : 1, parent: form.parent || null }
  if (!original) return [...categories, category]
  return categories.map((c) => (c.code === original ? category : c))
}

/** Checks a whole taxonomy before PUT /categories: three levels, each one below its parent. */
export function validateCategories(categories, { usedByCatalog = new Set() } = {}) {
  const problems = checkCodedList(categories, {
    what: 'category', codeMax: limits.category_code_max_bytes, nameMax: limits.reference_name_max_bytes,
  })
  const byCode = new Map(categories.map((c) => [c.code, c]))
  categories.forEach((c, index) => {
    if (!(c.level >= 1 && c.level <= 3)) problems.push({ key: 'categoryLevel', index, field: 'level', params: { code: c.code } })
    else if (!c.parent && c.level !== 1) problems.push({ key: 'categoryNeedsParent', index, field: 'parent', params: { code: c.code } })
    else if (c.parent && byCode.has(c.parent) && byCode.get(c.parent).level !== c.level - 1)
      problems.push({ key: 'categoryLevelBelow', index, field: 'level', params: { code: c.code } })
  })
  const codes = new Set(categories.map((c) => c.code))
  for (const code of usedByCatalog) if (!codes.has(code)) problems.push({ key: 'categoryInCatalog', params: { code } })
  return problems
}

// ------------------------------------------------------------------ dispatch catalog

export function ruleForm(rule = null) {
  return {
    category: rule ? rule.category : '',
    area: rule && rule.area ? rule.area : '',
    enterprise: rule && rule.enterprise ? rule.enterprise : 'any',
    lead: rule ? rule.lead : '',
    co_units: rule && rule.co_units ? [...rule.co_units] : [],
  }
}

/** A rule as GET /catalog shows it and PUT /catalog takes it (area null = anywhere). */
export function ruleBody(form) {
  return {
    category: form.category,
    area: form.area || null,
    enterprise: form.enterprise || 'any',
    lead: form.lead,
    co_units: (form.co_units || []).filter((c) => c && c !== form.lead),
  }
}

/** What makes two rules the same condition: category × area × enterprise. */
export const ruleKey = (r) => `${r.category}|${r.area || ''}|${r.enterprise || 'any'}`

/**
 * Checks one rule: { field: 'required' | 'unknown' | 'invalid' | 'duplicate' | 'tooMany' }.
 * `categoryExists` / `unitExists` say whether a code is known.
 */
export function validateRule(rule, { categoryExists = () => true, unitExists = () => true } = {}) {
  const errors = {}
  if (!rule.category) errors.category = 'required'
  else if (!categoryExists(rule.category)) errors.category = 'unknown'
  if (rule.area && !unitExists(rule.area)) errors.area = 'unknown'
  if (!ENTERPRISE_OPTIONS.includes(rule.enterprise || 'any')) errors.enterprise = 'invalid'
  if (!rule.lead) errors.lead = 'required'
  else if (!unitExists(rule.lead)) errors.lead = 'unknown'
  const co = rule.co_units || []
  if (co.length > limits.co_units_max) errors.co_units = 'tooMany'
  else if (co.some((c) => !unitExists(c))) errors.co_units = 'unknown'
  else if (new Set(co).size !== co.length || (rule.lead && co.includes(rule.lead))) errors.co_units = 'duplicate'
  return errors
}

/** Checks the whole catalog before PUT /catalog: each rule, and no two rules with the same condition. */
export function validateCatalog(rules, refs = {}) {
  const problems = []
  const first = new Map()
  rules.forEach((r, index) => {
    for (const [field, code] of Object.entries(validateRule(r, refs))) {
      problems.push({ key: `rule.${code}`, index, field, params: { n: index + 1, value: field === 'co_units' ? (r.co_units || []).join('、') : r[field] || '' } })
    }
    const key = ruleKey(r)
    if (first.has(key)) problems.push({ key: 'ruleDuplicate', index, field: 'category', params: { n: index + 1, m: first.get(key) + 1 } })
    else first.set(key, index)
  })
  return problems
}

/** Index of another rule with the same condition as `rule` (ignoring `self`), or -1. */
export function duplicateOf(rules, rule, self = -1) {
  const key = ruleKey(rule)
  return rules.findIndex((r, i) => i !== self && ruleKey(r) === key)
}

/**
 * The rules matching the filters, each with its place in the list:
 * `category` (that category or one below it), `area` ('*' = rules for anywhere),
 * `enterprise`, `unit` (lead or co-handler), `q` (codes or names).
 */
export function filterRules(rules, filters = {}, { categories = [], name = (c) => c } = {}) {
  const { category = '', area = '', enterprise = '', unit = '', q = '' } = filters
  const under = category ? descendants(categories, category) : null
  const needle = trim(q).toLowerCase()
  const out = []
  rules.forEach((rule, index) => {
    if (under && !under.has(rule.category)) return
    if (area === '*' ? !!rule.area : area && rule.area !== area) return
    if (enterprise && (rule.enterprise || 'any') !== enterprise) return
    if (unit && rule.lead !== unit && !(rule.co_units || []).includes(unit)) return
    if (needle) {
      const codes = [rule.category, rule.area, rule.lead, ...(rule.co_units || [])].filter(Boolean)
      if (!codes.some((c) => c.toLowerCase().includes(needle) || String(name(c)).toLowerCase().includes(needle))) return
    }
    out.push({ rule, index })
  })
  return out
}

/** Codes of the units and categories a catalog names (they may not be removed while it does). */
export function catalogCodes(rules) {
  const units = new Set()
  const categories = new Set()
  for (const r of rules) {
    categories.add(r.category)
    units.add(r.lead)
    if (r.area) units.add(r.area)
  }
  return { units, categories }
}

// ------------------------------------------------------------------ server errors

/**
 * A 400 or 409 of an admin call → a problem { key: 'server', err, field, index? } placed
 * on the field (and list item: `items[3].kind`, or the catalog rule its params name) it
 * is about; null for other errors and for generic codes without an item (then the
 * generic message applies). The words come from api/errors.js, by reason and params.
 */
export function serverProblem(err) {
  if (!err || typeof err !== 'object' || (err.status !== 400 && err.status !== 409)) return null
  const item = itemField(err.field)
  if (GENERIC_REASONS.includes(err.reason || err.code) && !item) return null
  const rule = Number(err.params && err.params.rule)
  const index = item ? item.index : rule >= 1 ? rule - 1 : undefined
  const problem = { key: 'server', err, field: item ? item.name : err.field || '', params: {} }
  if (index !== undefined) problem.index = index
  return problem
}

/**
 * A problem in words. `label(code, field)` names a code (e.g. 「东华街道（LC-D01-S01）」);
 * `t` is vue-i18n's translate function.
 */
export function problemText(problem, t, { label = (code) => code } = {}) {
  if (problem.key === 'server') {
    const options = { label, fieldName: adminFieldName }
    return reasonText(problem.err, options) || userMessage(problem.err, options)
  }
  const params = { ...(problem.params || {}) }
  if (params.code) params.code = label(params.code, 'code')
  if (params.parent) params.parent = label(params.parent, 'parent')
  if (params.value && problem.field) params.value = String(params.value).split('、').map((v) => label(v, problem.field)).join('、')
  if (problem.field) params.fieldName = t(`admin.field.${problem.field}`)
  if (params.field) params.field = t(`admin.field.${params.field}`)
  return t(`admin.problem.${problem.key}`, params)
}

// ------------------------------------------------------------------ local edits of a whole list

/**
 * What changed between the list as loaded and as edited, matched by `key`:
 * { added, removed, changed } (sets of keys) and `count`, their total.
 */
export function diffByKey(before, after, key) {
  const old = new Map(before.map((it) => [key(it), JSON.stringify(it)]))
  const now = new Set()
  const added = new Set()
  const changed = new Set()
  for (const it of after) {
    const k = key(it)
    now.add(k)
    if (!old.has(k)) added.add(k)
    else if (old.get(k) !== JSON.stringify(it)) changed.add(k)
  }
  const removed = new Set([...old.keys()].filter((k) => !now.has(k)))
  return { added, removed, changed, count: added.size + removed.size + changed.size }
}
