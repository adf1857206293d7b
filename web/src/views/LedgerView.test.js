import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { i18n } from '../i18n/index.js'
import { configureClient } from '../api/client.js'
import { monthOf } from '../domain/ledger.js'
import LedgerView from './LedgerView.vue'

const LEDGER = {
  month: '2026-11',
  total: 3,
  cleared: 2,
  open: 1,
  rate: 2 / 3,
  matching: 3,
  page: 1,
  per_page: 20,
  items: [
    {
      id: 7, number: 'LC7', content: '路灯不亮', lead_unit: 'LC-D01-S01', lead_unit_name: '东华街道', state: 'closed',
      unsatisfied_at: '2026-11-03T10:15:00+08:00', unsatisfied_callbacks: 1, satisfaction: 'unsatisfied', resolved: false,
      dissatisfaction: 'unresolved', cleared: true, cleared_at: '2026-11-20T09:00:00+08:00', cleared_how: 'closed_with_reason',
      clear_reason: '已解释',
    },
    {
      id: 8, number: 'LC8', content: '垃圾未清运', lead_unit: 'LC-D02-S01', lead_unit_name: '湖滨街道', state: 'unsatisfied',
      unsatisfied_at: '2026-11-05T10:15:00+08:00', unsatisfied_callbacks: 2, satisfaction: 'unsatisfied', resolved: false,
      dissatisfaction: 'slow', cleared: false, cleared_at: null, cleared_how: null, clear_reason: null,
    },
  ],
}

function respond(body, status = 200) {
  return Promise.resolve({
    ok: status < 300,
    status,
    text: () => Promise.resolve(JSON.stringify(body)),
    blob: () => Promise.resolve(new Blob(['x'])),
    headers: { get: (k) => (k === 'Content-Disposition' ? "attachment; filename=\"download\"; filename*=UTF-8''a.csv" : 'text/csv') },
  })
}

beforeEach(() => {
  setActivePinia(createPinia())
  configureClient({ getToken: () => 'tok', unauthorized: () => {} })
  vi.stubGlobal('fetch', vi.fn((url) => (url.startsWith('/api/v1/ledger') ? respond(LEDGER) : respond({ items: [] }))))
  URL.createObjectURL = vi.fn(() => 'blob:x')
  URL.revokeObjectURL = vi.fn()
})
afterEach(() => vi.unstubAllGlobals())

const ledgerCalls = () => fetch.mock.calls.filter(([url]) => url.startsWith('/api/v1/ledger'))

describe('LedgerView', () => {
  it('asks for this month, shows the counts, the rate and the rows', async () => {
    const w = mount(LedgerView, { global: { plugins: [i18n], stubs: { RouterLink: RouterLinkStub, UnitPicker: true } } })
    await flushPromises()
    expect(ledgerCalls()[0][0]).toBe(`/api/v1/ledger?month=${monthOf(new Date())}&page=1&per_page=20`)
    expect(w.find('[data-test="ledger-rate"]').text()).toBe('66.7%')
    expect(w.find('[data-test="ledger-total"]').text()).toContain('3')
    const text = w.find('[data-test="ledger-table"]').text()
    expect(text).toContain('东华街道')
    expect(text).toContain('督办结案（记录原因）')
    expect(text).toContain('办理拖延')
    expect(w.findAll('[data-test="ledger-row-cleared"]').map((x) => x.text())).toEqual(['已清零', '未清零'])
  })

  it('exports the filtered month with the bearer token', async () => {
    const w = mount(LedgerView, { global: { plugins: [i18n], stubs: { RouterLink: RouterLinkStub, UnitPicker: true } } })
    await flushPromises()
    await w.find('[data-test="ledger-export-xlsx"]').trigger('click')
    await flushPromises()
    const [url, init] = ledgerCalls().at(-1)
    expect(url).toBe(`/api/v1/ledger?month=${monthOf(new Date())}&format=xlsx`)
    expect(init.headers.Authorization).toBe('Bearer tok')
    expect(URL.createObjectURL).toHaveBeenCalled()
  })
})
