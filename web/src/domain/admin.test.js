import { describe, expect, it } from 'vitest'
import { i18n } from '../i18n/index.js'
import { ApiError } from '../api/apiError.js'
import { applyLimits, resetLimits } from '../api/limits.js'
import {
  applyCategory, applyUnit, catalogCodes, childKind, descendants, diffByKey, duplicateOf, filterRules, filterUsers,
  nextCategoryCode, nodeMatches, sortUsers, problemText, ruleBody, ruleForm, serverProblem, userBody, userForm,
  validateCatalog, validateCategories, validateRule, validateUnits, validateUserForm,
} from './admin.js'

const t = (...a) => i18n.global.t(...a)
const UNITS = [
  { code: 'LC', name: '临川市', kind: 'city', parent: null },
  { code: 'LC-D01', name: '东城区', kind: 'district', parent: 'LC' },
  { code: 'LC-D01-S01', name: '东华街道', kind: 'street', parent: 'LC-D01' },
  { code: 'LC-ZJ', name: '市住建局', kind: 'department', parent: 'LC' },
  { code: 'LC-SW', name: '市水务局', kind: 'department', parent: 'LC' },
]
const CATS = [
  { code: '01', name: '城乡建设', level: 1, parent: null },
  { code: '0101', name: '房屋安全', level: 2, parent: '01' },
  { code: '010101', name: '房屋质量问题', level: 3, parent: '0101' },
  { code: '02', name: '水电气暖', level: 1, parent: null },
]
const unitExists = (c) => UNITS.some((u) => u.code === c)
const categoryExists = (c) => CATS.some((x) => x.code === c)
const refs = { unitExists, categoryExists }
const rule = (extra) => ({ category: '0101', area: null, enterprise: 'any', lead: 'LC-ZJ', co_units: [], ...extra })

describe('catalog rules', () => {
  it('round-trips a rule through the form (area null = anywhere, the lead never its own co-handler)', () => {
    expect(ruleBody(ruleForm(rule({ area: 'LC-D01' })))).toEqual(rule({ area: 'LC-D01' }))
    expect(ruleBody({ ...ruleForm(), category: '02', lead: 'LC-SW', co_units: ['LC-SW', 'LC-ZJ'] }))
      .toEqual(rule({ category: '02', lead: 'LC-SW', co_units: ['LC-ZJ'] }))
  })

  it('checks one rule field by field', () => {
    expect(validateRule(rule(), refs)).toEqual({})
    expect(validateRule(rule({ category: '', lead: '' }), refs)).toEqual({ category: 'required', lead: 'required' })
    expect(validateRule(rule({ category: '9999', area: 'LC-X', lead: 'LC-Y' }), refs)).toEqual({ category: 'unknown', area: 'unknown', lead: 'unknown' })
    expect(validateRule(rule({ enterprise: 'maybe' }), refs)).toEqual({ enterprise: 'invalid' })
    expect(validateRule(rule({ co_units: ['LC-ZJ'] }), refs)).toEqual({ co_units: 'duplicate' })
    expect(validateRule(rule({ co_units: ['LC-SW', 'LC-SW'] }), refs)).toEqual({ co_units: 'duplicate' })
    expect(validateRule(rule({ co_units: ['LC-NOPE'] }), refs)).toEqual({ co_units: 'unknown' })
    expect(validateRule(rule({ co_units: Array(21).fill('LC-SW') }), refs)).toEqual({ co_units: 'tooMany' })
  })

  it('checks the whole catalog: numbered problems, and two rules with one condition', () => {
    const rules = [rule(), rule({ lead: 'LC-SW' }), rule({ enterprise: 'yes' }), rule({ category: '', area: 'LC-D01' })]
    const problems = validateCatalog(rules, refs)
    expect(problems.map((p) => [p.key, p.index, p.field])).toEqual([
      ['ruleDuplicate', 1, 'category'],
      ['rule.required', 3, 'category'],
    ])
    expect(problemText(problems[0], t)).toBe('第 2 条规则与第 1 条规则的条件（分类、区域、企业诉求）相同，只有一条会生效')
    expect(problemText(problems[1], t)).toBe('第 4 条规则：请填写「诉求分类」')
    expect(duplicateOf(rules, rule(), 0)).toBe(1)
    expect(duplicateOf(rules, rule({ area: 'LC-D01-S01' }))).toBe(-1)
  })

  it('filters by category (with the categories below it), area, enterprise, unit and keyword, keeping each rule\'s place', () => {
    const rules = [rule(), rule({ category: '010101', area: 'LC-D01' }), rule({ category: '02', lead: 'LC-SW', enterprise: 'yes' }), rule({ category: '02', co_units: ['LC-SW'] })]
    const names = new Map([...UNITS, ...CATS].map((x) => [x.code, x.name]))
    const opts = { categories: CATS, name: (c) => names.get(c) || c }
    const idx = (f) => filterRules(rules, f, opts).map((r) => r.index)
    expect(idx({})).toEqual([0, 1, 2, 3])
    expect(idx({ category: '01' })).toEqual([0, 1])
    expect(idx({ category: '010101' })).toEqual([1])
    expect(idx({ area: 'LC-D01' })).toEqual([1])
    expect(idx({ area: '*' })).toEqual([0, 2, 3])
    expect(idx({ enterprise: 'yes' })).toEqual([2])
    expect(idx({ unit: 'LC-SW' })).toEqual([2, 3])
    expect(idx({ q: '水务' })).toEqual([2, 3])
    expect(idx({ q: 'lc-d01' })).toEqual([1])
    expect(catalogCodes(rules).units).toEqual(new Set(['LC-ZJ', 'LC-D01', 'LC-SW']))
  })
})

describe('server errors in words', () => {
  const err = (status, body) => new ApiError(status, { code: 'invalid_argument', ...body }, { method: 'PUT', path: '/catalog' })
  const label = (code) => `「${({ 'LC-X': '某单位' })[code] || code}」`

  it('names the rule, the field and the code for catalog refusals, from the reason and its params', () => {
    const p = serverProblem(err(400, { reason: 'unknown_unit', field: 'lead', params: { rule: '3', code: 'LC-X' }, message: 'ignored' }))
    expect(p).toMatchObject({ key: 'server', field: 'lead', index: 2 })
    expect(problemText(p, t, { label })).toBe('第 3 条规则：主办单位 「某单位」 不存在')
    const category = serverProblem(err(400, { reason: 'unknown_category', field: 'category', params: { rule: '1', code: '9' } }))
    expect(problemText(category, t)).toBe('第 1 条规则：诉求分类 9 不存在')
    const named = (code, field) => (field === 'category' ? `「分类${code}」` : `「单位${code}」`)
    expect(problemText(category, t, { label: named })).toBe('第 1 条规则：诉求分类 「分类9」 不存在')
    const enterprise = serverProblem(err(400, { reason: 'invalid_value', field: 'enterprise', params: { rule: '2', value: 'maybe' } }))
    expect(problemText(enterprise, t)).toBe('第 2 条规则：「企业诉求」填写有误，请检查')
  })

  it('explains unit-tree and taxonomy refusals', () => {
    const text = (body) => problemText(serverProblem(err(400, body)), t)
    expect(text({ reason: 'unknown_parent', field: 'parent', params: { code: 'LC-D09', parent: 'LC-Q' } })).toBe('LC-D09 的上级 LC-Q 不存在')
    expect(text({ reason: 'unit_cycle', field: 'parent', params: { code: 'LC-D01' } })).toMatch(/^单位 LC-D01 的上级关系形成了循环/)
    expect(text({ reason: 'still_used_by_catalog', field: 'units', params: { code: 'LC-ZJ' } })).toBe('LC-ZJ 仍被分派目录使用，请先修改分派目录')
    expect(text({ reason: 'level_mismatch', field: 'level', params: { code: '0101', parent: '01' } })).toBe('分类 0101 必须比上级分类低一级')
    expect(text({ reason: 'duplicate_code', field: 'code', params: { code: 'LC-D01' } })).toBe('代码 LC-D01 重复')
    expect(text({ reason: 'required', field: 'parent', params: { code: '0101' } })).toBe('0101 需要填写「上级」')
    expect(text({ reason: 'invalid_value', field: 'items[4].kind', params: { value: 'x' } })).toBe('第 5 项：「类型」填写有误，请检查')
    expect(serverProblem(err(400, { field: 'items[4].kind' }))).toMatchObject({ index: 4, field: 'kind' })
  })

  it('explains user refusals, and leaves other errors to the generic messages', () => {
    const self = serverProblem(err(400, { reason: 'self_change', field: 'role' }))
    expect(self.field).toBe('role')
    expect(problemText(self, t)).toBe('不能降低自己的角色，也不能停用或删除自己的账号')
    const taken = serverProblem(err(409, { code: 'already_exists', params: { username: 'zhang' } }))
    expect(problemText(taken, t)).toBe('用户名 zhang 已被使用')
    expect(problemText(serverProblem(err(400, { reason: 'required', field: 'unit' })), t)).toBe('请填写「所属单位」')
    expect(serverProblem(err(403, { code: 'permission_denied', reason: 'role_not_allowed' }))).toBeNull()
    expect(serverProblem(err(400, { message: 'something new' }))).toBeNull()
    expect(serverProblem(err(400, { field: 'username', message: 'username must be 1..64 characters' }))).toBeNull()
  })
})

describe('units', () => {
  it('finds empty, duplicate and unknown parents, cycles, bad kinds and units the catalog still needs', () => {
    expect(validateUnits(UNITS)).toEqual([])
    const bad = [...UNITS, { code: 'LC-D01', name: '重复', kind: 'district', parent: 'LC' }, { code: '', name: '无代码', kind: 'street', parent: 'LC' },
      { code: 'A', name: 'a', kind: 'street', parent: 'B' }, { code: 'B', name: 'b', kind: 'street', parent: 'A' },
      { code: 'C', name: '', kind: 'moon', parent: 'NOPE' }]
    const keys = validateUnits(bad, { usedByCatalog: new Set(['LC-ZJ', 'LC-GONE']) }).map((p) => p.key)
    expect(keys.sort()).toEqual(['nameEmpty', 'unitCodeEmpty', 'unitCycle', 'unitCycle', 'unitDuplicate', 'unitInCatalog', 'unitKind', 'unitUnknownParent'].sort())
  })

  it('adds and edits in a copy, and knows which units may not become a unit\'s parent', () => {
    const added = applyUnit(UNITS, null, { code: ' LC-D01-S02 ', name: '西华街道', kind: 'street', parent: 'LC-D01' })
    expect(added).toHaveLength(6)
    expect(added[5]).toEqual({ code: 'LC-D01-S02', name: '西华街道', kind: 'street', parent: 'LC-D01' })
    const renamed = applyUnit(UNITS, 'LC-SW', { code: 'LC-SW', name: '市水务集团', kind: 'department', parent: '' })
    expect(renamed[4]).toEqual({ code: 'LC-SW', name: '市水务集团', kind: 'department', parent: null })
    expect(UNITS[4].name).toBe('市水务局')
    expect(descendants(UNITS, 'LC-D01')).toEqual(new Set(['LC-D01', 'LC-D01-S01']))
    expect(childKind('district')).toBe('street')
    expect(nodeMatches('东华', { label: '东华街道', value: 'LC-D01-S01' })).toBe(true)
    expect(nodeMatches('d01-s', { label: '东华街道', value: 'LC-D01-S01' })).toBe(true)
    expect(nodeMatches('西', { label: '东华街道', value: 'LC-D01-S01' })).toBe(false)
  })

  it('counts local edits against what was loaded', () => {
    const after = applyUnit(applyUnit(UNITS, 'LC-SW', { ...UNITS[4], name: '改名' }), null, { code: 'N', name: 'n', kind: 'street', parent: 'LC-D01' }).filter((u) => u.code !== 'LC-ZJ')
    const d = diffByKey(UNITS, after, (u) => u.code)
    expect([...d.added]).toEqual(['N'])
    expect([...d.changed]).toEqual(['LC-SW'])
    expect([...d.removed]).toEqual(['LC-ZJ'])
    expect(d.count).toBe(3)
  })
})

describe('categories', () => {
  it('keeps three levels, each one below its parent', () => {
    expect(validateCategories(CATS)).toEqual([])
    const keys = (list) => validateCategories(list).map((p) => p.key)
    expect(keys([...CATS, { code: '03', name: 'x', level: 2, parent: null }])).toEqual(['categoryNeedsParent'])
    expect(keys([...CATS, { code: '0201', name: 'x', level: 3, parent: '02' }])).toEqual(['categoryLevelBelow'])
    expect(keys([...CATS, { code: '01010101', name: 'x', level: 4, parent: '010101' }])).toEqual(['categoryLevel'])
    expect(validateCategories(CATS.slice(0, 2), { usedByCatalog: new Set(['010101']) }).map((p) => p.key)).toEqual(['categoryInCatalog'])
  })

  it('suggests the next free code and derives the level from the parent', () => {
    expect(nextCategoryCode(CATS, '')).toBe('03')
    expect(nextCategoryCode(CATS, '0101')).toBe('010102')
    expect(nextCategoryCode(CATS, '02')).toBe('0201')
    const added = applyCategory(CATS, null, { code: '010102', name: '新分类', parent: '0101' })
    expect(added[4]).toEqual({ code: '010102', name: '新分类', level: 3, parent: '0101' })
  })
})

describe('users', () => {
  it('requires a valid username and a password of 8 or more for new users, and a unit for unit accounts', () => {
    const form = { ...userForm(), username: 'zhang.san', password: 'longenough' }
    expect(validateUserForm(form, { isNew: true })).toEqual({})
    expect(validateUserForm({ ...form, username: '张三' }, { isNew: true })).toEqual({ username: 'invalid' })
    expect(validateUserForm({ ...form, password: '' }, { isNew: true })).toEqual({ password: 'required' })
    expect(validateUserForm({ ...form, password: 'short' }, { isNew: true })).toEqual({ password: 'tooShort' })
    expect(validateUserForm({ ...form, role: 'unit' }, { isNew: true })).toEqual({ unit: 'required' })
    expect(validateUserForm({ ...form, role: 'unit', unit: 'X' }, { isNew: true, unitExists: () => false })).toEqual({ unit: 'unknown' })
    expect(validateUserForm({ ...userForm({ username: 'a', role: 'operator' }) }, { isNew: false })).toEqual({}) // editing: password optional
  })

  it('checks with the server\'s limits once they are known', () => {
    const form = { ...userForm(), username: 'zhang.san', password: 'ninechars' }
    try {
      applyLimits({ password_min_length: 10, username_max_length: 5, password_max_length: 12 })
      expect(validateUserForm(form, { isNew: true })).toEqual({ username: 'invalid', password: 'tooShort' })
      expect(validateUserForm({ ...form, username: 'zhang', password: 'much-too-long-password' }, { isNew: true })).toEqual({ password: 'tooLong' })
    } finally {
      resetLimits()
    }
    expect(validateUserForm(form, { isNew: true })).toEqual({})
  })

  it('sends every field (a PUT replaces the user) and a password only when typed', () => {
    const user = { username: 'LC-GR', role: 'unit', unit: 'LC-GR', display_name: '市供热公司', active: true }
    expect(userBody(userForm(user))).toEqual(user)
    expect(userBody({ ...userForm(user), role: 'operator', password: 'newsecret' })).toEqual({ ...user, role: 'operator', unit: '', password: 'newsecret' })
    expect(userBody({ ...userForm(user), active: false }).active).toBe(false)
  })

  it('filters by keyword (also the unit name), role and status', () => {
    const users = [
      { username: 'admin', role: 'admin', display_name: '管理员', active: true },
      { username: 'LC-D01-S01', role: 'unit', unit: 'LC-D01-S01', display_name: '', active: true },
      { username: 'old', role: 'operator', display_name: '老坐席', active: false },
    ]
    const name = (c) => ({ 'LC-D01-S01': '东华街道' })[c] || c
    const names = (f) => filterUsers(users, f, name).map((u) => u.username)
    expect(names({ q: '东华' })).toEqual(['LC-D01-S01'])
    expect(names({ role: 'operator' })).toEqual(['old'])
    expect(names({ active: 'disabled' })).toEqual(['old'])
    expect(names({ active: 'active', q: 'ADMIN' })).toEqual(['admin'])
    expect(sortUsers([...users].reverse()).map((u) => u.username)).toEqual(['admin', 'old', 'LC-D01-S01'])
  })
})
