// 知识库 screens: who may edit, the edit form and the body it becomes, the list
// query, and what changed between two versions of an entry.

export const KB_EDITORS = ['admin', 'supervisor']
export const KB_QUESTION_MAX = 1000
export const KB_ANSWER_MAX = 20000

export const canEditKb = (role) => KB_EDITORS.includes(role)

/** The edit form for an entry (or a blank one). */
export function entryForm(entry = null) {
  return {
    question: entry ? entry.question || '' : '',
    answer: entry ? entry.answer || '' : '',
    category: entry && entry.category ? entry.category.code : '',
    unit: entry && entry.unit ? entry.unit.code : '',
    public: entry ? entry.public !== false : true,
    valid_from: entry ? entry.valid_from || '' : '',
    valid_to: entry ? entry.valid_to || '' : '',
  }
}

/** Problems with the form, field → i18n key; empty when it may be sent. */
export function validateEntryForm(form) {
  const errors = {}
  if (!form.question || !form.question.trim()) errors.question = 'required'
  else if (form.question.trim().length > KB_QUESTION_MAX) errors.question = 'tooLong'
  if (!form.answer || !form.answer.trim()) errors.answer = 'required'
  else if (form.answer.trim().length > KB_ANSWER_MAX) errors.answer = 'tooLong'
  if (form.valid_from && form.valid_to && form.valid_from > form.valid_to) errors.valid_to = 'beforeStart'
  return errors
}

/**
 * The body of POST /kb or PUT /kb/{id}. PUT replaces the whole entry, so every
 * field is sent (an empty string clears category, unit and dates).
 */
export function entryBody(form) {
  return {
    question: form.question.trim(),
    answer: form.answer.trim(),
    category: form.category || '',
    unit: form.unit || '',
    public: !!form.public,
    valid_from: form.valid_from || '',
    valid_to: form.valid_to || '',
  }
}

/** GET /kb query: with a keyword a ranked search (the server returns the top hits only), else a page of the list. */
export function kbQuery({ q = '', category = '', includeWithdrawn = false, page = 1, perPage = 20 } = {}, { searchLimit = 100 } = {}) {
  const text = (q || '').trim()
  const query = {}
  if (category) query.category = category
  if (text) {
    query.q = text
    query.per_page = searchLimit
  } else {
    if (includeWithdrawn) query.include_withdrawn = 1
    query.page = page
    query.per_page = perPage
  }
  return query
}

const VERSION_FIELDS = ['question', 'answer', 'category', 'unit', 'public', 'valid_from', 'valid_to', 'active']
const refCode = (x) => (x && typeof x === 'object' ? x.code || '' : x || '')

/** The fields that differ between two versions (the first version: 'created'). */
export function versionChanges(prev, cur) {
  if (!prev) return ['created']
  const changed = []
  for (const f of VERSION_FIELDS) {
    const a = f === 'category' || f === 'unit' ? refCode(prev[f]) : prev[f] ?? ''
    const b = f === 'category' || f === 'unit' ? refCode(cur[f]) : cur[f] ?? ''
    if (a !== b) changed.push(f)
  }
  return changed
}

/** "2026-01-01 ~ 2026-12-31", "2026-01-01 起", "至 2026-12-31", or '' for always. */
export function validityText(entry, { since = '起', until = '至' } = {}) {
  const from = entry && entry.valid_from
  const to = entry && entry.valid_to
  if (from && to) return `${from} ~ ${to}`
  if (from) return `${from} ${since}`
  if (to) return `${until} ${to}`
  return ''
}
