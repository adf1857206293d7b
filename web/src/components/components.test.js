import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { i18n } from '../i18n/index.js'
import { configureClient } from '../api/client.js'
import CommandButtons from './CommandButtons.vue'
import CommandDialog from './CommandDialog.vue'
import StateTag from './StateTag.vue'
import PlaceholderPanel from './PlaceholderPanel.vue'
import DueCell from './DueCell.vue'
import TicketQueue from './TicketQueue.vue'
import LocationSuggest from './intake/LocationSuggest.vue'
import { configureLive, useLiveStore } from '../stores/live.js'
import { FakeEventSource } from '../test-support/fakeEventSource.js'

function respond(status, body) {
  return Promise.resolve({ ok: status < 300, status, text: () => Promise.resolve(JSON.stringify(body)) })
}

let pinia
const plugins = () => ({ global: { plugins: [pinia, i18n], stubs: { UnitPicker: true } } })

beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  configureClient({ getToken: () => 't', unauthorized: () => {} })
  vi.stubGlobal('fetch', vi.fn())
})
afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

const ticket = (extra = {}) => ({ id: 9, number: 'LC20261123000009', state: 'dispatched', content: '路灯不亮', available_commands: ['sign', 'return', 'dispatch', 'supervise'], ...extra })

describe('CommandButtons', () => {
  it('shows only the commands the server allows, narrowed by `only`, in Chinese', () => {
    const w = mount(CommandButtons, { props: { ticket: ticket(), only: ['sign', 'return', 'reply'] }, ...plugins() })
    const labels = w.findAll('button').map((b) => b.text())
    expect(labels).toEqual(['签收', '回退'])
  })

  it('shows nothing when no command is available', () => {
    const w = mount(CommandButtons, { props: { ticket: ticket({ available_commands: [] }) }, ...plugins() })
    expect(w.findAll('button')).toHaveLength(0)
  })

  it('signs in one click and reports the updated ticket', async () => {
    fetch.mockReturnValue(respond(200, ticket({ state: 'in_progress', available_commands: [] })))
    const w = mount(CommandButtons, { props: { ticket: ticket() }, ...plugins() })
    await w.find('[data-test="cmd-sign"]').trigger('click')
    await flushPromises()
    expect(fetch).toHaveBeenCalledWith('/api/v1/tickets/9/sign', expect.objectContaining({ method: 'POST', body: '{}' }))
    expect(w.emitted('done')[0][0].state).toBe('in_progress')
  })
})

describe('CommandDialog', () => {
  it('starts from the values a screen suggests (直接派单 with the suggested unit and co-handlers)', async () => {
    fetch.mockReturnValue(respond(200, ticket({ state: 'dispatched' })))
    const w = mount(CommandButtons, {
      props: { ticket: ticket({ state: 'triage' }), defaults: { dispatch: { unit: 'LC-D01-S01', co_units: ['LC-CG'], bogus: 1 } } },
      attachTo: document.body,
      ...plugins(),
    })
    await w.find('[data-test="cmd-dispatch"]').trigger('click')
    await flushPromises()
    document.querySelector('[data-test="dialog-submit"]').click()
    await flushPromises()
    expect(fetch).toHaveBeenCalledWith('/api/v1/tickets/9/dispatch', expect.objectContaining({ body: JSON.stringify({ unit: 'LC-D01-S01', co_units: ['LC-CG'] }) }))
    w.unmount()
  })

  it('asks for the reason before sending a return, then sends it', async () => {
    fetch.mockReturnValue(respond(200, ticket({ state: 'to_dispatch' })))
    const w = mount(CommandDialog, { props: { modelValue: true, command: 'return', ticket: ticket() }, attachTo: document.body, ...plugins() })
    await flushPromises()
    const submit = document.querySelector('[data-test="dialog-submit"]')
    submit.click()
    await flushPromises()
    await new Promise((r) => setTimeout(r, 150)) // form items show errors after a short debounce
    expect(fetch).not.toHaveBeenCalled()
    expect(document.body.textContent).toContain('请填写「原因」')

    expect(document.body.textContent).toContain('请填写「退回原因」') // the reason from the list, too

    const textarea = document.querySelector('[data-test="field-reason"] textarea')
    textarea.value = '不属于本街道职责'
    textarea.dispatchEvent(new Event('input'))
    document.querySelector('[data-test="field-return_kind"] .el-radio-button input').click()
    await flushPromises()
    submit.click()
    await flushPromises()
    expect(fetch).toHaveBeenCalledWith('/api/v1/tickets/9/return', expect.objectContaining({
      body: JSON.stringify({ return_kind: 'not_our_duty', reason: '不属于本街道职责' }),
    }))
    expect(w.emitted('done')).toHaveLength(1)
    expect(w.emitted('update:modelValue')[0]).toEqual([false])
    w.unmount()
  })

  it('shows the server refusal in Chinese and stays open', async () => {
    fetch.mockReturnValue(respond(409, {
      error: { code: 'conflict', reason: 'state_not_allowed', message: 'answer-directly is not allowed in state closed', params: { command: 'answer-directly', state: 'closed' } },
    }))
    const w = mount(CommandDialog, { props: { modelValue: true, command: 'answer-directly', ticket: ticket() }, attachTo: document.body, ...plugins() })
    await flushPromises()
    const textarea = document.querySelector('[data-test="field-content"] textarea')
    textarea.value = '已处理'
    textarea.dispatchEvent(new Event('input'))
    await flushPromises()
    document.querySelector('[data-test="dialog-submit"]').click()
    await flushPromises()
    expect(document.body.textContent).toContain('工单状态已经变化')
    expect(w.emitted('done')).toBeUndefined()
    w.unmount()
  })
})

describe('CommandDialog phrases and the reply form', () => {
  it('adds a phrase (常用语) to the reply with one click and asks who handled it', async () => {
    const w = mount(CommandDialog, { props: { modelValue: true, command: 'reply', ticket: ticket() }, attachTo: document.body, ...plugins() })
    await flushPromises()
    const phrases = document.querySelectorAll('[data-test="phrases-content"] button')
    expect(phrases.length).toBeGreaterThan(2)
    phrases[0].click()
    phrases[1].click()
    await flushPromises()
    expect(document.querySelector('[data-test="field-content"] textarea').value).toBe('经核实，我单位已联系来电人，')
    for (const f of ['contact_method', 'contacted_at', 'handler', 'handler_phone'])
      expect(document.querySelector(`[data-test="field-${f}"]`), f).not.toBeNull()
    document.querySelector('[data-test="dialog-submit"]').click()
    await flushPromises()
    expect(fetch.mock.calls.filter(([url]) => url.endsWith('/reply'))).toEqual([]) // who handled it is asked for
    w.unmount()
  })
})

describe('CommandDialog 联系诉求人', () => {
  it('records how and when the citizen was reached, with an optional note', async () => {
    fetch.mockReturnValue(respond(200, ticket({ state: 'in_progress' })))
    const w = mount(CommandDialog, { props: { modelValue: true, command: 'contact', ticket: ticket() }, attachTo: document.body, ...plugins() })
    await flushPromises()
    expect(document.body.textContent).toContain('联系诉求人 · 工单 LC20261123000009')
    const methods = [...document.querySelectorAll('[data-test="field-contact_method"] .el-radio-button')].map((b) => b.textContent.trim())
    expect(methods).toEqual(['电话联系', '上门走访', '短信告知', '网络回复'])
    expect(document.querySelector('[data-test="field-contacted_at"]')).not.toBeNull()
    document.querySelectorAll('[data-test="field-contact_method"] .el-radio-button input')[1].click()
    const note = document.querySelector('[data-test="field-content"] textarea')
    note.value = ' 已上门查看，约定周五前处理 '
    note.dispatchEvent(new Event('input'))
    await flushPromises()
    document.querySelector('[data-test="dialog-submit"]').click()
    await flushPromises()
    const [url, init] = fetch.mock.calls[0]
    expect(url).toBe('/api/v1/tickets/9/contact')
    const body = JSON.parse(init.body)
    expect(body).toMatchObject({ contact_method: 'visit', content: '已上门查看，约定周五前处理' })
    expect(Math.abs(body.contacted_at - Date.now() / 1000)).toBeLessThan(120) // now, in seconds
    expect(w.emitted('done')).toHaveLength(1)
    w.unmount()
  })
})

describe('TicketQueue', () => {
  it('filters on the server and takes the row commands from the list, in one request', async () => {
    fetch.mockReturnValue(respond(200, { items: [ticket({ state: 'to_dispatch', return_count: 1, available_commands: ['dispatch', 'merge'] })], total: 1 }))
    const w = mount(TicketQueue, {
      props: { query: { state: ['to_dispatch', 'joint_review'], returned: 1 }, only: ['dispatch', 'transfer-emergency'] },
      global: { plugins: [pinia, i18n], stubs: { RouterLink: true, UnitPicker: true } },
    })
    await flushPromises()
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(fetch.mock.calls[0][0]).toBe('/api/v1/tickets?state=to_dispatch,joint_review&returned=1&page=1&per_page=20')
    expect(w.findAll('[data-test^="cmd-"]').map((b) => b.text())).toEqual(['派单'])

    await w.find('[data-test="queue-q"]').setValue(' lc20261123000009 ')
    await w.find('[data-test="queue-search"]').trigger('click')
    await flushPromises()
    expect(fetch.mock.calls[1][0]).toContain('q=LC20261123000009')
    w.unmount()
  })

  it('counts live changes that concern the queue in a notice, and reloads on a click', async () => {
    FakeEventSource.reset()
    configureLive({ EventSourceImpl: FakeEventSource, random: () => 0.5, verify: null })
    const live = useLiveStore()
    live.start('t')
    const shown = ticket({ state: 'to_dispatch', updated_at: '2026-11-23T09:00:00+08:00' })
    fetch.mockReturnValue(respond(200, { items: [shown], total: 1 }))
    const w = mount(TicketQueue, {
      props: { query: { state: ['to_dispatch'] } },
      global: { plugins: [pinia, i18n], stubs: { RouterLink: true, UnitPicker: true } },
    })
    await flushPromises()
    expect(w.find('[data-test="queue-fresh"]').exists()).toBe(false)
    const send = (data) => FakeEventSource.last.emit('ticket', { command: 'intake', updated_at: '2026-11-23T10:00:00+08:00', ...data })
    send({ id: 20, state: 'to_dispatch' }) // a new ticket in this queue
    send({ id: 20, state: 'to_dispatch' }) // the same one again
    send({ id: 21, state: 'in_progress' }) // elsewhere
    send({ id: 9, state: 'to_dispatch', updated_at: shown.updated_at }) // the version already shown
    send({ id: 9, state: 'dispatched' }) // a row on screen moved on
    await flushPromises()
    expect(w.find('[data-test="queue-fresh"]').text()).toBe('有新工单或工单变化 2 条，点击刷新')
    await w.find('[data-test="queue-fresh"]').trigger('click')
    await flushPromises()
    expect(fetch).toHaveBeenCalledTimes(2)
    expect(w.find('[data-test="queue-fresh"]').exists()).toBe(false)
    w.unmount()
    expect(live.listenerCount()).toBe(0)
    live.stop()
    configureLive({})
  })
})

describe('small pieces', () => {
  it('StateTag shows the Chinese state', () => {
    const w = mount(StateTag, { props: { state: 'to_callback' }, ...plugins() })
    expect(w.text()).toBe('待回访')
  })

  it('PlaceholderPanel says the feature is not there yet', () => {
    const w = mount(PlaceholderPanel, { props: { title: '知识库' }, ...plugins() })
    expect(w.text()).toContain('知识库')
    expect(w.text()).toContain('暂未开放')
  })

  it('DueCell flags overdue tickets and pending extensions', () => {
    const w = mount(DueCell, { props: { ticket: { overdue: true, due_at: '2026-11-20T10:00:00+08:00', state: 'in_progress', extension: { pending: true, days: 3 } } }, ...plugins() })
    expect(w.text()).toContain('2026-11-20 10:00')
    expect(w.text()).toContain('已超期')
    expect(w.text()).toContain('延期待审批（3 个工作日）')
  })

  it('DueCell shows the deadline due next once the ticket has deadlines', () => {
    const now = Date.parse('2026-12-01T12:00:00+08:00')
    const ticket = {
      due_at: '2026-12-08T18:00:00+08:00', state: 'dispatched', overdue: false,
      deadlines: [
        { kind: 'sign', due_at: '2026-12-01T13:00:00+08:00', state: 'pending', met_at: null },
        { kind: 'handle', due_at: '2026-12-08T18:00:00+08:00', state: 'pending', met_at: null },
      ],
    }
    const w = mount(DueCell, { props: { ticket, now }, ...plugins() })
    expect(w.text()).toContain('2026-12-08 18:00')
    expect(w.find('[data-test="deadline-sign"]').text()).toBe('签收还剩 1 小时')
    expect(w.find('[data-test="deadline-handle"]').exists()).toBe(false)
    // The ticket page lists every deadline itself: the cell keeps to the due time.
    expect(mount(DueCell, { props: { ticket, now, deadlines: false }, ...plugins() }).find('[data-test="deadline-next"]').exists()).toBe(false)
    // No deadlines yet (not dispatched): as before.
    const before = mount(DueCell, { props: { ticket: { due_at: '2026-12-01T13:00:00+08:00', state: 'to_dispatch', deadlines: [] }, now }, ...plugins() })
    expect(before.text()).toContain('即将到期')
    expect(before.find('[data-test="deadline-next"]').exists()).toBe(false)
  })
})

describe('LocationSuggest', () => {
  const location = {
    source: 'address', confidence: 0.8, matched: ['东华'],
    district: { code: 'LC-D01', name: '东城区' }, street: { code: 'LC-D01-S01', name: '东华街道' }, community: null, area: { code: 'LC-D01-S01', name: '东华街道' },
  }
  const division = {
    code: '361002001', province: { code: '36', name: '江西省' }, city: { code: '3610', name: '抚州市' },
    district: { code: '361002', name: '临川区' }, street: { code: '361002001', name: '青云街道' }, village: null,
    ambiguous: true, confidence: 0.6, matched: ['临川区', '青云街道'],
  }
  it('shows the official division under the local place, marked 有歧义 when ambiguous', () => {
    const w = mount(LocationSuggest, { props: { result: { location, division } }, global: { plugins: [i18n] } })
    expect(w.find('[data-test="location-path"]').text()).toContain('东华街道')
    expect(w.find('[data-test="division-text"]').text()).toBe('江西省 / 抚州市 / 临川区 / 青云街道（361002001）')
    expect(w.find('[data-test="division-ambiguous"]').text()).toBe('有歧义')
    expect(w.find('[data-test="location-division"]').text()).toContain('置信度 60%')
    w.unmount()
  })
  it('shows a division even when no local place is recognised, and nothing when there is none', () => {
    const w = mount(LocationSuggest, { props: { result: { location: null, division: { ...division, ambiguous: false } } }, global: { plugins: [i18n] } })
    expect(w.find('[data-test="location-none"]').exists()).toBe(true)
    expect(w.find('[data-test="division-text"]').text()).toContain('青云街道（361002001）')
    expect(w.find('[data-test="division-ambiguous"]').exists()).toBe(false)
    w.unmount()
    const none = mount(LocationSuggest, { props: { result: { location, division: null } }, global: { plugins: [i18n] } })
    expect(none.find('[data-test="location-division"]').exists()).toBe(false)
    none.unmount()
  })
})
