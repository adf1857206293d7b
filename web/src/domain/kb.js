// 知识库 screens: who may edit, the edit form and the body it becomes, the list
// query, and what changed between two versions of an entry.

import { limits } from '../api/limits.js'

export const KB_EDITORS = ['admin', 'supervisor']

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

const utf8Bytes = (s) => new TextEncoder().encode(s).length

/** The question's and answer's limits in characters (the server's bytes over 3, a Chinese character's). */
export function kbMaxLength() {
  return { question: Math.floor(limits.kb_question_max_bytes / 3), answer: Math.floor(limits.kb_answer_max_bytes / 3) }
}

/** Problems with the form, field → i18n key; empty when it may be sent. */
export function validateEntryForm(form) {
  const errors = {}
  if (!form.question || !form.question.trim()) errors.question = 'required'
  else if (utf8Bytes(form.question.trim()) > limits.kb_question_max_bytes) errors.question = 'tooLong'
  if (!form.answer || !form.answer.trim()) errors.answer = 'required'
  else if (utf8Bytes(form.answer.trim()) > limits.kb_answer_max_bytes) errors.answer = 'tooLong'
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
