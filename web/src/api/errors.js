// Turns API errors ({"error":{"code","reason","message","field","params"}} with an
// HTTP status) into one plain sentence a call-taker understands. This is the one
// place that words errors: by their stable reason and its params (the words are
// under error.reason in the i18n files), and for the generic codes by the request's
// context. The English message is never read: it is for logs and the CLI.
import { messages, currentLocale, t } from '../i18n/index.js'
import { commandLabel, fieldLabel, label as tableLabel, roleLabel, stateLabel } from '../domain/labels.js'
import { formatSize } from '../domain/attachments.js'
import { ApiError } from './apiError.js'
import { GENERIC_REASONS, REASONS } from './reasons.js'

export { ApiError }

// Limits on these are in characters; on every other text field in bytes of UTF-8.
const CHARACTER_FIELDS = new Set(['username', 'password', 'new_password', 'current_password'])

function isLogin(err) {
  return err.request && err.request.method === 'POST' && /\/sessions$/.test(err.request.path || '')
}

function isKbRequest(err) {
  return /^\/kb(\/|$)/.test((err.request && err.request.path) || '')
}

function isTicketRequest(err) {
  return /\/tickets\/\d+/.test((err.request && err.request.path) || '')
}

/** "items[4].kind" → { index: 4, name: 'kind' }; any other field → null. */
export function itemField(field) {
  const m = /^items\[(\d+)\]\.(\w+)$/.exec(field || '')
  return m ? { index: Number(m[1]), name: m[2] } : null
}

function adminField(field) {
  return messages[currentLocale()]?.admin?.field?.[field] ?? messages['zh-CN'].admin?.field?.[field]
}

/** A field's name in words: the general field table, then the admin screens' one, else as sent. */
export function defaultFieldName(field) {
  const general = fieldLabel(field)
  return general !== field ? general : adminField(field) ?? field
}

/** The same, the admin screens' names first (their 「所属单位」 for `unit`, …). */
export function adminFieldName(field) {
  return adminField(field) ?? fieldLabel(field)
}

// A ticket command (签收) or another refused action (查看统计) in words.
function actionName(action) {
  const command = commandLabel(action)
  return command !== action ? command : tableLabel('errorAction', action)
}

// error.reason.<reason>, or a variant when the params say more.
function reasonKey(reason, p, field) {
  if (reason === 'invalid_value' && p.min !== undefined && p.max !== undefined) return 'error.range'
  if (reason === 'too_long' && p.max !== undefined) return 'error.tooLongMax'
  if (reason === 'too_large' && p.max === undefined) return 'error.reason.payload_too_large'
  if (reason === 'required' && p.code !== undefined) return 'error.requiredOf'
  if (reason === 'already_exists' && p.username !== undefined) return 'error.usernameTaken'
  if (reason === 'outside_unit_scope' && field === 'unit') return 'error.dispatchBelow'
  return `error.reason.${reason}`
}

/**
 * The words for an error's reason and params, or '' when it carries none of its
 * own (a generic code, or a reason this console does not know). `label(code, field)`
 * names a unit or category code (field: the error's, e.g. 'category' or 'lead', or
 * 'parent'); `fieldName(field)` names a field.
 */
export function reasonText(err, { label = (code) => code, fieldName = defaultFieldName } = {}) {
  if (!err || typeof err !== 'object') return ''
  const reason = err.reason || err.code || ''
  if (!REASONS.includes(reason) || GENERIC_REASONS.includes(reason)) return ''
  const item = itemField(err.field)
  const field = item ? item.name : err.field || ''
  const p = { ...(err.params || {}) }
  p.fieldName = field ? fieldName(field) : t('error.thisField')
  if (p.code !== undefined) p.code = label(p.code, field || 'code') // the field tells a unit from a category
  if (p.parent !== undefined) p.parent = label(p.parent, 'parent')
  if (p.state !== undefined) p.state = stateLabel(p.state)
  if (p.command !== undefined) p.command = actionName(p.command)
  if (p.role !== undefined) p.role = roleLabel(p.role)
  if (p.max !== undefined) {
    const max = Number(p.max)
    p.chars = CHARACTER_FIELDS.has(field) ? max : Math.floor(max / 3)
    p.size = formatSize(max)
  }
  const text = t(reasonKey(reason, p, field), p)
  if (p.rule !== undefined) return t('error.inRule', { n: p.rule }) + text
  if (item) return t('error.inItem', { n: item.index + 1 }) + text
  return text
}

// An error without a reason of its own, by its HTTP status and what was asked.
function contextText(err) {
  const { status, field } = err
  if (status === 401) return isLogin(err) ? t('error.badLogin') : t('error.reason.unauthenticated')
  if (status === 403) return isTicketRequest(err) ? t('error.forbiddenTicket') : t('error.reason.permission_denied')
  if (status === 404) return isKbRequest(err) ? t('error.kbNotFound') : t('error.reason.not_found')
  if (status === 409) return isKbRequest(err) ? t('error.kbConflict') : t('error.reason.conflict')
  if (status === 400 || status === 422) return field ? t('error.fieldInvalid', { field: defaultFieldName(field) }) : t('error.invalid')
  if (status === 429) return t('error.reason.resource_exhausted')
  if (status === 503) return t('error.reason.unavailable')
  if (status >= 500) return t('error.reason.internal')
  return t('error.unknown')
}

/** The user-facing sentence for an ApiError (or any error); `options` as for reasonText. */
export function userMessage(err, options) {
  if (!(err instanceof ApiError)) return t('error.unknown')
  if (err.status === 0) return t('error.network')
  return reasonText(err, options) || contextText(err)
}
