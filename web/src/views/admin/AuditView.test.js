import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { i18n } from '../../i18n/index.js'
import { configureClient } from '../../api/client.js'
import AuditView from './AuditView.vue'

const record = (seq, action = 'replace_catalog') => ({
  seq,
  at: `2026-11-23T16:${String(seq % 60).padStart(2, '0')}:00+08:00`,
  actor: 'admin',
  action,
  summary: `change ${seq}`,
})
// 70 records, newest first.
const ALL = Array.from({ length: 70 }, (_, i) => record(70 - i, i % 3 === 0 ? 'create_user' : 'replace_catalog'))

function respond(status, body) {
  return Promise.resolve({ ok: status < 300, status, text: () => Promise.resolve(JSON.stringify(body)) })
}
let fail
beforeEach(() => {
  setActivePinia(createPinia())
  configureClient({ getToken: () => 't', unauthorized: () => {} })
  fail = null
  vi.stubGlobal('fetch', vi.fn((url) => {
    if (fail) return respond(fail, { error: { code: 'forbidden', message: 'no' } })
    const q = new URL(url, 'http://x').searchParams
    const page = Number(q.get('page'))
    const perPage = Number(q.get('per_page'))
    return respond(200, { items: ALL.slice((page - 1) * perPage, page * perPage), page, per_page: perPage })
  }))
})
afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

async function mountView() {
  const w = mount(AuditView, { global: { plugins: [i18n] }, attachTo: document.body })
  await flushPromises()
  return w
}
const lastUrl = () => fetch.mock.calls.at(-1)[0]
const disabled = (w, name) => w.find(`[data-test="${name}"]`).attributes('disabled') !== undefined

describe('AuditView', () => {
  it('shows a page with Chinese actions and pages forward until a short page', async () => {
    const w = await mountView()
    expect(lastUrl()).toBe('/api/v1/audit?page=1&per_page=50')
    expect(w.findAll('[data-test="audit-action"]')).toHaveLength(50)
    expect(w.find('[data-test="audit-action"]').text()).toBe('新建用户')
    expect(w.findAll('[data-test="audit-action"]')[1].text()).toBe('替换分派目录')
    expect(w.find('[data-test="audit-actor"]').text()).toBe('admin')
    expect(w.find('[data-test="audit-at"]').text()).toBe('2026-11-23 16:10:00')
    expect(disabled(w, 'audit-prev')).toBe(true)
    expect(disabled(w, 'audit-next')).toBe(false)

    await w.find('[data-test="audit-next"]').trigger('click')
    await flushPromises()
    expect(lastUrl()).toBe('/api/v1/audit?page=2&per_page=50')
    expect(w.find('[data-test="audit-page"]').text()).toBe('第 2 页')
    expect(w.findAll('[data-test="audit-action"]')).toHaveLength(20)
    expect(disabled(w, 'audit-next')).toBe(true) // 20 < 50: the last page
    expect(disabled(w, 'audit-prev')).toBe(false)

    await w.find('[data-test="audit-prev"]').trigger('click')
    await flushPromises()
    expect(lastUrl()).toBe('/api/v1/audit?page=1&per_page=50')
    expect(w.find('[data-test="audit-page"]').text()).toBe('第 1 页')
  })

  it('refreshes the current page and says what went wrong in Chinese', async () => {
    const w = await mountView()
    const calls = fetch.mock.calls.length
    fail = 403
    await w.find('[data-test="audit-refresh"]').trigger('click')
    await flushPromises()
    expect(fetch.mock.calls.length).toBe(calls + 1)
    expect(w.find('[data-test="audit-error"]').text()).toMatch(/[\u4e00-\u9fff]/)
    expect(w.findAll('[data-test="audit-action"]')).toHaveLength(50) // the page shown stays
    fail = null
    await w.find('[data-test="audit-refresh"]').trigger('click')
    await flushPromises()
    expect(w.find('[data-test="audit-error"]').exists()).toBe(false)
  })
})
