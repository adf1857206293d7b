import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { i18n } from '../i18n/index.js'
import { configureClient } from '../api/client.js'
import CommandDialog from './CommandDialog.vue'
import TicketRefField from './TicketRefField.vue'

function respond(status, body) {
  return Promise.resolve({ ok: status < 300, status, text: () => Promise.resolve(JSON.stringify(body)) })
}

const RELATED = {
  items: [
    { id: 41, number: 'LC20261122000041', state: 'merged', created_at: '2026-11-22T09:00:00+08:00', content: '路灯坏了', relation: 'merged' },
    { id: 40, number: 'LC20261120000040', state: 'dispatched', created_at: '2026-11-20T09:00:00+08:00', content: '同一路段路灯不亮，晚上很黑', relation: 'similar' },
    { id: 7, number: 'LC20261101000007', state: 'in_progress', created_at: '2026-11-01T10:30:00+08:00', content: '幸福里路灯不亮', relation: 'same_caller' },
    { id: 8, number: 'LC20261102000008', state: 'closed', created_at: '2026-11-02T09:00:00+08:00', content: '噪音扰民', relation: 'same_caller' },
  ],
}
const ticket = { id: 9, number: 'LC20261123000009', state: 'triage', content: '路灯不亮', available_commands: ['merge'] }
let routes
let pinia
const plugins = () => ({ global: { plugins: [pinia, i18n], stubs: { UnitPicker: true } }, attachTo: document.body })

beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  configureClient({ getToken: () => 't', unauthorized: () => {} })
  routes = { 'GET /api/v1/tickets/9/related': () => respond(200, RELATED) }
  vi.stubGlobal('fetch', vi.fn((url, init = {}) => {
    const answer = routes[`${init.method || 'GET'} ${url}`]
    return answer ? answer(init) : respond(404, { error: { code: 'not_found' } })
  }))
})
afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

const candidateIds = () => [...document.querySelectorAll('label[data-test^="merge-candidate-"]')].map((e) => e.getAttribute('data-test'))

describe('TicketRefField', () => {
  it('offers the open related tickets with number, state, reason, time and content; one click fills the field', async () => {
    const w = mount(TicketRefField, { props: { modelValue: '', ticket, candidates: true }, ...plugins() })
    await flushPromises()
    expect(fetch).toHaveBeenCalledWith('/api/v1/tickets/9/related', expect.objectContaining({ method: 'GET' }))
    expect(candidateIds()).toEqual(['merge-candidate-7', 'merge-candidate-40']) // not merged, not closed; same caller first
    const first = w.find('[data-test="merge-candidate-7"]')
    expect(first.text()).toContain('LC20261101000007')
    expect(first.text()).toContain('办理中')
    expect(first.text()).toContain('同一来电人')
    expect(first.text()).toContain('2026-11-01 10:30')
    expect(first.text()).toContain('幸福里路灯不亮')
    expect(w.find('[data-test="merge-candidate-40"] [data-test="merge-candidate-reason"]').text()).toBe('相似诉求')
    expect(w.find('[data-test="merge-candidates-none"]').exists()).toBe(false)

    await w.find('[data-test="merge-candidate-40"] input[type="radio"]').setValue(true)
    expect(w.emitted('update:modelValue')).toEqual([['LC20261120000040']])
    w.unmount()
  })

  it('marks the candidate the user typed, in any case', async () => {
    const w = mount(TicketRefField, { props: { modelValue: 'lc20261101000007', ticket, candidates: true }, ...plugins() })
    await flushPromises()
    expect(w.find('[data-test="merge-candidate-7"] input').element.checked).toBe(true)
    expect(w.find('[data-test="merge-candidate-40"] input').element.checked).toBe(false)
    await w.find('input[data-test="ticket-ref-input"]').setValue('LC20261123000099')
    expect(w.emitted('update:modelValue').at(-1)).toEqual(['LC20261123000099'])
    w.unmount()
  })

  it('says so when there is no candidate, or the related list fails', async () => {
    routes['GET /api/v1/tickets/9/related'] = () => respond(200, { items: [RELATED.items[0], RELATED.items[3]] })
    const w = mount(TicketRefField, { props: { modelValue: '', ticket, candidates: true }, ...plugins() })
    await flushPromises()
    expect(w.find('[data-test="merge-candidates-none"]').text()).toBe('未找到可并入的工单，请输入主单编号')
    w.unmount()
    routes['GET /api/v1/tickets/9/related'] = () => respond(500, { error: { code: 'internal' } })
    const failed = mount(TicketRefField, { props: { modelValue: '', ticket, candidates: true }, ...plugins() })
    await flushPromises()
    expect(failed.find('[data-test="merge-candidates-none"]').exists()).toBe(true)
    expect(failed.find('[data-test="ticket-ref-input"]').exists()).toBe(true)
    failed.unmount()
  })

  it('asks nothing of the server when the field offers no candidates', async () => {
    const w = mount(TicketRefField, { props: { modelValue: '', ticket }, ...plugins() })
    await flushPromises()
    expect(fetch).not.toHaveBeenCalled()
    expect(w.find('[data-test="merge-candidates"]').exists()).toBe(false)
    w.unmount()
  })
})

describe('CommandDialog 并单', () => {
  it('sends the candidate picked in one click as the main ticket', async () => {
    routes['POST /api/v1/tickets/9/merge'] = () => respond(200, { ...ticket, state: 'merged', main_ticket: 7, available_commands: [] })
    const w = mount(CommandDialog, { props: { modelValue: true, command: 'merge', ticket }, ...plugins() })
    await flushPromises()
    document.querySelector('[data-test="merge-candidate-7"] input').click()
    await flushPromises()
    expect(document.querySelector('[data-test="field-main_ticket"] input[data-test="ticket-ref-input"]').value).toBe('LC20261101000007')
    document.querySelector('[data-test="dialog-submit"]').click()
    await flushPromises()
    const sent = fetch.mock.calls.find(([url]) => url === '/api/v1/tickets/9/merge')
    expect(JSON.parse(sent[1].body)).toEqual({ main_ticket: 'LC20261101000007' })
    expect(w.emitted('done')[0][0].main_ticket).toBe(7)
    w.unmount()
  })
})
