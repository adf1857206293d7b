// The ticket search form → query parameters of GET /api/v1/tickets.

/** el-table sort event → the API's sort parameter (default newest first). */
export function sortParam(prop, order) {
  const allowed = ['created_at', 'due_at', 'updated_at']
  if (!order || !allowed.includes(prop)) return '-created_at'
  return order === 'descending' ? `-${prop}` : prop
}

/**
 * The date range is inclusive in the form; the API's `to` is exclusive, so the
 * day after the end date is sent.
 */
export function searchQuery(filters, { sort = '-created_at', page = 1, perPage = 20 } = {}) {
  const q = {
    state: filters.state && filters.state.length ? filters.state : undefined,
    unit: filters.unit || undefined,
    category: filters.category || undefined,
    q: keywordParam(filters.q),
    phone: filters.phone ? filters.phone.replace(/\s+/g, '') : undefined,
    channel: filters.channel && filters.channel.length ? filters.channel : undefined,
    area: filters.area || undefined,
    overdue: filters.overdue ? 1 : undefined,
    returned: filters.returned ? 1 : undefined,
    enterprise: filters.enterprise ? 'true' : undefined, // 企业诉求 (2110)
    sort: filters.priorityOrder ? 'priority' : sort, // 四优先: company, supervised, then by deadline
    page,
    per_page: perPage,
  }
  if (Array.isArray(filters.dates) && filters.dates.length === 2) {
    q.from = filters.dates[0]
    q.to = dayAfter(filters.dates[1])
  }
  return q
}

export function dayAfter(day) {
  const d = new Date(`${day}T00:00:00Z`)
  return new Date(d.getTime() + 86400 * 1000).toISOString().slice(0, 10)
}

/**
 * The API's `q`: keywords separated by spaces, each found in the content, address
 * or reply (all of them), or a ticket id, or a full ticket number (LC…, exactly as displayed). A number typed in lower case is sent upper-cased.
 */
export function keywordParam(q) {
  const text = (q || '').trim()
  if (!text) return undefined
  return /^lc\d+$/i.test(text) ? text.toUpperCase() : text
}

/**
 * The keywords of a search box text, as the server splits them (white space,
 * the ideographic space U+3000 too); none for a ticket number (LC…).
 */
export function searchKeywords(q) {
  const text = (q || '').trim()
  if (!text || /^lc\d+$/i.test(text)) return []
  return text.split(/[\s\u3000]+/).filter(Boolean)
}

/**
 * Filters a link may carry (数据大屏's map opens 工单查询 with `?area=&from=`):
 * `area` as it is; `from` (YYYY-MM-DD) as a date range up to `today` (or `to`).
 */
export function filtersFromQuery(query, today) {
  const out = {}
  const one = (v) => (Array.isArray(v) ? v[0] : v)
  const area = one(query && query.area)
  if (typeof area === 'string' && area) out.area = area
  const day = /^\d{4}-\d{2}-\d{2}$/
  const from = one(query && query.from)
  const to = one(query && query.to)
  if (typeof from === 'string' && day.test(from)) {
    const end = typeof to === 'string' && day.test(to) ? to : today
    if (end && end >= from) out.dates = [from, end]
  }
  return out
}
