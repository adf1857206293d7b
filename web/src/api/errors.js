// Turns API errors ({"error":{"code","message","field"}} with an HTTP status)
// into one plain sentence a call-taker understands.
import { t } from '../i18n/index.js'
import { fieldLabel } from '../domain/labels.js'
import { ApiError } from './apiError.js'

export { ApiError }

// Known 409 messages from the state machine, matched on the English text.
const CONFLICTS = [
  [/extension request is already pending/i, 'error.extensionPending'],
  [/no extension request is pending/i, 'error.noExtensionPending'],
  [/must be tried \d+ times/i, 'error.mustTryCallback'],
]

function isLogin(err) {
  return err.request && err.request.method === 'POST' && /\/sessions$/.test(err.request.path || '')
}

function isKbRequest(err) {
  return /^\/kb(\/|$)/.test((err.request && err.request.path) || '')
}

function isTicketRequest(err) {
  return /\/tickets\/\d+/.test((err.request && err.request.path) || '')
}

/** The user-facing sentence for an ApiError (or any error). */
export function userMessage(err) {
  if (!(err instanceof ApiError)) return t('error.unknown')
  const { status, code, field } = err
  if (status === 0) return t('error.network')
  if (status === 401) return isLogin(err) ? t('error.badLogin') : t('error.unauthenticated')
  if (status === 403) return isTicketRequest(err) ? t('error.forbiddenTicket') : t('error.forbidden')
  if (status === 404) return isKbRequest(err) ? t('error.kbNotFound') : t('error.notFound')
  if (status === 409) {
    if (isKbRequest(err)) return t('error.kbConflict')
    if (code === 'already_exists') return t('error.alreadyExists')
    for (const [re, key] of CONFLICTS) if (re.test(err.serverMessage)) return t(key)
    return t('error.conflict')
  }
  if (status === 400 || status === 422) {
    if (!field) return t('error.invalid')
    const name = fieldLabel(field)
    const required = /is required|must not be empty|missing/i.test(err.serverMessage)
    return required ? t('error.fieldRequired', { field: name }) : t('error.fieldInvalid', { field: name })
  }
  if (status === 429) return t('error.tooMany')
  if (status === 503) return t('error.unavailable')
  if (status >= 500) return t('error.server')
  return t('error.unknown')
}
