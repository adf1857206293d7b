// The one way the console talks to the server: JSON over fetch, with the
// session's bearer token, and every failure thrown as an ApiError.
import { ApiError } from './errors.js'

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

export async function request(method, path, { body, query } = {}) {
  const url = `${API_BASE}${path}${toQuery(query)}`
  const headers = { Accept: 'application/json' }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  const token = tokenProvider()
  if (token) headers.Authorization = `Bearer ${token}`
  const req = { method, path }

  let res
  try {
    res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  } catch {
    throw new ApiError(0, { code: 'network', message: 'network error' }, req)
  }
  const text = await res.text()
  let data = null
  if (text) {
    try {
      data = JSON.parse(text)
    } catch {
      data = null
    }
  }
  if (!res.ok) {
    const err = new ApiError(res.status, (data && data.error) || {}, req)
    if (res.status === 401 && !(method === 'POST' && path === '/sessions')) onUnauthorized(err)
    throw err
  }
  return data
}

export const api = {
  get: (path, query) => request('GET', path, { query }),
  post: (path, body = {}) => request('POST', path, { body }),
  del: (path) => request('DELETE', path),

  login: (username, password) => request('POST', '/sessions', { body: { username, password } }),
  logout: () => request('DELETE', '/sessions'),
  me: () => request('GET', '/me'),
  units: () => request('GET', '/units'),
  categories: () => request('GET', '/categories'),

  listTickets: (query) => request('GET', '/tickets', { query }),
  getTicket: (id) => request('GET', `/tickets/${encodeURIComponent(id)}`),
  createTicket: (appeal) => request('POST', '/tickets', { body: appeal }),
  command: (id, command, body = {}) => request('POST', `/tickets/${encodeURIComponent(id)}/${command}`, { body }),
}
