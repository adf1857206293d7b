import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { i18n } from '../i18n/index.js'
import { configureClient } from '../api/client.js'
import { statsWindow } from '../domain/dashboard.js'
import DashboardView from './DashboardView.vue'
import EChart from '../components/EChart.vue'
import DensityMap from '../components/DensityMap.vue'

const routerPush = vi.hoisted(() => vi.fn())
vi.mock('vue-router', async (importOriginal) => ({ ...(await importOriginal()), useRouter: () => ({ push: routerPush }) }))
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

function respond(body, status = 200) {
  return Promise.resolve({ ok: status < 300, status, text: () => Promise.resolve(JSON.stringify(body)) })
}

// A city of two streets in one district (squares in [lon, lat]).
const square = (x0, y0, x1, y1) => [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]
const MAP = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { code: 'LC-D02-S01', name: '西湖街道', kind: 'street', district: 'LC-D02' }, geometry: { type: 'Polygon', coordinates: square(116, 28, 116.1, 28.1) } },
    { type: 'Feature', properties: { code: 'LC-D02-S02', name: '湖滨街道', kind: 'street', district: 'LC-D02' }, geometry: { type: 'Polygon', coordinates: square(116.1, 28, 116.2, 28.1) } },
    { type: 'Feature', properties: { code: 'LC-D02', name: '西湖区', kind: 'district', district: 'LC-D02' }, geometry: { type: 'Polygon', coordinates: square(115.9, 27.9, 116.3, 28.2) } },
  ],
}
const UNITS = {
  items: [
    { code: 'LC', name: '临川市', kind: 'city', parent: null },
    { code: 'LC-D02', name: '西湖区', kind: 'district', parent: 'LC' },
    { code: 'LC-D02-S01', name: '西湖街道', kind: 'street', parent: 'LC-D02' },
    { code: 'LC-D02-S01-C01', name: '湖心社区', kind: 'community', parent: 'LC-D02-S01' },
    { code: 'LC-D02-S02', name: '湖滨街道', kind: 'street', parent: 'LC-D02' },
  ],
}
let mapAnswer // what GET /public/map answers: [body, status]
let byArea // by_area in the 30-day stats (null: the server sends none)
const PER_STREET = { 'LC-D02-S01': 5, 'LC-D02-S02': 1 }

let policies // what GET /policies answers
function server(url) {
  if (url === '/api/v1/public/map') return respond(...mapAnswer)
  if (url === '/api/v1/policies') return respond(policies)
  if (url === '/api/v1/units') return respond(UNITS)
  if (url === '/api/v1/categories') return respond({ items: [] })
  const area = /[?&]area=([^&]+)/.exec(url)
  if (area) return respond({ ...STATS, total: PER_STREET[decodeURIComponent(area[1])] || 0 })
  if (url.endsWith(`from=${statsWindow().today}`)) return respond({ ...STATS, total: 2 })
  return respond(byArea ? { ...STATS, by_area: byArea } : STATS)
}
// The two calls the KPIs and charts come from (30 days, today), without the map's.
const statsCalls = () => fetch.mock.calls.map(([url]) => url).filter((u) => u.startsWith('/api/v1/stats') && !u.includes('area='))
const streetCalls = () => fetch.mock.calls.map(([url]) => url).filter((u) => u.includes('area='))

beforeEach(() => {
  setActivePinia(createPinia())
  configureClient({ getToken: () => 't', unauthorized: () => {} })
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
  mapAnswer = [MAP]
  byArea = null
  policies = { rules: [], calendar_years: [2025, 2026], calendar_warning: null }
  vi.stubGlobal('fetch', vi.fn(server))
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('DashboardView', () => {
  it('warns when next year\'s holidays are missing, and only then', async () => {
    let w = mount(DashboardView, { global: { plugins: [i18n], stubs: { EChart: true } } })
    await flushPromises()
    expect(w.find('[data-test="calendar-warning"]').exists()).toBe(false)
    w.unmount()
    policies = { rules: [], calendar_years: [2025, 2026], calendar_warning: { year: 2027, current_year: false, message: '' } }
    w = mount(DashboardView, { global: { plugins: [i18n], stubs: { EChart: true } } })
    await flushPromises()
    const banner = w.find('[data-test="calendar-warning"]')
    expect(banner.exists()).toBe(true)
    expect(banner.text()).toContain('2027 年的法定节假日')
    w.unmount()
  })

  it('draws the screen from one stats request for 30 days and one for today, then refreshes every 30 s', async () => {
    const w = mount(DashboardView, { global: { plugins: [i18n], stubs: { EChart: true } } })
    await flushPromises()
    const { from, today } = statsWindow()
    expect(statsCalls().sort()).toEqual([`/api/v1/stats?from=${from}`, `/api/v1/stats?from=${today}`].sort())
    const kpi = (k) => w.find(`[data-test="kpi-${k}"] [data-test="kpi-value"]`).text()
    expect(kpi('today')).toBe('2')
    expect(kpi('total')).toBe('30')
    expect(kpi('directRate')).toBe('16.7%')
    expect(kpi('satisfactionRate')).toBe('92.3%')
    expect(kpi('overdue')).toBe('1')
    expect(w.findAllComponents(EChart)).toHaveLength(7) // the five charts, the map and the street ranking
    expect(w.find('[data-test="density-map"]').exists()).toBe(true)

    vi.advanceTimersByTime(30000)
    await flushPromises()
    expect(statsCalls()).toHaveLength(4)
    w.unmount()
    vi.advanceTimersByTime(60000)
    expect(statsCalls()).toHaveLength(4) // stopped with the screen
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
    expect(statsCalls()).toHaveLength(2)
    expect(w.find('[data-test="dashboard-live"]').exists()).toBe(true)

    FakeEventSource.last.emit('ticket', { id: 1, command: 'intake', state: 'triage' })
    await flushPromises()
    expect(statsCalls()).toHaveLength(4) // at once
    for (let i = 2; i < 6; i++) FakeEventSource.last.emit('ticket', { id: i, command: 'intake', state: 'triage' })
    await flushPromises()
    expect(statsCalls()).toHaveLength(4) // a burst waits for the window to end…
    await vi.advanceTimersByTimeAsync(2000)
    expect(statsCalls()).toHaveLength(6) // …and costs one refresh
    w.unmount()
    expect(live.listenerCount()).toBe(0)
    FakeEventSource.last.emit('ticket', { id: 9 })
    await vi.advanceTimersByTimeAsync(5000)
    expect(statsCalls()).toHaveLength(6)
    live.stop()
    configureLive({})
  })

  it('colours the map from by_area, communities counted for their street, and opens the search on a click', async () => {
    byArea = { 'LC-D02-S01': 2, 'LC-D02-S01-C01': 3, 'LC-D02': 4, '': 1 }
    const w = mount(DashboardView, { global: { plugins: [i18n], stubs: { EChart: true } } })
    await flushPromises()
    expect(streetCalls()).toEqual([]) // by_area is enough
    const map = w.findComponent(DensityMap)
    expect([...map.props('figures').streets]).toEqual([['LC-D02-S01', 5]])
    expect(w.find('[data-test="map-district-only"]').text()).toContain('西湖区 4 件')
    expect(w.find('[data-test="map-unlocated"]').text()).toBe('未定位 1 件')
    const option = map.findComponent(EChart).props('option')
    expect(option.series[0].data).toEqual([{ name: 'LC-D02-S01', value: 5 }, { name: 'LC-D02-S02', value: 0 }])
    expect(option.visualMap.max).toBe(5)
    expect(option.tooltip.formatter({ name: 'LC-D02-S01' })).toContain('西湖街道（西湖区）')
    expect(option.tooltip.formatter({ name: 'LC-D02-S01' })).toContain('近 30 天诉求：5 件')
    // District outlines: a see-through layer on the streets' bounds, not clickable.
    expect(option.geo).toMatchObject({ map: 'hotline-city-districts', silent: true, boundingCoords: option.series[0].boundingCoords })
    expect(map.findComponent(EChart).props('map').map((m) => [m.name, m.geoJSON.features.length])).toEqual([['hotline-city-streets', 2], ['hotline-city-districts', 1]])
    map.vm.$emit('select', 'LC-D02-S01')
    expect(routerPush).toHaveBeenCalledWith({ name: 'search', query: { area: 'LC-D02-S01', from: statsWindow().from } })
    w.unmount()
  })

  it('without by_area, counts each street with its own stats call', async () => {
    const w = mount(DashboardView, { global: { plugins: [i18n], stubs: { EChart: true } } })
    await flushPromises()
    const { from } = statsWindow()
    expect(streetCalls().sort()).toEqual([`/api/v1/stats?from=${from}&area=LC-D02-S01`, `/api/v1/stats?from=${from}&area=LC-D02-S02`])
    const figures = w.findComponent(DensityMap).props('figures')
    expect([...figures.streets]).toEqual([['LC-D02-S01', 5], ['LC-D02-S02', 1]])
    expect([...figures.districtOnly]).toEqual([['LC-D02', 1]]) // by_district says 7
    w.unmount()
  })

  it('shows a placeholder for a city without a map', async () => {
    mapAnswer = [{ error: { code: 'not_found', message: 'no map' } }, 404]
    const w = mount(DashboardView, { global: { plugins: [i18n], stubs: { EChart: true } } })
    await flushPromises()
    expect(w.find('[data-test="density-map"]').exists()).toBe(false)
    expect(w.find('[data-test="map-placeholder"]').text()).toContain('本市暂无地图数据')
    expect(streetCalls()).toEqual([])
    expect(w.find('[data-test="kpi-total"] [data-test="kpi-value"]').text()).toBe('30') // the rest still works
    w.unmount()
  })
})
