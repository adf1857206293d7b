import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { i18n } from '../i18n/index.js'
import { configureClient } from '../api/client.js'
import IntakeView from './IntakeView.vue'

const FIRE = {
  classifier_available: false, categories: [], location: null, units: [], knowledge: [], elapsed_us: 2140,
  alerts: [{ kind: 'emergency', code: '119', label: '火情或燃气泄漏，立即转接119', matched: ['着火', '浓烟'], script: null, blocking: true }],
}
const SOCIAL = {
  classifier_available: false, categories: [], units: [], alerts: [], elapsed_us: 541,
  location: {
    district: { code: 'LC-D01', name: '东城区' }, street: { code: 'LC-D01-S01', name: '东华街道' }, community: null,
    area: { code: 'LC-D01-S01', name: '东华街道' }, confidence: 0.8, source: 'address', matched: ['东华街道'],
  },
  knowledge: [{
    id: 'KB-0001', score: 70.5,
    question_highlight: '<em>社</em><em>保</em><em>卡</em>丢失了怎么<em>补</em><em>办</em>…<script>alert(1)</script>',
    answer_snippet: '…<em>社</em><em>保</em><em>卡</em>服务热线…',
  }],
}
const LAWSUIT = {
  classifier_available: true, location: null, units: [], knowledge: [], elapsed_us: 900,
  categories: [{ code: '0101', name: '城乡建设 / 房屋安全与改造', label: '房屋安全与改造', confidence: 0.61 }],
  alerts: [{ kind: 'out_of_scope', code: 'OOS01', label: '涉法涉诉', matched: ['判决书'], blocking: false, script: '您反映的事项已经进入司法程序，请向法院咨询。' }],
}
// A 2 % category guess: the units are listed but the server asks for a choice.
const WEAK = {
  classifier_available: true, location: null, knowledge: [], alerts: [], elapsed_us: 700, unit_needs_choice: true,
  categories: [{ code: '0101', name: '城乡建设 / 房屋安全与改造', label: '房屋安全与改造', confidence: 0.02 }],
  units: [
    { unit: { code: 'LC-D01', name: '东城区' }, score: 0.02, co_units: [], reasons: ['目录无规则'] },
    { unit: { code: 'LC-D01-S01', name: '东华街道' }, score: 0.01, co_units: [], reasons: ['目录无规则'] },
  ],
}
const UNITS = [
  { code: 'LC', name: '临川市', kind: 'city', parent: null },
  { code: 'LC-D01', name: '东城区', kind: 'district', parent: 'LC' },
  { code: 'LC-D01-S01', name: '东华街道', kind: 'street', parent: 'LC-D01' },
]
const ticket = (extra = {}) => ({
  id: 9, number: 'LC20261123000009', state: 'triage', content: 'x', kb_entry: null, emergency_number: null,
  available_commands: ['answer-directly', 'to-dispatch', 'dispatch', 'out-of-scope', 'transfer-emergency', 'merge'], ...extra,
})

function respond(status, body) {
  return Promise.resolve({ ok: status < 300, status, headers: { get: () => null }, text: () => Promise.resolve(JSON.stringify(body)) })
}

let calls
function server(url, init = {}) {
  const method = init.method || 'GET'
  const body = init.body ? JSON.parse(init.body) : undefined
  calls.push({ method, url, body })
  if (url === '/api/v1/units') return respond(200, { items: UNITS })
  if (url === '/api/v1/categories') return respond(200, { items: [{ code: '01', name: '城乡建设', level: 1, parent: null }, { code: '0101', name: '房屋安全与改造', level: 2, parent: '01' }] })
  if (url === '/api/v1/triage') {
    if (body.content.includes('着火')) return respond(200, FIRE)
    if (body.content.includes('社保卡')) return respond(200, SOCIAL)
    if (body.content.includes('判决书')) return respond(200, LAWSUIT)
    if (body.content.includes('这个事情')) return respond(200, body.category ? { ...WEAK, unit_needs_choice: false } : WEAK)
    return respond(200, { ...FIRE, alerts: [] })
  }
  if (url === '/api/v1/tickets' && method === 'POST') return respond(201, ticket({ content: body.content }))
  if (url === '/api/v1/tickets/9/transfer-emergency') return respond(200, ticket({ state: 'transferred', emergency_number: body.number, available_commands: [] }))
  if (url === '/api/v1/tickets/9/out-of-scope') return respond(200, ticket({ state: 'out_of_scope', available_commands: [] }))
  if (url === '/api/v1/tickets/9/answer-directly') return respond(200, ticket({ state: 'answered_directly', kb_entry: body.kb_entry, available_commands: [] }))
  if (url === '/api/v1/kb/KB-0001') return respond(200, { id: 'KB-0001', question: '社保卡丢失了怎么补办？', answer: '先通过“临川通”App办理挂失，再到合作银行网点补办。', version: 1 })
  return respond(404, { error: { code: 'not_found', message: url } })
}

const triageCalls = () => calls.filter((c) => c.url === '/api/v1/triage')
const urls = () => calls.filter((c) => c.method === 'POST' && c.url !== '/api/v1/triage').map((c) => c.url)

async function mountIntake() {
  const w = mount(IntakeView, {
    attachTo: document.body,
    global: { plugins: [createPinia(), i18n], stubs: { RouterLink: true, UnitPicker: true } },
  })
  await flushPromises()
  return w
}

async function typeContent(w, text) {
  await w.find('textarea[data-test="intake-content"]').setValue(text)
  await vi.advanceTimersByTimeAsync(300)
  await flushPromises()
}

beforeEach(() => {
  setActivePinia(createPinia())
  configureClient({ getToken: () => 't', unauthorized: () => {} })
  calls = []
  vi.stubGlobal('fetch', vi.fn(server))
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('受理台 live suggestions', () => {
  it('asks once, 300 ms after the operator stops typing', async () => {
    const w = await mountIntake()
    await w.find('textarea[data-test="intake-content"]').setValue('楼下')
    await vi.advanceTimersByTimeAsync(200)
    await w.find('textarea[data-test="intake-content"]').setValue('楼下饭店着火了，浓烟很大')
    await vi.advanceTimersByTimeAsync(299)
    expect(triageCalls()).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    await flushPromises()
    expect(triageCalls()).toHaveLength(1)
    expect(triageCalls()[0].body).toEqual({ content: '楼下饭店着火了，浓烟很大', enterprise: false })
    // The address, the enterprise switch and the category are part of the question too.
    await w.find('input[data-test="intake-address"]').setValue('东华街道')
    await vi.advanceTimersByTimeAsync(300)
    await flushPromises()
    expect(triageCalls()[1].body).toEqual({ content: '楼下饭店着火了，浓烟很大', address: '东华街道', enterprise: false })
    expect(w.find('[data-test="triage-elapsed"]').text()).toBe('分析耗时 2.14 ms')
    w.unmount()
  })

  it('still asks for suggestions when the ticket is saved before the pause (they guide the outcome)', async () => {
    const w = await mountIntake()
    await w.find('textarea[data-test="intake-content"]').setValue('社保卡丢了怎么补办')
    await w.find('[data-test="intake-save"]').trigger('click')
    await flushPromises()
    expect(triageCalls()).toHaveLength(1)
    expect(urls()).toEqual(['/api/v1/tickets'])
    expect(w.find('[data-test="kb-hit-KB-0001"]').exists()).toBe(true)
    await vi.advanceTimersByTimeAsync(1000)
    expect(triageCalls()).toHaveLength(1)
    w.unmount()
  })

  it('offers 紧急 / 重要 / 一般 (一般 by default) and sends the urgency chosen', async () => {
    const w = await mountIntake()
    const group = w.find('[data-test="intake-urgency"]')
    expect(group.text()).toBe('紧急重要一般')
    expect(w.find('[data-test="intake-urgency-normal"] input').element.checked).toBe(true)
    await w.find('[data-test="intake-urgency-urgent"] input').setValue(true)
    await w.find('textarea[data-test="intake-content"]').setValue('独居老人家中停电，用制氧机')
    await w.find('[data-test="intake-save"]').trigger('click')
    await flushPromises()
    const saved = calls.find((c) => c.method === 'POST' && c.url === '/api/v1/tickets')
    expect(saved.body.urgency).toBe('urgent')
    expect(saved.body).not.toHaveProperty('urgent')
    w.unmount()
  })

  it('shows a fire as a blocking 119 banner and transfers in one click (saving the ticket first)', async () => {
    const w = await mountIntake()
    await typeContent(w, '楼下饭店着火了，浓烟很大')
    const banner = w.find('[data-test="emergency-banner"]')
    expect(banner.exists()).toBe(true)
    expect(banner.text()).toContain('119')
    expect(banner.text()).toContain('着火、浓烟')
    expect(w.find('[data-test="suggest-alerts"]').text()).toContain('已识别紧急情形（119）')
    await w.find('[data-test="emergency-transfer-119"]').trigger('click')
    await flushPromises()
    expect(urls()).toEqual(['/api/v1/tickets', '/api/v1/tickets/9/transfer-emergency'])
    expect(calls.find((c) => c.url.endsWith('/transfer-emergency')).body).toEqual({ number: '119' })
    expect(w.find('[data-test="emergency-done"]').text()).toBe('已转接 119')
    expect(w.find('[data-test="intake-done"]').text()).toContain('已紧急转接')
    w.unmount()
  })

  it('says plainly that no classifier is loaded, and shows knowledge-base hits safely', async () => {
    const w = await mountIntake()
    await typeContent(w, '社保卡丢了怎么补办')
    expect(w.find('[data-test="no-model"]').text()).toContain('未加载分类模型')
    expect(w.findAll('[data-test="category-suggestion"]')).toHaveLength(0)
    const hit = w.find('[data-test="kb-hit-KB-0001"]')
    const question = hit.find('[data-test="kb-question"]')
    expect(question.findAll('em').map((e) => e.text())).toEqual(['社保卡', '补办'])
    expect(question.text()).toBe('社保卡丢失了怎么补办…')
    expect(hit.find('script').exists()).toBe(false)
    expect(hit.text()).not.toContain('alert(1)')
    // The place: district › street, and a click fills the area field.
    expect(w.find('[data-test="location-path"]').text()).toContain('东华街道')
    w.unmount()
  })

  it('answers directly with a knowledge-base entry: kb_entry and the answer go to answer-directly', async () => {
    const w = await mountIntake()
    await typeContent(w, '社保卡丢了怎么补办')
    await w.find('[data-test="kb-hit-KB-0001"] [data-test="kb-use"]').trigger('click')
    await flushPromises()
    expect(urls()).toEqual(['/api/v1/tickets'])
    const textarea = document.querySelector('[data-test="dialog-answer-directly"] [data-test="field-content"] textarea')
    expect(textarea.value).toContain('办理挂失')
    expect(document.querySelector('[data-test="dialog-answer-directly"] [data-test="field-kb_entry"] input').value).toBe('KB-0001')
    document.querySelector('[data-test="dialog-submit"]').click()
    await flushPromises()
    const answer = calls.find((c) => c.url.endsWith('/answer-directly'))
    expect(answer.body).toEqual({ content: '先通过“临川通”App办理挂失，再到合作银行网点补办。', kb_entry: 'KB-0001' })
    expect(w.find('[data-test="intake-done"]').text()).toContain('已直办')
    expect(w.find('[data-test="intake-kb-entry"]').text()).toContain('KB-0001')
    w.unmount()
  })

  it('offers 超出职责 with the script as the reason, and category suggestions that fill the field', async () => {
    const w = await mountIntake()
    await typeContent(w, '法院判决书下来了对方不执行')
    expect(w.find('[data-test="emergency-banner"]').exists()).toBe(false)
    expect(w.find('[data-test="oos-OOS01"]').text()).toContain('您反映的事项已经进入司法程序')
    const cats = w.findAll('[data-test="category-suggestion"]')
    expect(cats).toHaveLength(1)
    expect(cats[0].text()).toContain('61%')
    await cats[0].trigger('click')
    await vi.advanceTimersByTimeAsync(300)
    await flushPromises()
    expect(triageCalls().at(-1).body.category).toBe('0101') // the new category is asked about too

    await w.find('[data-test="oos-action-OOS01"]').trigger('click')
    await flushPromises()
    expect(urls()).toEqual(['/api/v1/tickets', '/api/v1/tickets/9/out-of-scope'])
    expect(calls.find((c) => c.url.endsWith('/out-of-scope')).body).toEqual({ reason: '您反映的事项已经进入司法程序，请向法院咨询。' })
    expect(calls.find((c) => c.url === '/api/v1/tickets').body.category).toBe('0101')
    w.unmount()
  })

  it('shows 请人工选择 instead of a 派单默认 unit when the category guess is below the floor', async () => {
    const w = await mountIntake()
    await typeContent(w, '我想问一下这个事情怎么弄')
    const card = w.find('[data-test="suggest-units"]')
    expect(card.findAll('[data-test="unit-suggestion"]')).toHaveLength(2) // still listed, ranked
    expect(card.find('[data-test="units-need-choice"]').text()).toContain('请人工选择')
    expect(card.findAll('.unit.chosen')).toHaveLength(0) // no 派单默认 tag
    expect(card.findAll('[data-test="unit-choose"]')).toHaveLength(2) // each can be chosen
    // Once the ticket is saved, 直接派单 preselects nothing and says why.
    await w.find('[data-test="intake-save"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-test="dispatch-hint"]').exists()).toBe(false)
    expect(w.find('[data-test="dispatch-needs-choice"]').text()).toContain('请人工选择')
    // The operator's choice becomes the default.
    await card.findAll('[data-test="unit-choose"]')[1].trigger('click')
    expect(card.find('[data-test="units-need-choice"]').exists()).toBe(false)
    expect(card.findAll('[data-test="unit-suggestion"]')[1].classes()).toContain('chosen')
    expect(card.findAll('[data-test="unit-suggestion"]')[1].text()).toContain('派单默认')
    expect(w.find('[data-test="dispatch-hint"]').text()).toContain('东华街道')
    w.unmount()
  })

  it('preselects the first unit when the category is confident', async () => {
    const w = await mountIntake()
    await typeContent(w, '我想问一下这个事情怎么弄')
    await w.find('[data-test="category-suggestion"]').trigger('click') // the operator picks a category
    await vi.advanceTimersByTimeAsync(300)
    await flushPromises()
    const card = w.find('[data-test="suggest-units"]')
    expect(card.find('[data-test="units-need-choice"]').exists()).toBe(false)
    expect(card.findAll('[data-test="unit-suggestion"]')[0].classes()).toContain('chosen')
    w.unmount()
  })
})
