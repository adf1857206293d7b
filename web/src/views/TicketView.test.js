import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { i18n } from '../i18n/index.js'
import { configureClient } from '../api/client.js'
import TicketView from './TicketView.vue'

// A ticket with the fields the lead adds (issue 9): reply details, last_return's kind
// and suggested unit, urgent / urge_count / dispatch_note, and internals not to show.
const TICKET = {
  id: 7, number: 'LC20261201000007', state: 'to_dispatch', version: 12, priority: 2, urgent: false,
  urge_count: 3, last_urged_at: '2026-12-01T10:00:00+08:00', supplement_count: 1, dispatch_note: '请当天联系来电人',
  channel: 'phone', appeal_type: 'complaint', content: '路灯不亮', caller: { name: '张三', phone: '13900000000' },
  location: { lat: 28.019682873249625, lon: 116.3319498807396 }, intake_by: 'operator', intake_by_name: '王敏',
  lead_unit: { code: 'LC-GA', name: '市公安局' }, co_units: [], dispatch_chain: ['LC-GA', 'LC-CG'],
  created_at: '2026-12-01T09:00:00+08:00', updated_at: '2026-12-01T09:30:00+08:00',
  reply: { content: '已处理', result: 'resolved', unit: { code: 'LC-GA', name: '市公安局' }, handler: '李警官', handler_phone: '0791-1234567', contacted_at: '2026-12-01T09:20:00+08:00' },
  last_return: { unit: { code: 'LC-CG', name: '市城市管理局' }, reason: '不属于本单位职责', suggested_unit: { code: 'LC-GA', name: '市公安局' } },
  available_commands: [], events: [],
}
let current = TICKET
const UNITS = [{ code: 'LC-GA', name: '市公安局' }, { code: 'LC-CG', name: '市城市管理局' }]

const respond = (body) => Promise.resolve({ ok: true, status: 200, text: () => Promise.resolve(JSON.stringify(body)) })
beforeEach(() => {
  setActivePinia(createPinia())
  configureClient({ getToken: () => 't', unauthorized: () => {} })
  vi.stubGlobal('fetch', vi.fn((url) => {
    if (String(url).endsWith('/tickets/7')) return respond(current)
    if (String(url).endsWith('/units')) return respond({ items: UNITS })
    return respond({ items: [] })
  }))
})
afterEach(() => {
  current = TICKET
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('TicketView without internals', () => {
  it('shows words and names, not version, priority numbers, long coordinates or unit codes', async () => {
    const w = mount(TicketView, {
      props: { id: '7' },
      global: { plugins: [i18n], stubs: { TicketAttachments: true, RelatedTickets: true, EventTimeline: true, CommandButtons: true, DueCell: true, 'router-link': true } },
    })
    await flushPromises()
    const fields = w.find('[data-test="ticket-fields"]').text()
    expect(fields).not.toContain('版本')
    expect(fields).not.toMatch(/优先级\s*2/)
    expect(fields).toContain('紧急')
    expect(fields).toContain('28.01968, 116.33195')
    expect(fields).toContain('市公安局 → 市城市管理局')
    expect(fields).not.toContain('LC-GA')
    expect(fields).toContain('王敏')
    expect(fields).toContain('请当天联系来电人')
    expect(w.find('[data-test="ticket-priority"]').text()).toBe('紧急')
    expect(w.find('[data-test="ticket-urged"]').text()).toBe('催办 3 次')
    const reply = w.find('[data-test="ticket-reply"]').text()
    expect(reply).toContain('市公安局')
    expect(reply).toContain('李警官 0791-1234567')
    const back = w.find('[data-test="ticket-return"]').text()
    expect(back).toContain('市城市管理局')
    expect(back).toContain('不属于本单位职责')
    expect(back).toContain('建议承办单位')
    w.unmount()
  })
})

describe('TicketView deadlines (issue 10)', () => {
  const mountView = async () => {
    const w = mount(TicketView, {
      props: { id: '7' },
      global: { plugins: [i18n], stubs: { TicketAttachments: true, RelatedTickets: true, EventTimeline: true, CommandButtons: true, 'router-link': true } },
    })
    await flushPromises()
    return w
  }

  it('shows each deadline beside 办理期限, and 重要 in the header', async () => {
    const hour = 3600 * 1000
    const iso = (ms) => new Date(ms + 8 * hour).toISOString().slice(0, 19) + '+08:00'
    const now = Date.now()
    current = {
      ...TICKET, state: 'in_progress', priority: 1, urgency: 'important', urgent: false,
      dispatched_at: iso(now - 3 * hour), due_at: iso(now + 100 * hour),
      deadlines: [
        { kind: 'sign', due_at: iso(now - 2 * hour), state: 'met', met_at: iso(now - 2.5 * hour) },
        { kind: 'contact', due_at: iso(now - hour), state: 'overdue', met_at: null },
        { kind: 'reply', due_at: iso(now + 29.5 * hour), state: 'pending', met_at: null },
        { kind: 'handle', due_at: iso(now + 100 * hour), state: 'pending', met_at: null },
        { kind: 'callback', due_at: null, state: 'pending', met_at: null },
      ],
    }
    const w = await mountView()
    expect(w.find('[data-test="ticket-important"]').text()).toBe('重要')
    expect(w.find('[data-test="ticket-urgent"]').exists()).toBe(false)
    const fields = w.find('[data-test="ticket-fields"]')
    const chips = fields.find('[data-test="deadline-chips"]')
    expect(chips.exists()).toBe(true)
    expect(chips.findAll('.el-tag').map((t) => t.attributes('data-test'))).toEqual([
      'deadline-sign', 'deadline-contact', 'deadline-reply', 'deadline-handle', 'deadline-callback',
    ])
    expect(chips.find('[data-test="deadline-contact"]').text()).toContain('已超 1 小时')
    expect(chips.find('[data-test="deadline-contact"]').attributes('data-severity')).toBe('danger')
    expect(chips.find('[data-test="deadline-reply"]').text()).toContain('还剩 29 小时')
    // The due-time cell itself does not repeat the next deadline.
    expect(fields.find('[data-test="deadline-next"]').exists()).toBe(false)
    w.unmount()
  })

  it('shows no deadlines before the first dispatch', async () => {
    current = { ...TICKET, urgency: 'normal', deadlines: [] }
    const w = await mountView()
    expect(w.find('[data-test="deadline-chips"]').exists()).toBe(false)
    expect(w.find('[data-test="ticket-important"]').exists()).toBe(false)
    w.unmount()
  })
})
