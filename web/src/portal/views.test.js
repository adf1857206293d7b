import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory } from 'vue-router'
import { configureClient } from '../api/client.js'
import { createPortalRouter } from './router.js'
import SubmitView from './views/SubmitView.vue'
import TrackView from './views/TrackView.vue'
import KnowledgeView from './views/KnowledgeView.vue'
import KnowledgeEntryView from './views/KnowledgeEntryView.vue'
import MapPicker from './components/MapPicker.vue'
import EChart from '../components/EChart.vue'
import { GEO } from '../test-support/cityMap.js'

function respond(status, body, headers = {}) {
  return Promise.resolve({
    ok: status < 300,
    status,
    headers: { get: (k) => headers[k] ?? null },
    text: () => Promise.resolve(JSON.stringify(body)),
  })
}

const view = (extra = {}) => ({
  number: 'LC20261123000300', state: 'to_callback', appeal_type: 'help', content: '井盖松动',
  created_at: '2026-11-23T12:35:00+08:00', due_at: '2026-11-26T12:35:00+08:00', closed_at: null,
  lead_unit: '东华街道', reply: '已更换井盖', satisfaction: null, can_evaluate: true,
  steps: [
    { at: '2026-11-23T12:35:00+08:00', command: 'intake', state: 'triage' },
    { at: '2026-11-23T12:40:00+08:00', command: 'reply', state: 'replied' },
  ],
  ...extra,
})

let router
async function mountAt(component, path, { stubs = {} } = {}) {
  router = createPortalRouter(createMemoryHistory())
  router.push(path)
  await router.isReady()
  const w = mount(component, { global: { plugins: [router], stubs }, attachTo: document.body })
  await flushPromises()
  return w
}

async function type(w, selector, value) {
  const el = w.find(selector)
  await el.setValue(value)
}

// Submits a form and waits for what the submit asked of the server.
async function submit(w, selector) {
  await w.find(selector).trigger('submit')
  await flushPromises()
}

// Ticks "我已阅读并同意" under the privacy notice.
async function consent(w) {
  await w.find('[data-test="portal-consent"] input').setValue(true)
}

// The form loads the area list for its picker; the tests look at the other calls.
const AREAS = {
  items: [
    { code: 'LC', name: '临川市', kind: 'city', parent: null },
    { code: 'LC-D01', name: '东城区', kind: 'district', parent: 'LC' },
    { code: 'LC-D01-S01', name: '东华街道', kind: 'street', parent: 'LC-D01' },
    { code: 'LC-D01-S01-C01', name: '幸福里社区', kind: 'community', parent: 'LC-D01-S01' },
  ],
}
let answer // what the server says to the next calls
const reply = (value) => {
  answer = value
}
const BACKGROUND = ['/api/v1/public/areas', '/api/v1/public/map', '/api/v1/public/privacy']
const calls = () => fetch.mock.calls.filter(([url]) => !BACKGROUND.includes(url) && !url.startsWith('/api/v1/public/locate'))
let mapAnswer
let locateAnswer
let retentionDays

beforeEach(() => {
  configureClient({ getToken: () => '', unauthorized: () => {} })
  answer = null
  mapAnswer = respond(200, GEO)
  locateAnswer = respond(404, { error: { code: 'not_found', message: 'no area' } })
  retentionDays = 730
  vi.stubGlobal('fetch', vi.fn((url) => {
    if (url === '/api/v1/public/areas') return respond(200, AREAS)
    if (url === '/api/v1/public/map') return mapAnswer
    if (url === '/api/v1/public/privacy') return respond(200, { retention_days: retentionDays })
    if (url.startsWith('/api/v1/public/locate')) return locateAnswer
    return answer
  }))
  localStorage.clear()
  window.scrollTo = () => {}
})
afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('SubmitView', () => {
  it('does not send an incomplete form, and says what is missing', async () => {
    const w = await mountAt(SubmitView, '/submit')
    await submit(w, '[data-test="portal-form"]')
    await new Promise((r) => setTimeout(r, 150)) // form items show errors after a short debounce
    expect(calls()).toEqual([])
    expect(w.text()).toContain('请选择诉求类型')
    expect(w.text()).toContain('请填写诉求内容')
    expect(w.text()).toContain('请填写您的姓名')
    w.unmount()
  })

  it('submits, then shows the number and the query code to remember', async () => {
    reply(respond(201, { number: 'LC20261123000300', query_code: '867259', state: 'triage' }))
    const w = await mountAt(SubmitView, '/submit')
    await w.find('[data-test="portal-type"] input[value="complaint"]').setValue(true)
    await type(w, 'textarea[data-test="portal-content"]', '夜间施工噪音很大，影响休息')
    await type(w, 'input[data-test="portal-name"]', '王女士')
    await type(w, 'input[data-test="portal-phone"]', '139 0000 2222')
    await consent(w)
    await submit(w, '[data-test="portal-form"]')

    const [url, init] = calls()[0]
    expect(url).toBe('/api/v1/public/appeals')
    expect(init.headers.Authorization).toBeUndefined()
    expect(JSON.parse(init.body)).toEqual({
      channel: 'web', appeal_type: 'complaint', content: '夜间施工噪音很大，影响休息',
      caller: { name: '王女士', phone: '13900002222' },
    })
    expect(w.find('[data-test="portal-number"]').text()).toBe('LC20261123000300')
    expect(w.find('[data-test="portal-code"]').text()).toBe('867259')
    expect(w.find('[data-test="portal-remember"]').text()).toContain('请牢记')
    expect(JSON.parse(localStorage.getItem('hotline.portal.recent'))[0]).toMatchObject({ number: 'LC20261123000300', code: '867259' })
    w.unmount()
  })

  it('shows a refused phone number under the phone field', async () => {
    reply(respond(400, { error: { code: 'invalid_argument', field: 'caller.phone', message: 'caller.phone is too short' } }))
    const w = await mountAt(SubmitView, '/submit')
    await w.find('[data-test="portal-type"] input[value="help"]').setValue(true)
    await type(w, 'textarea[data-test="portal-content"]', '路灯一周不亮了')
    await type(w, 'input[data-test="portal-name"]', '张三')
    await type(w, 'input[data-test="portal-phone"]', '13800138000')
    await consent(w)
    await submit(w, '[data-test="portal-form"]')
    await new Promise((r) => setTimeout(r, 150))
    expect(w.text()).toContain('「联系电话」填写有误，请检查')
    expect(w.find('[data-test="portal-result"]').exists()).toBe(false)
    w.unmount()
  })
})

describe('SubmitView: privacy, address, photos', () => {
  async function fill(w) {
    await w.find('[data-test="portal-type"] input[value="report"]').setValue(true)
    await type(w, 'textarea[data-test="portal-content"]', '井盖松动，有安全隐患')
    await type(w, 'input[data-test="portal-name"]', '赵先生')
    await type(w, 'input[data-test="portal-phone"]', '13700001111')
  }
  async function settle() {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 0))
    await flushPromises()
  }

  it('says what is kept and for how long, and sends nothing before the citizen agrees', async () => {
    const w = await mountAt(SubmitView, '/submit')
    const notice = w.find('[data-test="portal-privacy"]').text()
    expect(notice).toContain('姓名和联系电话')
    expect(notice).toContain('138****8000')
    expect(w.find('[data-test="portal-retention"]').text()).toContain('工单办结 730 天后')
    await fill(w)
    await submit(w, '[data-test="portal-form"]')
    expect(calls()).toEqual([])
    expect(w.find('[data-test="portal-consent-error"]').text()).toContain('请先阅读个人信息说明')
    reply(respond(201, { number: 'LC20261123000302', query_code: '111222', state: 'triage' }))
    await consent(w)
    expect(w.find('[data-test="portal-consent-error"]').exists()).toBe(false)
    await submit(w, '[data-test="portal-form"]')
    expect(calls().map(([url]) => url)).toEqual(['/api/v1/public/appeals'])
    w.unmount()
  })

  it('says so when the server keeps personal data without a period', async () => {
    retentionDays = null
    const w = await mountAt(SubmitView, '/submit')
    expect(w.find('[data-test="portal-retention"]').text()).toContain('未设定自动删除期限')
    w.unmount()
  })

  it('places the pin from the address, and warns (without refusing) when the pin is moved to another street', async () => {
    const w = await mountAt(SubmitView, '/submit', { stubs: { EChart: true } })
    await type(w, 'input[data-test="portal-address"]', '东城区东华街道幸福里小区 3 号楼')
    locateAnswer = respond(200, { code: 'LC-D01-S01', name: '东华街道', point: { lat: 28.05, lon: 116.05 } })
    await w.find('[data-test="portal-address-locate"]').trigger('click')
    await settle()
    expect(fetch.mock.calls.some(([url]) => url === `/api/v1/public/locate?address=${encodeURIComponent('东城区东华街道幸福里小区 3 号楼')}`)).toBe(true)
    expect(w.find('[data-test="portal-location-note"]').text()).toContain('已按地址定位到：东华街道')
    const chart = w.findComponent(MapPicker).findComponent(EChart)
    expect(chart.exists()).toBe(true) // the map opened, with the pin at the street
    expect(chart.props('option').series[0].data).toEqual([[116.05, 28.05]])
    expect(w.find('[data-test="portal-mismatch"]').exists()).toBe(false)

    // A tap in another street of the same district: the citizen is told, the pin stays.
    chart.vm.$emit('point-click', [116.15, 28.05])
    await flushPromises()
    expect(w.find('[data-test="portal-mismatch"]').text()).toContain('与地址中的「东华街道」不一致')
    // Back in the street the address names: no warning.
    chart.vm.$emit('point-click', [116.06, 28.06])
    await flushPromises()
    expect(w.find('[data-test="portal-mismatch"]').exists()).toBe(false)
    chart.vm.$emit('point-click', [116.15, 28.05])
    await flushPromises()

    await fill(w)
    await consent(w)
    reply(respond(201, { number: 'LC20261123000303', query_code: '333444', state: 'triage' }))
    await submit(w, '[data-test="portal-form"]')
    expect(JSON.parse(calls()[0][1].body)).toMatchObject({ area: 'LC-D01-S02', location: { lat: 28.05, lon: 116.15 } })
    w.unmount()
  })

  it('says when the address names no area it knows', async () => {
    const w = await mountAt(SubmitView, '/submit')
    await type(w, 'input[data-test="portal-address"]', '火星基地')
    await w.find('[data-test="portal-address-locate"]').trigger('click')
    await settle()
    expect(w.find('[data-test="portal-location-note"]').text()).toContain('未能识别该地址所在的区域')
    w.unmount()
  })

  it('takes up to three JPG/PNG photos and uploads them with the number and the query code', async () => {
    const sent = []
    class FakeXHR {
      open(method, url) { this.url = url }
      setRequestHeader(k, v) { (this.headers ||= {})[k] = v }
      send(body) {
        sent.push({ url: this.url, type: this.headers['Content-Type'], body })
        this.status = sent.length === 2 ? 400 : 201
        this.responseText = JSON.stringify(this.status === 201 ? { name: body.name } : { error: { code: 'invalid_argument', reason: 'content_type_mismatch' } })
        queueMicrotask(() => this.onload())
      }
    }
    vi.stubGlobal('XMLHttpRequest', FakeXHR)
    const w = await mountAt(SubmitView, '/submit')
    const input = w.find('input[data-test="portal-photo-input"]')
    const choose = async (...files) => {
      Object.defineProperty(input.element, 'files', { value: files, configurable: true })
      await input.trigger('change')
    }
    const jpg = (name, size = 1000) => new File([new Uint8Array(size)], name, { type: 'image/jpeg' })
    await choose(new File(['%PDF'], '报告.pdf', { type: 'application/pdf' }))
    expect(w.text()).toContain('「报告.pdf」不是 JPG 或 PNG 照片')
    await choose(jpg('大.jpg', 6 * 1024 * 1024))
    expect(w.text()).toContain('超过 5 MB')
    await choose(jpg('1.jpg'), new File([new Uint8Array(10)], '2.png', { type: 'image/png' }), jpg('3.jpg'), jpg('4.jpg'))
    expect(w.findAll('[data-test="portal-photo"]').map((p) => p.find('.name').text())).toEqual(['1.jpg', '2.png', '3.jpg'])
    expect(w.text()).toContain('最多上传 3 张照片')
    expect(w.find('[data-test="portal-photo-add"]').exists()).toBe(false)

    await fill(w)
    await consent(w)
    reply(respond(201, { number: 'LC20261123000304', query_code: '555666', state: 'triage' }))
    await submit(w, '[data-test="portal-form"]')
    await flushPromises()
    expect(sent.map((x) => [x.url, x.type])).toEqual([
      ['/api/v1/public/tickets/LC20261123000304/attachments?code=555666&name=1.jpg', 'image/jpeg'],
      ['/api/v1/public/tickets/LC20261123000304/attachments?code=555666&name=2.png', 'image/png'],
      ['/api/v1/public/tickets/LC20261123000304/attachments?code=555666&name=3.jpg', 'image/jpeg'],
    ])
    const status = w.find('[data-test="portal-photo-status"]').text()
    expect(status).toContain('1.jpg已上传')
    expect(status).toContain('2.png文件内容不是有效的 JPG 或 PNG 照片')
    expect(w.find('[data-test="portal-number"]').text()).toBe('LC20261123000304')
    w.unmount()
  })
})

describe('the map picker', () => {
  it('puts a marker where the citizen taps, sets the area to the street there, and sends both', async () => {
    reply(respond(201, { number: 'LC20261123000301', query_code: '123456', state: 'triage' }))
    const w = await mountAt(SubmitView, '/submit', { stubs: { EChart: true } })
    expect(fetch.mock.calls.some(([url]) => url === '/api/v1/public/map')).toBe(false) // not before it is opened
    await w.find('[data-test="portal-map-open"]').trigger('click')
    await flushPromises()
    await new Promise((r) => setTimeout(r, 0))
    await flushPromises()
    const chart = w.findComponent(MapPicker).findComponent(EChart)
    expect(chart.exists()).toBe(true)
    expect(chart.props('map').geoJSON).toEqual(GEO)
    expect(chart.props('option').series[0].data).toEqual([])
    // Streets are named on the map; districts carry their own (bolder) names.
    const geo = chart.props('option').geo
    expect(geo.label.show).toBe(true)
    expect(geo.label.formatter({ name: 'LC-D01-S01' })).toBe('东华街道')
    expect(geo.regions.find((r) => r.name === 'LC-D01').label.formatter).toBe('东城区')
    // The pin is not lifted off the point (domain/map.js PIN_MARKER).
    expect(chart.props('option').series[0].symbolOffset).toEqual([0, 0])

    chart.vm.$emit('point-click', [116.0512345678, 28.0598765432])
    await flushPromises()
    expect(w.find('[data-test="portal-location-note"]').text()).toBe('已在地图上标出位置：东华街道（东城区）')
    expect(chart.props('option').series[0].data).toEqual([[116.051235, 28.059877]])
    expect(chart.props('option').geo.regions.at(-1)).toMatchObject({ name: 'LC-D01-S01' }) // the street lit up

    // Outside the city: refused, the earlier point kept.
    chart.vm.$emit('point-click', [118, 28])
    await flushPromises()
    expect(w.find('[data-test="portal-location-note"]').text()).toContain('不在本市范围内')
    expect(chart.props('option').series[0].data).toEqual([[116.051235, 28.059877]])

    await w.find('[data-test="portal-type"] input[value="report"]').setValue(true)
    await type(w, 'textarea[data-test="portal-content"]', '路边占道经营，影响通行')
    await type(w, 'input[data-test="portal-name"]', '赵先生')
    await type(w, 'input[data-test="portal-phone"]', '13700001111')
    await consent(w)
    await submit(w, '[data-test="portal-form"]')
    const [url, init] = calls()[0]
    expect(url).toBe('/api/v1/public/appeals')
    expect(JSON.parse(init.body)).toMatchObject({ area: 'LC-D01-S01', location: { lat: 28.059877, lon: 116.051235 } })
    w.unmount()
  })

  it('says so when the city has no map', async () => {
    mapAnswer = respond(404, { error: { code: 'not_found', message: 'no map' } })
    const w = mount(MapPicker, { global: { stubs: { EChart: true } } })
    await flushPromises()
    expect(w.find('[data-test="portal-map-none"]').text()).toContain('本市暂未提供地图')
    w.unmount()
  })
})

describe('TrackView', () => {
  it('looks a ticket up with the code remembered on this device and offers the evaluation', async () => {
    localStorage.setItem('hotline.portal.recent', JSON.stringify([{ number: 'LC20261123000300', code: '867259', at: '2026-11-23 12:35' }]))
    reply(respond(200, view()))
    const w = await mountAt(TrackView, '/track?number=LC20261123000300')
    expect(fetch.mock.calls[0][0]).toBe('/api/v1/public/tickets/LC20261123000300?code=867259')
    expect(w.find('[data-test="portal-state"]').text()).toBe('待回访')
    expect(w.find('[data-test="portal-unit"]').text()).toBe('东华街道')
    expect(w.find('[data-test="portal-reply"]').text()).toContain('已更换井盖')
    expect(w.findAll('[data-test="portal-step"]').map((s) => s.text())).toEqual(['承办单位答复', '提交诉求'])
    // The timeline ends where the header is (the review that led there is not shown).
    expect(w.find('[data-test="portal-step-state"]').text()).toBe(`→ ${w.find('[data-test="portal-state"]').text()}`)

    // Evaluate: both answers, then the updated view replaces the old one.
    reply(respond(200, view({ state: 'closed', can_evaluate: false, satisfaction: 'satisfied', closed_at: '2026-11-23T13:00:00+08:00' })))
    await w.find('[data-test="portal-satisfaction"] input[value="satisfied"]').setValue(true)
    await w.findAll('[data-test="portal-resolved"] input')[0].setValue(true)
    await submit(w, '[data-test="portal-evaluate"] form')
    const [url, init] = fetch.mock.calls[1]
    expect(url).toBe('/api/v1/public/tickets/LC20261123000300/evaluation')
    expect(JSON.parse(init.body)).toEqual({ code: '867259', satisfaction: 'satisfied', resolved: true })
    expect(w.find('[data-test="portal-state"]').text()).toBe('已办结')
    expect(w.find('[data-test="portal-satisfaction-given"]').text()).toBe('满意')
    expect(w.find('[data-test="portal-evaluate"]').exists()).toBe(false)
    w.unmount()
  })

  it('asks why when the citizen is not satisfied, and sends the reason and the comment', async () => {
    reply(respond(200, view()))
    const w = await mountAt(TrackView, '/track?number=LC20261123000300&code=867259')
    expect(w.find('[data-test="portal-dissatisfaction"]').exists()).toBe(false) // not asked before
    expect(w.find('textarea[data-test="portal-comment"]').exists()).toBe(true)
    await w.find('[data-test="portal-satisfaction"] input[value="unsatisfied"]').setValue(true)
    expect(w.findAll('[data-test="portal-dissatisfaction"] input').map((i) => i.element.value))
      .toEqual(['unresolved', 'attitude', 'off_topic', 'slow', 'no_contact', 'other'])
    await w.find('[data-test="portal-dissatisfaction"] input[value="slow"]').setValue(true)
    await w.findAll('[data-test="portal-resolved"] input')[1].setValue(true)
    await type(w, 'textarea[data-test="portal-comment"]', '过了两周才来处理')
    reply(respond(200, view({ state: 'unsatisfied', can_evaluate: false, satisfaction: 'unsatisfied' })))
    await submit(w, '[data-test="portal-evaluate"] form')
    const [url, init] = fetch.mock.calls[1]
    expect(url).toBe('/api/v1/public/tickets/LC20261123000300/evaluation')
    expect(JSON.parse(init.body)).toEqual({
      code: '867259', satisfaction: 'unsatisfied', resolved: false, dissatisfaction: 'slow', comment: '过了两周才来处理',
    })
    w.unmount()
  })

  it("clears a missing answer's message once it is given", async () => {
    reply(respond(200, view()))
    const w = await mountAt(TrackView, '/track?number=LC20261123000300&code=867259')
    await w.find('[data-test="portal-satisfaction"] input[value="satisfied"]').setValue(true)
    await submit(w, '[data-test="portal-evaluate"] form')
    await new Promise((r) => setTimeout(r, 150))
    expect(w.find('[data-test="portal-evaluate"]').text()).toContain('请选择问题是否已解决')
    await w.findAll('[data-test="portal-resolved"] input')[0].setValue(true)
    await flushPromises()
    await new Promise((r) => setTimeout(r, 150))
    expect(w.find('[data-test="portal-evaluate"]').text()).not.toContain('请选择问题是否已解决')
    expect(fetch.mock.calls.length).toBe(1) // only the lookup: nothing was sent
    w.unmount()
  })

  it('says plainly when nothing matches, and when to come back after too many tries', async () => {
    const w = await mountAt(TrackView, '/track')
    await type(w, 'input[data-test="portal-track-number"]', 'lc20261123000300')
    await type(w, 'input[data-test="portal-track-code"]', '000000')
    reply(respond(404, { error: { code: 'not_found', message: 'no ticket with this number and query code' } }))
    await submit(w, '[data-test="portal-track-form"]')
    expect(fetch.mock.calls[0][0]).toBe('/api/v1/public/tickets/LC20261123000300?code=000000')
    expect(w.find('[data-test="portal-track-error"]').text()).toBe('未找到：请核对工单编号和查询码')

    reply(respond(429, { error: { code: 'rate_limited', message: 'too many requests' } }, { 'Retry-After': '600' }))
    await submit(w, '[data-test="portal-track-form"]')
    expect(w.find('[data-test="portal-track-error"]').text()).toBe('查询次数过多，为保护您的信息安全，请 10 分钟后再试')
    w.unmount()
  })

  it('checks the input before asking the server', async () => {
    const w = await mountAt(TrackView, '/track')
    await type(w, 'input[data-test="portal-track-number"]', 'LC123')
    await submit(w, '[data-test="portal-track-form"]')
    await new Promise((r) => setTimeout(r, 150))
    expect(fetch).not.toHaveBeenCalled()
    expect(w.text()).toContain('工单编号格式不正确')
    expect(w.text()).toContain('请填写查询码')
    w.unmount()
  })
})

describe('KnowledgeView', () => {
  const hit = {
    id: 'KB-0004', question: '租房可以提取住房公积金吗？', answer: '可以……', category: { code: '010601', name: '城乡建设 / 住房公积金 / 公积金提取' },
    question_highlight: '租<em>房</em>可以提取<em>住</em><em>房</em><em>公</em><em>积</em><em>金</em>吗…<img src=x onerror=alert(1)>',
    answer_snippet: '…可申请提取<em>公</em><em>积</em><em>金</em>支付<em>房</em>租…',
  }

  it('searches the public answers and marks the matched words (and nothing else)', async () => {
    reply(respond(200, { items: [], total: 0 }))
    const w = await mountAt(KnowledgeView, '/kb')
    expect(calls()[0][0]).toBe('/api/v1/public/kb?per_page=10') // common questions first
    reply(respond(200, { items: [hit], total: 1 }))
    await type(w, 'input[data-test="portal-kb-q"]', ' 公积金 ')
    await submit(w, '[data-test="portal-kb-form"]')
    await new Promise((r) => setTimeout(r, 0))
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ q: '公积金' })
    expect(calls().at(-1)[0]).toBe('/api/v1/public/kb?q=%E5%85%AC%E7%A7%AF%E9%87%91&per_page=10')
    const hits = w.findAll('[data-test="portal-kb-hit"]')
    expect(hits).toHaveLength(1)
    expect(hits[0].findAll('em').map((e) => e.text())).toEqual(['房', '住房公积金', '公积金', '房'])
    expect(hits[0].find('img').exists()).toBe(false)
    expect(hits[0].text()).toContain('租房可以提取住房公积金吗')
    w.unmount()
  })

  it('says when nothing is found, and when to come back after too many searches', async () => {
    reply(respond(200, { items: [], total: 0 }))
    const w = await mountAt(KnowledgeView, '/kb?q=火星移民')
    expect(w.find('[data-test="portal-kb-empty"]').text()).toContain('没有找到相关解答')
    reply(respond(429, { error: { code: 'rate_limited', message: 'too many' } }, { 'Retry-After': '120' }))
    await submit(w, '[data-test="portal-kb-form"]')
    expect(w.find('[data-test="portal-kb-error"]').text()).toBe('查询过于频繁，请 2 分钟后再试')
    w.unmount()
  })

  it('opens one answer', async () => {
    reply(respond(200, { ...hit, valid_from: null, valid_to: '2026-12-31', unit: null }))
    router = createPortalRouter(createMemoryHistory())
    router.push('/kb/KB-0004?q=公积金')
    await router.isReady()
    const v = mount(KnowledgeEntryView, { props: { id: 'KB-0004' }, global: { plugins: [router] } })
    await flushPromises()
    expect(calls().at(-1)[0]).toBe('/api/v1/public/kb/KB-0004')
    expect(v.find('[data-test="portal-kb-question"]').text()).toBe('租房可以提取住房公积金吗？')
    expect(v.find('[data-test="portal-kb-answer"]').text()).toBe('可以……')
    expect(v.text()).toContain('有效期：至 2026-12-31')
    v.unmount()
  })
})
