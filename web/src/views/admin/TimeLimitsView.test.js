import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { h } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { RouterView, createMemoryHistory, createRouter } from 'vue-router'
import { i18n } from '../../i18n/index.js'
import { configureClient } from '../../api/client.js'
import TimeLimitsView from './TimeLimitsView.vue'

vi.mock('element-plus/es/components/message-box/index.mjs', () => ({ ElMessageBox: { confirm: vi.fn(() => Promise.resolve()) } }))

const text = (over = {}) => ({
  rule: 'default', appeal_type: '', category: '', urgency: '', channel: '', enterprise: '',
  sign: '24 natural_hours', contact: '1 working_days', reply: '7 natural_days', handle: '7 natural_days',
  callback: '2 working_days', note: '一般诉求', ...over,
})
const POLICIES = {
  version: 2,
  limit_max_amount: 10000,
  rules: [
    { rule: 'default', text: text() },
    { rule: 'urgent', text: text({ rule: 'urgent', urgency: 'urgent', sign: '1 natural_hours', note: '紧急' }) },
  ],
  working_hours: [{ start: '09:00', end: '12:00' }, { start: '13:30', end: '17:30' }],
}

function respond(status, body) {
  return Promise.resolve({ ok: status < 300, status, text: () => Promise.resolve(JSON.stringify(body)) })
}
let putAnswer
beforeEach(() => {
  setActivePinia(createPinia())
  configureClient({ getToken: () => 't', unauthorized: () => {} })
  putAnswer = (init) => respond(200, { ...POLICIES, version: 3, rules: JSON.parse(init.body).rules.map((t) => ({ rule: t.rule, text: t })) })
  vi.stubGlobal('fetch', vi.fn((url, init) => {
    if (init.method === 'PUT') return putAnswer(init)
    if (url.startsWith('/api/v1/policies')) return respond(200, POLICIES)
    return respond(404, {})
  }))
})
afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

async function mountView() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: TimeLimitsView }] })
  router.push('/')
  await router.isReady()
  const w = mount({ render: () => h(RouterView) }, { global: { plugins: [i18n, router] }, attachTo: document.body })
  await flushPromises()
  return w
}

describe('TimeLimitsView', () => {
  it('lists the rules in words and saves a change as the whole set with the version read', async () => {
    const w = await mountView()
    expect(w.find('[data-test="tl-rule-1"]').text()).toBe('urgent')
    expect(w.find('[data-test="tl-sign-0"]').text()).toBe('24 小时')
    expect(w.find('[data-test="tl-source"]').text()).toBe('当前规则为控制台第 2 版')
    expect(w.find('[data-test="tl-clean"]').exists()).toBe(true)
    await w.find('input[data-test="tl-start-0"]').setValue('08:30')
    expect(w.find('[data-test="tl-dirty"]').text()).toBe('有 1 处修改尚未保存')
    await w.find('[data-test="tl-save"]').trigger('click')
    await flushPromises()
    const put = fetch.mock.calls.find(([, init]) => init.method === 'PUT')
    expect(put[0]).toBe('/api/v1/policies')
    const body = JSON.parse(put[1].body)
    expect(body.version).toBe(2)
    expect(body.rules).toEqual(POLICIES.rules.map((r) => r.text)) // no local ids on the wire
    expect(body.working_hours[0]).toEqual({ start: '08:30', end: '12:00' })
    expect(w.find('[data-test="tl-clean"]').exists()).toBe(true)
  })

  it('finds problems before sending and shows the server\'s refusal in words', async () => {
    const w = await mountView()
    await w.find('input[data-test="tl-end-1"]').setValue('11:00')
    await w.find('[data-test="tl-save"]').trigger('click')
    await flushPromises()
    expect(fetch.mock.calls.some(([, init]) => init.method === 'PUT')).toBe(false)
    expect(w.find('[data-test="tl-problem"]').text()).toBe('第 2 个工作时段：结束时间须晚于开始时间')

    await w.find('input[data-test="tl-end-1"]').setValue('17:30')
    await w.find('input[data-test="tl-start-0"]').setValue('08:00')
    putAnswer = () => respond(409, { error: { code: 'conflict', reason: 'stale_version', message: 'stale', params: { version: '3' } } })
    await w.find('[data-test="tl-save"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-test="tl-refused-text"]').text()).toBe('规则已被他人修改并保存，请重新加载后再编辑')

    putAnswer = () => respond(400, {
      error: { code: 'invalid_argument', reason: 'invalid_value', message: 'rule 2: handle \'3 x\' is not AMOUNT UNIT', field: 'handle', params: { line: '2', list: 'rules', value: '3 x' } },
    })
    await w.find('[data-test="tl-save"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-test="tl-refused-text"]').text()).toBe('第 2 条规则：办结时限的取值“3 x”无效')
    expect(w.find('[data-test="tl-dirty"]').exists()).toBe(true) // nothing lost
  })
})
