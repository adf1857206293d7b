import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { h } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { RouterView, createMemoryHistory, createRouter } from 'vue-router'
import { i18n } from '../../i18n/index.js'
import { configureClient } from '../../api/client.js'
import CatalogView from './CatalogView.vue'

vi.mock('element-plus/es/components/message-box/index.mjs', () => ({ ElMessageBox: { confirm: vi.fn(() => Promise.resolve()) } }))

const UNITS = [
  { code: 'LC', name: '临川市', kind: 'city', parent: null },
  { code: 'LC-D01', name: '东城区', kind: 'district', parent: 'LC' },
  { code: 'LC-ZJ', name: '市住建局', kind: 'department', parent: 'LC' },
  { code: 'LC-SW', name: '市水务局', kind: 'department', parent: 'LC' },
]
const CATS = [
  { code: '01', name: '城乡建设', level: 1, parent: null },
  { code: '0101', name: '房屋安全', level: 2, parent: '01' },
  { code: '02', name: '水电气暖', level: 1, parent: null },
]
const RULES = [
  { category: '01', area: null, enterprise: 'any', lead: 'LC-ZJ', co_units: [] },
  { category: '0101', area: 'LC-D01', enterprise: 'any', lead: 'LC-ZJ', co_units: ['LC-SW'] },
  { category: '02', area: null, enterprise: 'yes', lead: 'LC-SW', co_units: [] },
]

function respond(status, body) {
  return Promise.resolve({ ok: status < 300, status, text: () => Promise.resolve(JSON.stringify(body)) })
}
let putAnswer
beforeEach(() => {
  setActivePinia(createPinia())
  configureClient({ getToken: () => 't', unauthorized: () => {} })
  putAnswer = () => respond(200, { total: 2 })
  vi.stubGlobal('fetch', vi.fn((url, init) => {
    if (init.method === 'PUT') return putAnswer(init)
    if (url.startsWith('/api/v1/units')) return respond(200, { items: UNITS })
    if (url.startsWith('/api/v1/categories')) return respond(200, { items: CATS })
    if (url.startsWith('/api/v1/catalog')) return respond(200, { items: RULES })
    return respond(404, {})
  }))
})
afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

async function mountView() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: CatalogView }] })
  router.push('/')
  await router.isReady()
  const w = mount({ render: () => h(RouterView) }, { global: { plugins: [i18n, router], stubs: { UnitPicker: true } }, attachTo: document.body })
  await flushPromises()
  return w
}

describe('CatalogView', () => {
  it('lists the rules with names, filters them, and saves a deletion as the whole catalog', async () => {
    const w = await mountView()
    expect(w.find('[data-test="rule-shown"]').text()).toBe('显示 3 / 3 条')
    expect(w.find('[data-test="rule-category-1"]').text()).toBe('房屋安全')
    expect(w.find('[data-test="rule-lead-2"]').text()).toBe('市水务局')
    await w.find('input[data-test="rule-filter-q"]').setValue('水务')
    expect(w.find('[data-test="rule-shown"]').text()).toBe('显示 2 / 3 条')
    await w.find('input[data-test="rule-filter-q"]').setValue('')

    expect(w.find('[data-test="admin-clean"]').exists()).toBe(true)
    await w.find('[data-test="rule-delete-0"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-test="admin-dirty"]').text()).toBe('有 1 处修改尚未保存')
    await w.find('[data-test="admin-save"]').trigger('click')
    await flushPromises()
    const put = fetch.mock.calls.find(([, init]) => init.method === 'PUT')
    expect(put[0]).toBe('/api/v1/catalog')
    expect(JSON.parse(put[1].body)).toEqual({ items: RULES.slice(1) }) // no local ids on the wire
    expect(w.find('[data-test="admin-clean"]').exists()).toBe(true)
  })

  it('shows the server\'s refusal in words, naming the rule and the unit', async () => {
    putAnswer = () => respond(400, {
      error: { code: 'invalid_argument', reason: 'unknown_unit', message: 'rule 2: unknown unit LC-SW', field: 'co_units', params: { rule: '2', code: 'LC-SW' } },
    })
    const w = await mountView()
    await w.find('[data-test="rule-delete-0"]').trigger('click')
    await flushPromises()
    await w.find('[data-test="admin-save"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-test="admin-rejected-text"]').text()).toBe('第 2 条规则：协办单位 「市水务局（LC-SW）」 不存在')
    expect(w.find('[data-test="admin-dirty"]').exists()).toBe(true) // nothing lost
  })
})
