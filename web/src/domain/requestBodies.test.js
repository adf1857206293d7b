import { describe, expect, it } from 'vitest'
import { applyCategory, applyUnit, ruleBody, ruleForm, userBody, userForm } from './admin.js'
import { buildAppeal, emptyAppeal } from './intake.js'
import { entryBody, entryForm } from './kb.js'
import { buildEvaluation, buildPortalAppeal } from './portal.js'
import { triageBody } from './triage.js'

// The fields each endpoint accepts (src/api/requests on the server, docs/openapi.yaml):
// any other field in a body is refused with 400 unknown_field, so the console must
// never send one.
const ACCEPTED = {
  intake: ['channel', 'appeal_type', 'content', 'caller', 'address', 'location', 'enterprise', 'category', 'area', 'urgency', 'urgent'],
  portal: ['channel', 'appeal_type', 'content', 'caller', 'address', 'location', 'area'],
  caller: ['name', 'phone'],
  location: ['lat', 'lon'],
  evaluation: ['code', 'satisfaction', 'resolved'],
  triage: ['content', 'address', 'location', 'enterprise', 'category'],
  user: ['username', 'display_name', 'role', 'unit', 'active', 'password'],
  kbPut: ['question', 'answer', 'category', 'unit', 'public', 'valid_from', 'valid_to', 'version', 'active'],
  kbPost: ['question', 'answer', 'category', 'unit', 'public', 'valid_from', 'valid_to'],
  unit: ['code', 'name', 'kind', 'parent'],
  category: ['code', 'name', 'parent', 'level'],
  rule: ['category', 'area', 'enterprise', 'lead', 'co_units'],
}

const expectOnly = (body, fields) => {
  for (const key of Object.keys(body)) expect(fields, key).toContain(key)
}

describe('request bodies carry only the fields the server accepts', () => {
  it('intake, triage', () => {
    const form = { ...emptyAppeal(), content: '路灯不亮', name: '张三', phone: '138 0013 8000', address: '人民路', area: 'LC-D01', category: '0101', enterprise: true, urgency: 'important' }
    const appeal = buildAppeal(form)
    expectOnly(appeal, ACCEPTED.intake)
    expectOnly(appeal.caller, ACCEPTED.caller)
    const triage = triageBody({ ...form, location: { lat: 27.9, lon: 116.3 } })
    expectOnly(triage, ACCEPTED.triage)
    expectOnly(triage.location, ACCEPTED.location)
  })

  it('the portal', () => {
    const form = { appeal_type: 'complaint', content: '垃圾', name: '李四', phone: '13912345678', address: '幸福里', area: 'LC-D01-S01', lat: '27.95', lon: '116.37' }
    const appeal = buildPortalAppeal(form, 'mini_program')
    expectOnly(appeal, ACCEPTED.portal)
    expectOnly(appeal.caller, ACCEPTED.caller)
    expectOnly(appeal.location, ACCEPTED.location)
    expectOnly(buildEvaluation(' 123 456 ', { satisfaction: 'satisfied', resolved: true }), ACCEPTED.evaluation)
  })

  it('users, knowledge base, units, categories, catalog', () => {
    const user = { username: 'wang.min', display_name: '王敏', role: 'unit', unit: 'LC-D01', active: true }
    expectOnly(userBody({ ...userForm(user), password: 'secret-pass' }), ACCEPTED.user)
    const entry = entryBody(entryForm({ question: 'q', answer: 'a', category: { code: '07' }, unit: { code: 'LC-D01' }, public: true }))
    expectOnly(entry, ACCEPTED.kbPost)
    expectOnly({ ...entry, version: 2 }, ACCEPTED.kbPut) // api.kbUpdate adds the version
    for (const unit of applyUnit([], null, { code: 'LC', name: '临川市', kind: 'city', parent: '' })) expectOnly(unit, ACCEPTED.unit)
    for (const c of applyCategory([], null, { code: '01', name: '城乡建设', parent: '' })) expectOnly(c, ACCEPTED.category)
    expectOnly(ruleBody(ruleForm({ category: '0101', area: null, enterprise: 'any', lead: 'LC-D01', co_units: [] })), ACCEPTED.rule)
  })
})
