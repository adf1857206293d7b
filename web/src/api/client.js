// The one way the console talks to the server: JSON over fetch, with the
// session's bearer token, and every failure thrown as an ApiError.
import { ApiError } from './apiError.js'

export const API_BASE = '/api/v1'

let tokenProvider = () => ''
let onUnauthorized = () => {}

/** The session store registers how to read the token and what to do on a 401. */
export function configureClient({ getToken, unauthorized } = {}) {
  if (getToken) tokenProvider = getToken
  if (unauthorized) onUnauthorized = unauthorized
}

/** Query string from an object; empty values and empty arrays are left out, arrays joined by ','. */
export function toQuery(params = {}) {
  const parts = []
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '' || v === false) continue
    if (Array.isArray(v)) {
      if (v.length === 0) continue
      parts.push(`${encodeURIComponent(k)}=${v.map((x) => encodeURIComponent(x)).join(',')}`)
    } else {
      parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(v === true ? 1 : v)}`)
    }
  }
  return parts.length ? `?${parts.join('&')}` : ''
}

/** Seconds from a Retry-After header (429 from the public portal's rate limits), else 0. */
function retryAfterOf(res) {
  const value = res.headers && typeof res.headers.get === 'function' ? res.headers.get('Retry-After') : null
  const n = Number(value)
  return Number.isFinite(n) && n > 0 ? n : 0
}

function isAbort(err, signal) {
  return (signal && signal.aborted) || (err && err.name === 'AbortError')
}

// `text` with `contentType` sends a body as it is (e.g. a CSV file) instead of `body` as JSON.
export async function request(method, path, { body, query, signal, text: rawBody, contentType } = {}) {
  const url = `${API_BASE}${path}${toQuery(query)}`
  const headers = { Accept: 'application/json' }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (rawBody !== undefined) headers['Content-Type'] = contentType || 'text/plain; charset=utf-8'
  const token = tokenProvider()
  if (token) headers.Authorization = `Bearer ${token}`
  const req = { method, path }

  let res
  try {
    const init = { method, headers, body: rawBody !== undefined ? rawBody : body === undefined ? undefined : JSON.stringify(body) }
    if (signal) init.signal = signal
    res = await fetch(url, init)
  } catch (err) {
    if (isAbort(err, signal)) throw new ApiError(0, { code: 'aborted', message: 'request aborted' }, req)
    throw new ApiError(0, { code: 'network', message: 'network error' }, req)
  }
  let text
  try {
    text = await res.text()
  } catch (err) {
    if (isAbort(err, signal)) throw new ApiError(0, { code: 'aborted', message: 'request aborted' }, req)
    throw new ApiError(0, { code: 'network', message: 'network error' }, req)
  }
  let data = null
  if (text) {
    try {
      data = JSON.parse(text)
    } catch {
      data = null
    }
  }
  if (!res.ok) {
    const err = new ApiError(res.status, (data && data.error) || {}, req, { retryAfter: retryAfterOf(res) })
    if (res.status === 401 && !(method === 'POST' && path === '/sessions')) onUnauthorized(err)
    throw err
  }
  return data
}

function parseJson(text) {
  if (!text) return null
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

/**
 * POST of a file's raw bytes (an attachment), with upload progress: XMLHttpRequest,
 * because fetch reports none. `onProgress(fraction)` as the bytes go out; resolves to
 * the JSON answer, rejects with ApiError like request(). `XHR` is injectable for tests.
 */
export function uploadFile(path, file, { query, contentType, onProgress, XHR = globalThis.XMLHttpRequest } = {}) {
  const req = { method: 'POST', path }
  return new Promise((resolve, reject) => {
    const xhr = new XHR()
    xhr.open('POST', `${API_BASE}${path}${toQuery(query)}`)
    xhr.setRequestHeader('Accept', 'application/json')
    if (contentType) xhr.setRequestHeader('Content-Type', contentType)
    const token = tokenProvider()
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`)
    if (onProgress && xhr.upload) {
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable && e.total > 0) onProgress(Math.min(1, e.loaded / e.total))
      }
    }
    xhr.onload = () => {
      const data = parseJson(xhr.responseText)
      if (xhr.status >= 200 && xhr.status < 300) {
        if (onProgress) onProgress(1)
        resolve(data)
        return
      }
      const err = new ApiError(xhr.status, (data && data.error) || {}, req)
      if (xhr.status === 401) onUnauthorized(err)
      reject(err)
    }
    xhr.onerror = () => reject(new ApiError(0, { code: 'network', message: 'network error' }, req))
    xhr.onabort = () => reject(new ApiError(0, { code: 'aborted', message: 'request aborted' }, req))
    xhr.send(file)
  })
}

/** GET of a file (needs the bearer token, so not a plain link) → {blob, type, disposition}. */
export async function fetchFile(path) {
  const headers = {}
  const token = tokenProvider()
  if (token) headers.Authorization = `Bearer ${token}`
  const req = { method: 'GET', path }
  let res
  try {
    res = await fetch(`${API_BASE}${path}`, { method: 'GET', headers })
  } catch {
    throw new ApiError(0, { code: 'network', message: 'network error' }, req)
  }
  if (!res.ok) {
    const data = parseJson(await res.text().catch(() => ''))
    const err = new ApiError(res.status, (data && data.error) || {}, req)
    if (res.status === 401) onUnauthorized(err)
    throw err
  }
  const header = (k) => (res.headers && typeof res.headers.get === 'function' ? res.headers.get(k) : null)
  return { blob: await res.blob(), type: header('Content-Type') || '', disposition: header('Content-Disposition') || '' }
}

export const api = {
  get: (path, query) => request('GET', path, { query }),
  post: (path, body = {}) => request('POST', path, { body }),
  put: (path, body = {}) => request('PUT', path, { body }),
  del: (path, query) => request('DELETE', path, { query }),

  login: (username, password) => request('POST', '/sessions', { body: { username, password } }),
  logout: () => request('DELETE', '/sessions'),
  me: () => request('GET', '/me'),
  limits: () => request('GET', '/limits'),
  policies: () => request('GET', '/policies'),
  units: () => request('GET', '/units'),
  categories: () => request('GET', '/categories'),

  listTickets: (query) => request('GET', '/tickets', { query }),
  stats: (query) => request('GET', '/stats', { query }),
  // 动态清零台账: a page as JSON, or the whole month as a CSV/XLSX file (with the bearer token).
  ledger: (query) => request('GET', '/ledger', { query }),
  downloadLedger: (path) => fetchFile(path),
  getTicket: (id) => request('GET', `/tickets/${encodeURIComponent(id)}`),
  createTicket: (appeal) => request('POST', '/tickets', { body: appeal }),
  command: (id, command, body = {}) => request('POST', `/tickets/${encodeURIComponent(id)}/${command}`, { body }),

  // A ticket's files and related tickets.
  attachments: (id) => request('GET', `/tickets/${encodeURIComponent(id)}/attachments`),
  uploadAttachment: (id, file, { contentType, onProgress, XHR } = {}) =>
    uploadFile(`/tickets/${encodeURIComponent(id)}/attachments`, file, { query: { name: file.name }, contentType, onProgress, XHR }),
  downloadAttachment: (id, attachmentId) =>
    fetchFile(`/tickets/${encodeURIComponent(id)}/attachments/${encodeURIComponent(attachmentId)}`),
  related: (id) => request('GET', `/tickets/${encodeURIComponent(id)}/related`),

  // 受理台's live suggestions; `signal` lets a newer keystroke abort an older request.
  triage: (body, { signal } = {}) => request('POST', '/triage', { body, signal }),

  // 知识库
  kbSearch: (query) => request('GET', '/kb', { query }),
  kbEntry: (id) => request('GET', `/kb/${encodeURIComponent(id)}`),
  kbVersions: (id) => request('GET', `/kb/${encodeURIComponent(id)}/versions`),
  kbCreate: (entry) => request('POST', '/kb', { body: entry }),
  kbUpdate: (id, entry, version) => request('PUT', `/kb/${encodeURIComponent(id)}`, { body: { ...entry, version } }),
  kbWithdraw: (id, version) => request('DELETE', `/kb/${encodeURIComponent(id)}`, { query: { version } }),

  // 系统管理 (admin). Units, categories and the catalog are replaced whole: the screens
  // load everything, edit a local copy, and PUT the whole list back.
  users: () => request('GET', '/users'),
  createUser: (user) => request('POST', '/users', { body: user }),
  updateUser: (username, user) => request('PUT', `/users/${encodeURIComponent(username)}`, { body: user }),
  replaceUnits: (items) => request('PUT', '/units', { body: { items } }),
  replaceCategories: (items) => request('PUT', '/categories', { body: { items } }),
  catalog: () => request('GET', '/catalog'),
  replaceCatalog: (items) => request('PUT', '/catalog', { body: { items } }),
  audit: (query) => request('GET', '/audit', { query }),
  // 时限规则 and 工作日历 (issue 10): the rules and hours are saved whole with the version read.
  replacePolicies: (body) => request('PUT', '/policies', { body }),
  calendarYear: (year) => request('GET', `/calendar/${encodeURIComponent(year)}`),
  removeCalendarYear: (year) => request('DELETE', `/calendar/${encodeURIComponent(year)}`),
  uploadCalendarYear: (year, csv) =>
    request('PUT', `/calendar/${encodeURIComponent(year)}`, { text: csv, contentType: 'text/csv; charset=utf-8' }),
}

// The citizen portal's calls: no login, rate-limited per client address on the server.
export const publicApi = {
  submitAppeal: (appeal) => request('POST', '/public/appeals', { body: appeal }),
  track: (number, code) => request('GET', `/public/tickets/${encodeURIComponent(number)}`, { query: { code } }),
  evaluate: (number, evaluation) =>
    request('POST', `/public/tickets/${encodeURIComponent(number)}/evaluation`, { body: evaluation }),
  kbSearch: (query) => request('GET', '/public/kb', { query }),
  kbEntry: (id) => request('GET', `/public/kb/${encodeURIComponent(id)}`),
  areas: () => request('GET', '/public/areas'),
  // The city's map as GeoJSON (404 when the city has none); 数据大屏 draws it too.
  cityMap: () => request('GET', '/public/map'),
  locate: (address) => request('GET', '/public/locate', { query: { address } }),
  privacy: () => request('GET', '/public/privacy'),
  /** A photo of a new appeal, authorised by its number and query code. */
  uploadPhoto: (number, code, file, { onProgress, XHR } = {}) =>
    uploadFile(`/public/tickets/${encodeURIComponent(number)}/attachments`, file, {
      query: { code, name: file.name }, contentType: file.type, onProgress, XHR,
    }),
}
