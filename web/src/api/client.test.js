import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api, configureClient, publicApi, toQuery } from './client.js'
import { ApiError, userMessage } from './errors.js'

function respond(status, body) {
  return Promise.resolve({ ok: status >= 200 && status < 300, status, text: () => Promise.resolve(body === undefined ? '' : JSON.stringify(body)) })
}

describe('toQuery', () => {
  it('joins arrays with commas and drops empty values', () => {
    expect(toQuery({ state: ['to_dispatch', 'joint_review'], unit: '', q: undefined, page: 2, overdue: true, x: false }))
      .toBe('?state=to_dispatch,joint_review&page=2&overdue=1')
    expect(toQuery({})).toBe('')
    expect(toQuery({ q: '路灯 不亮' })).toBe('?q=%E8%B7%AF%E7%81%AF%20%E4%B8%8D%E4%BA%AE')
  })
})

describe('request', () => {
  let fetchMock
  let unauthorized
  beforeEach(() => {
    fetchMock = vi.fn()
    vi.stubGlobal('fetch', fetchMock)
    unauthorized = vi.fn()
    configureClient({ getToken: () => 'tok123', unauthorized })
  })
  afterEach(() => vi.unstubAllGlobals())

  it('sends the bearer token and JSON body', async () => {
    fetchMock.mockReturnValue(respond(200, { id: 7, state: 'in_progress' }))
    const res = await api.command(7, 'sign')
    expect(res.state).toBe('in_progress')
    const [url, init] = fetchMock.mock.calls[0]
    expect(url).toBe('/api/v1/tickets/7/sign')
    expect(init.method).toBe('POST')
    expect(init.headers.Authorization).toBe('Bearer tok123')
    expect(init.headers['Content-Type']).toBe('application/json')
    expect(init.body).toBe('{}')
  })

  it('builds list queries', async () => {
    fetchMock.mockReturnValue(respond(200, { items: [], total: 0 }))
    await api.listTickets({ state: ['replied'], per_page: 5 })
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/tickets?state=replied&per_page=5')
    expect(fetchMock.mock.calls[0][1].body).toBeUndefined()
  })

  it('throws ApiError with the server error body', async () => {
    fetchMock.mockReturnValue(respond(400, {
      error: { code: 'invalid_argument', reason: 'required', field: 'reason', message: 'reason is required', params: { x: '1' } },
    }))
    const e = await api.command(1, 'return', {}).catch((x) => x)
    expect(e).toBeInstanceOf(ApiError)
    expect(e.status).toBe(400)
    expect(e.field).toBe('reason')
    expect(e.reason).toBe('required')
    expect(e.params).toEqual({ x: '1' })
    expect(userMessage(e)).toBe('请填写「原因」')
    expect(unauthorized).not.toHaveBeenCalled()
  })

  it('reports a 401 to the session, except on login', async () => {
    fetchMock.mockReturnValue(respond(401, { error: { code: 'unauthenticated', message: 'token expired' } }))
    await expect(api.getTicket(3)).rejects.toBeInstanceOf(ApiError)
    expect(unauthorized).toHaveBeenCalledTimes(1)
    await expect(api.login('a', 'b')).rejects.toMatchObject({ status: 401 })
    expect(unauthorized).toHaveBeenCalledTimes(1)
  })

  it('turns a network failure into status 0', async () => {
    fetchMock.mockReturnValue(Promise.reject(new TypeError('Failed to fetch')))
    await expect(api.units()).rejects.toMatchObject({ status: 0 })
  })

  it('asks for stats with the list filters', async () => {
    fetchMock.mockReturnValue(respond(200, { total: 3 }))
    await api.stats({ from: '2026-10-25', channel: ['web'] })
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/stats?from=2026-10-25&channel=web')
  })

  it('calls the public portal endpoints without a token', async () => {
    configureClient({ getToken: () => '' })
    fetchMock.mockReturnValue(respond(200, {}))
    await publicApi.submitAppeal({ appeal_type: 'help' })
    await publicApi.track('LC20261123000300', '867259')
    await publicApi.evaluate('LC20261123000300', { code: '867259', satisfaction: 'satisfied', resolved: true })
    expect(fetchMock.mock.calls.map(([url, init]) => `${init.method} ${url}`)).toEqual([
      'POST /api/v1/public/appeals',
      'GET /api/v1/public/tickets/LC20261123000300?code=867259',
      'POST /api/v1/public/tickets/LC20261123000300/evaluation',
    ])
    for (const [, init] of fetchMock.mock.calls) expect(init.headers.Authorization).toBeUndefined()
  })

  it('keeps Retry-After of a 429', async () => {
    fetchMock.mockReturnValue(Promise.resolve({
      ok: false, status: 429, headers: { get: (k) => (k === 'Retry-After' ? '600' : null) },
      text: () => Promise.resolve(JSON.stringify({ error: { code: 'rate_limited', message: 'too many' } })),
    }))
    const e = await publicApi.track('LC1', '1').catch((x) => x)
    expect(e.status).toBe(429)
    expect(e.retryAfter).toBe(600)
    expect(userMessage(e)).toBe('操作过于频繁，请稍后再试')
  })

  it('copes with a non-JSON error body', async () => {
    fetchMock.mockReturnValue(Promise.resolve({ ok: false, status: 502, text: () => Promise.resolve('<html>Bad gateway</html>') }))
    const e = await api.units().catch((x) => x)
    expect(e.status).toBe(502)
    expect(userMessage(e)).toBe('服务器暂时出错，请稍后再试')
  })

  it('passes an abort signal through and reports an aborted request as such', async () => {
    const controller = new AbortController()
    fetchMock.mockImplementation((url, init) => new Promise((resolve, reject) => {
      init.signal.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })))
    }))
    const pending = api.triage({ content: '楼下着火了' }, { signal: controller.signal }).catch((x) => x)
    controller.abort()
    const e = await pending
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/triage')
    expect(fetchMock.mock.calls[0][1].method).toBe('POST')
    expect(e).toMatchObject({ status: 0, code: 'aborted' })
  })

  it('calls the knowledge-base endpoints with the version for edits and withdrawals', async () => {
    fetchMock.mockReturnValue(respond(200, {}))
    await api.kbSearch({ q: '社保卡', per_page: 100 })
    await api.kbVersions('KB-0001')
    await api.kbUpdate('KB-0001', { question: 'q', answer: 'a' }, 3)
    await api.kbWithdraw('KB-0001', 4)
    await publicApi.kbSearch({ q: '公积金' })
    await publicApi.kbEntry('KB-0004')
    await publicApi.areas()
    expect(fetchMock.mock.calls.map(([url, init]) => `${init.method} ${url}`)).toEqual([
      'GET /api/v1/kb?q=%E7%A4%BE%E4%BF%9D%E5%8D%A1&per_page=100',
      'GET /api/v1/kb/KB-0001/versions',
      'PUT /api/v1/kb/KB-0001',
      'DELETE /api/v1/kb/KB-0001?version=4',
      'GET /api/v1/public/kb?q=%E5%85%AC%E7%A7%AF%E9%87%91',
      'GET /api/v1/public/kb/KB-0004',
      'GET /api/v1/public/areas',
    ])
    expect(JSON.parse(fetchMock.mock.calls[2][1].body)).toEqual({ question: 'q', answer: 'a', version: 3 })
  })

  it('says a knowledge-base conflict in the words the editors expect', async () => {
    fetchMock.mockReturnValue(respond(409, { error: { code: 'conflict', message: 'entry KB-0001 is at version 2, not 1: reload and edit again' } }))
    const e = await api.kbUpdate('KB-0001', { question: 'q', answer: 'a' }, 1).catch((x) => x)
    expect(userMessage(e)).toBe('该条目已被他人修改，请刷新后重试')
    // A ticket conflict keeps its own sentence, from its reason and params.
    fetchMock.mockReturnValue(respond(409, {
      error: { code: 'conflict', reason: 'state_not_allowed', message: 'sign is not allowed in state closed', params: { command: 'sign', state: 'closed' } },
    }))
    expect(userMessage(await api.command(1, 'sign').catch((x) => x))).toBe('工单状态已经变化（当前：已办结），不能签收，请刷新后重试')
  })
})
