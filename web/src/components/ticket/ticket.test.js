import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { RouterLinkStub, flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { i18n } from '../../i18n/index.js'
import { configureClient, uploadFile } from '../../api/client.js'
import TicketAttachments from './TicketAttachments.vue'
import RelatedTickets from './RelatedTickets.vue'
import MainTicketLink from './MainTicketLink.vue'

function respond(status, body, headers = {}) {
  return Promise.resolve({
    ok: status < 300,
    status,
    headers: { get: (k) => headers[k] ?? null },
    text: () => Promise.resolve(typeof body === 'string' ? body : JSON.stringify(body)),
    blob: () => Promise.resolve(new Blob([typeof body === 'string' ? body : JSON.stringify(body)])),
  })
}

/** A stand-in XMLHttpRequest: records what was sent; the test answers with `finish`. */
class FakeXHR {
  static last = null
  constructor() {
    this.headers = {}
    this.upload = {}
    FakeXHR.last = this
  }
  open(method, url) {
    this.method = method
    this.url = url
  }
  setRequestHeader(k, v) {
    this.headers[k] = v
  }
  send(body) {
    this.body = body
  }
  progress(loaded, total) {
    this.upload.onprogress({ lengthComputable: true, loaded, total })
  }
  finish(status, body) {
    this.status = status
    this.responseText = JSON.stringify(body)
    this.onload()
  }
}

const LIST = {
  items: [
    { id: 'a1', name: '现场照片.jpg', content_type: 'image/jpeg', size: 153600, uploaded_by: 'LC-D01-S01', uploaded_at: '2026-11-23T09:30:00+08:00' },
  ],
  total: 1,
}
const ticket = (extra = {}) => ({ id: 42, number: 'LC20261123000042', state: 'in_progress', available_commands: ['reply', 'attach'], ...extra })
let routes // url → answer
const plugins = () => ({ global: { plugins: [i18n], stubs: { RouterLink: RouterLinkStub } }, attachTo: document.body })

beforeEach(() => {
  setActivePinia(createPinia())
  configureClient({ getToken: () => 'tok', unauthorized: () => {} })
  routes = { '/api/v1/tickets/42/attachments': () => respond(200, LIST) }
  vi.stubGlobal('fetch', vi.fn((url) => (routes[url] ? routes[url]() : respond(404, { error: { code: 'not_found' } }))))
  vi.stubGlobal('XMLHttpRequest', FakeXHR)
})
afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

async function choose(w, file) {
  const input = w.find('[data-test="attachment-input"]')
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
  await input.trigger('change')
  await flushPromises()
}

describe('TicketAttachments', () => {
  it('lists the files with size, uploader and time', async () => {
    const w = mount(TicketAttachments, { props: { ticket: ticket() }, ...plugins() })
    await flushPromises()
    expect(fetch.mock.calls[0][0]).toBe('/api/v1/tickets/42/attachments')
    expect(fetch.mock.calls[0][1].headers.Authorization).toBe('Bearer tok')
    const row = w.find('[data-test="attachment-list"] .el-table__body tr')
    expect(row.text()).toContain('现场照片.jpg')
    expect(row.text()).toContain('150 KB')
    expect(row.text()).toContain('LC-D01-S01') // no unit list loaded here: the account name as it is
    expect(row.text()).toContain('2026-11-23 09:30')
    w.unmount()
  })

  it('uploads a chosen file with its type and name, shows the progress, then lists it', async () => {
    const w = mount(TicketAttachments, { props: { ticket: ticket() }, ...plugins() })
    await flushPromises()
    const file = new File(['hello'], '整改 报告.pdf', { type: 'application/pdf' })
    await choose(w, file)
    const xhr = FakeXHR.last
    expect(xhr.method).toBe('POST')
    expect(xhr.url).toBe(`/api/v1/tickets/42/attachments?name=${encodeURIComponent('整改 报告.pdf')}`)
    expect(xhr.headers).toMatchObject({ 'Content-Type': 'application/pdf', Authorization: 'Bearer tok' })
    expect(xhr.body).toBe(file)
    xhr.progress(2, 5)
    await flushPromises()
    expect(w.find('[data-test="attachment-progress"]').text()).toContain('40%')
    const added = { id: 'a2', name: '整改 报告.pdf', content_type: 'application/pdf', size: 5, uploaded_by: 'LC-D01-S01', uploaded_at: '2026-11-23T10:00:00+08:00' }
    routes['/api/v1/tickets/42/attachments'] = () => respond(200, { items: [...LIST.items, added], total: 2 })
    xhr.finish(201, added)
    await flushPromises()
    expect(w.find('[data-test="attachment-progress"]').exists()).toBe(false)
    expect(w.findAll('[data-test="attachment-name"]').map((x) => x.text())).toEqual(['现场照片.jpg', '整改 报告.pdf'])
    expect(w.emitted('changed')).toHaveLength(1) // the page reloads its timeline
    w.unmount()
  })

  it('refuses a file over 10 MB before sending it, and shows the server\'s refusals in words', async () => {
    const w = mount(TicketAttachments, { props: { ticket: ticket() }, ...plugins() })
    await flushPromises()
    FakeXHR.last = null
    await choose(w, { name: '视频.mp4', size: 11 * 1024 * 1024, type: 'video/mp4' })
    expect(FakeXHR.last).toBeNull()
    expect(w.find('[data-test="attachment-refusal"]').text()).toContain('文件超过 10 MB，不能上传')

    await choose(w, new File(['x'], 'a.txt', { type: 'text/plain' }))
    FakeXHR.last.finish(400, { error: { code: 'invalid_argument', field: 'content_type', message: "files of type 'text/plain' are not accepted" } })
    await flushPromises()
    expect(w.find('[data-test="attachment-refusal"]').text()).toContain('不支持此类文件（text/plain）')
    w.unmount()
  })

  it('offers no upload without `attach`, and says so when the server has no attachments API', async () => {
    const w = mount(TicketAttachments, { props: { ticket: ticket({ state: 'closed', available_commands: [] }) }, ...plugins() })
    await flushPromises()
    expect(w.find('[data-test="attachment-upload"]').exists()).toBe(false)
    w.unmount()
    routes['/api/v1/tickets/42/attachments'] = () => respond(405, { error: { code: 'method_not_allowed' } })
    const old = mount(TicketAttachments, { props: { ticket: ticket() }, ...plugins() })
    await flushPromises()
    expect(old.find('[data-test="attachments-unavailable"]').text()).toContain('附件功能暂不可用')
    expect(old.find('[data-test="attachment-upload"]').exists()).toBe(false)
    old.unmount()
  })

  it('downloads with the token and hands the file to the browser under its name', async () => {
    routes['/api/v1/tickets/42/attachments/a1'] = () => respond(200, 'JPEGDATA', { 'Content-Type': 'image/jpeg' })
    const created = []
    vi.stubGlobal('URL', Object.assign(Object.create(URL), { createObjectURL: (b) => { created.push(b); return 'blob:x' }, revokeObjectURL: () => {} }))
    const clicked = []
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function () { clicked.push([this.href, this.download]) })
    const w = mount(TicketAttachments, { props: { ticket: ticket() }, ...plugins() })
    await flushPromises()
    await w.find('[data-test="attachment-download"]').trigger('click')
    await flushPromises()
    const call = fetch.mock.calls.find(([url]) => url === '/api/v1/tickets/42/attachments/a1')
    expect(call[1].headers.Authorization).toBe('Bearer tok')
    expect(created).toHaveLength(1)
    expect(clicked).toEqual([['blob:x', '现场照片.jpg']])
    click.mockRestore()
    w.unmount()
  })
})

describe('uploadFile', () => {
  it('rejects with ApiError on a network failure', async () => {
    const p = uploadFile('/tickets/1/attachments', new Blob(['x']), { query: { name: 'a.txt' }, XHR: FakeXHR })
    FakeXHR.last.onerror()
    await expect(p).rejects.toMatchObject({ name: 'ApiError', status: 0, code: 'network' })
  })
})

describe('RelatedTickets', () => {
  it('lists related tickets, merged first, with relation tags and links', async () => {
    routes['/api/v1/tickets/42/related'] = () => respond(200, {
      items: [
        { id: 40, number: 'LC20261120000040', state: 'closed', created_at: '2026-11-20T09:00:00+08:00', content: '同一路段路灯不亮', relation: 'similar' },
        { id: 7, number: 'LC20261101000007', state: 'in_progress', created_at: '2026-11-01T09:00:00+08:00', content: '噪音扰民', relation: 'same_caller' },
        { id: 41, number: 'LC20261122000041', state: 'merged', created_at: '2026-11-22T09:00:00+08:00', content: '路灯坏了', relation: 'merged' },
      ],
    })
    const w = mount(RelatedTickets, { props: { ticketId: 42 }, ...plugins() })
    await flushPromises()
    expect(w.findAll('[data-test="related-relation"]').map((x) => x.text())).toEqual(['并单', '同一来电人', '相似诉求'])
    expect(w.findAllComponents(RouterLinkStub).map((l) => l.props('to'))).toEqual(['/tickets/41', '/tickets/7', '/tickets/40'])
    expect(w.text()).toContain('LC20261101000007')
    w.unmount()
  })

  it('says when there are none, and when the server has no such API', async () => {
    routes['/api/v1/tickets/42/related'] = () => respond(200, { items: [] })
    const w = mount(RelatedTickets, { props: { ticketId: 42 }, ...plugins() })
    await flushPromises()
    expect(w.text()).toContain('没有关联工单')
    w.unmount()
    routes['/api/v1/tickets/42/related'] = () => respond(405, { error: { code: 'method_not_allowed' } })
    const old = mount(RelatedTickets, { props: { ticketId: 42 }, ...plugins() })
    await flushPromises()
    expect(old.find('[data-test="related-unavailable"]').exists()).toBe(true)
    old.unmount()
  })
})

describe('MainTicketLink', () => {
  it('links to the main ticket under its number, by id until it is read or when it cannot be', async () => {
    routes['/api/v1/tickets/7'] = () => respond(200, { id: 7, number: 'LC20261101000007', state: 'in_progress' })
    const w = mount(MainTicketLink, { props: { id: 7 }, ...plugins() })
    expect(w.text()).toBe('7')
    await flushPromises()
    expect(w.getComponent(RouterLinkStub).props('to')).toBe('/tickets/7')
    expect(w.text()).toBe('LC20261101000007')
    w.unmount()
    const hidden = mount(MainTicketLink, { props: { id: 8 }, ...plugins() })
    await flushPromises()
    expect(hidden.text()).toBe('8')
    hidden.unmount()
  })
})
