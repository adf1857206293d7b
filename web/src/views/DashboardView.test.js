import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { i18n } from '../i18n/index.js'
import { configureClient } from '../api/client.js'
import { statsWindow } from '../domain/dashboard.js'
import DashboardView from './DashboardView.vue'
import EChart from '../components/EChart.vue'
import { configureLive, useLiveStore } from '../stores/live.js'
import { FakeEventSource } from '../test-support/fakeEventSource.js'

const STATS = {
  total: 30,
  by_state: { triage: 2, closed: 13, in_progress: 8, answered_directly: 5, to_dispatch: 1, out_of_scope: 1 },
  by_channel: { phone: 16, mini_program: 7, web: 2 },
  by_category: [{ code: '01', name: '城乡建设', count: 9 }],
  by_district: [{ code: 'LC-D02', name: '西湖区', count: 7 }],
  by_day: [{ date: '2026-11-23', count: 2 }],
  satisfaction: { satisfied: 9, basically_satisfied: 3, unsatisfied: 1 },
  satisfaction_rate: 0.9230769,
  direct_answer_rate: 0.1666667,
  overdue: 1,
}

function respond(body) {
  return Promise.resolve({ ok: true, status: 200, text: () => Promise.resolve(JSON.stringify(body)) })
}

beforeEach(() => {
  setActivePinia(createPinia())
  configureClient({ getToken: () => 't', unauthorized: () => {} })
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
  const today = statsWindow().today
  vi.stubGlobal('fetch', vi.fn((url) => respond(url.endsWith(`from=${today}`) ? { ...STATS, total: 2 } : STATS)))
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('DashboardView', () => {
  it('draws the screen from one stats request for 30 days and one for today, then refreshes every 30 s', async () => {
    const w = mount(DashboardView, { global: { plugins: [i18n], stubs: { EChart: true } } })
    await flushPromises()
    const { from, today } = statsWindow()
    expect(fetch.mock.calls.map(([url]) => url).sort()).toEqual([`/api/v1/stats?from=${from}`, `/api/v1/stats?from=${today}`].sort())
    const kpi = (k) => w.find(`[data-test="kpi-${k}"] [data-test="kpi-value"]`).text()
    expect(kpi('today')).toBe('2')
    expect(kpi('total')).toBe('30')
    expect(kpi('directRate')).toBe('16.7%')
    expect(kpi('satisfactionRate')).toBe('92.3%')
    expect(kpi('overdue')).toBe('1')
    expect(w.findAllComponents(EChart)).toHaveLength(5)

    vi.advanceTimersByTime(30000)
    await flushPromises()
    expect(fetch).toHaveBeenCalledTimes(4)
    w.unmount()
    vi.advanceTimersByTime(60000)
    expect(fetch).toHaveBeenCalledTimes(4) // stopped with the screen
  })

  it('refreshes its counts on live ticket messages, at most once every 2 s', async () => {
    vi.useRealTimers()
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    FakeEventSource.reset()
    configureLive({ EventSourceImpl: FakeEventSource, random: () => 0.5, verify: null })
    const live = useLiveStore()
    live.start('t')
    FakeEventSource.last.open()
    const w = mount(DashboardView, { global: { plugins: [i18n], stubs: { EChart: true } } })
    await flushPromises()
    expect(fetch).toHaveBeenCalledTimes(2)
    expect(w.find('[data-test="dashboard-live"]').exists()).toBe(true)

    FakeEventSource.last.emit('ticket', { id: 1, command: 'intake', state: 'triage' })
    await flushPromises()
    expect(fetch).toHaveBeenCalledTimes(4) // at once
    for (let i = 2; i < 6; i++) FakeEventSource.last.emit('ticket', { id: i, command: 'intake', state: 'triage' })
    await flushPromises()
    expect(fetch).toHaveBeenCalledTimes(4) // a burst waits for the window to end…
    await vi.advanceTimersByTimeAsync(2000)
    expect(fetch).toHaveBeenCalledTimes(6) // …and costs one refresh
    w.unmount()
    expect(live.listenerCount()).toBe(0)
    FakeEventSource.last.emit('ticket', { id: 9 })
    await vi.advanceTimersByTimeAsync(5000)
    expect(fetch).toHaveBeenCalledTimes(6)
    live.stop()
    configureLive({})
  })
})
