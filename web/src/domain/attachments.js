// A ticket's attachments (GET/POST /tickets/{id}/attachments) and related tickets
// (GET /tickets/{id}/related): the checks a file passes before it is sent (with the
// server's limits: size, types, name length; the server checks again and has the
// final word), sizes in words, and the relations.

import { OPEN_STATES } from './labels.js'
import { limits } from '../api/limits.js'

/**
 * Who may attach files: the state machine's `attach` row — operators, dispatchers,
 * unit staff, supervisors and callback agents, on an open ticket they can see. The
 * server strips `attach` from `available_commands` (it is not a command button), so the
 * page mirrors the rule; `attach` in the list, should the server send it, counts too.
 */
export const ATTACH_ROLES = ['operator', 'dispatcher', 'unit', 'supervisor', 'callback']

export function canAttach(ticket, role) {
  if (!ticket) return false
  if ((ticket.available_commands || []).includes('attach')) return true
  return ATTACH_ROLES.includes(role) && OPEN_STATES.includes(ticket.state)
}

// Browsers leave some types empty or spell them their own way; the extension decides then.
const BY_EXTENSION = {
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp',
  pdf: 'application/pdf', txt: 'text/plain', mp3: 'audio/mpeg', wav: 'audio/wav', amr: 'audio/amr', mp4: 'video/mp4',
  doc: 'application/msword', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}
const ALIASES = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg', 'audio/x-wav': 'audio/wav', 'audio/wave': 'audio/wav', 'audio/mp3': 'audio/mpeg' }

/** The `accept` attribute of the file input: the server's types and their extensions. */
export function acceptList() {
  const types = limits.attachment_types
  const extensions = Object.keys(BY_EXTENSION).filter((e) => types.includes(BY_EXTENSION[e]))
  return [...types, ...extensions.map((e) => `.${e}`)].join(',')
}

/** The Content-Type to send for a file: its own when the server knows it, else by extension, else its own ('' if none). */
export function contentTypeOf(file) {
  const own = String((file && file.type) || '').split(';')[0].trim().toLowerCase()
  const normal = ALIASES[own] || own
  if (limits.attachment_types.includes(normal)) return normal
  const m = /\.([a-z0-9]+)$/i.exec(String((file && file.name) || ''))
  const byExt = m ? BY_EXTENSION[m[1].toLowerCase()] : ''
  return byExt || normal
}

/**
 * Whether a chosen file may be sent: null when it may, else {reason, field} with
 * reason 'empty' | 'tooLarge' | 'type' | 'name' (the field the server would name).
 */
export function checkAttachment(file) {
  if (!file) return { reason: 'empty', field: 'size' }
  const name = String(file.name || '')
  // eslint-disable-next-line no-control-regex
  if (!name || name === '.' || name === '..' || /[\u0000-\u001f\u007f/\\"]/.test(name) || new TextEncoder().encode(name).length > limits.attachment_name_max_bytes) {
    return { reason: 'name', field: 'name' }
  }
  if (!(file.size > 0)) return { reason: 'empty', field: 'size' }
  if (file.size > limits.attachment_max_bytes) return { reason: 'tooLarge', field: 'size' }
  if (!limits.attachment_types.includes(contentTypeOf(file))) return { reason: 'type', field: 'content_type' }
  return null
}

/** A refusal from the server (ApiError with `reason` and `field`) → the same reasons as checkAttachment. */
export function uploadRefusal(err) {
  if (!err || err.status !== 400) return ''
  if (err.reason === 'empty_file') return 'empty'
  if (err.reason === 'too_large' || err.field === 'size') return 'tooLarge'
  if (err.reason === 'unsupported_type' || err.field === 'content_type') return 'type'
  if (err.field === 'name') return 'name'
  return ''
}

/** 0 → "0 B", 1536 → "1.5 KB", 10485760 → "10 MB" (binary units, one decimal under 10). */
export function formatSize(bytes) {
  const n = Number(bytes)
  if (!Number.isFinite(n) || n < 0) return ''
  if (n < 1024) return `${Math.round(n)} B`
  const units = ['KB', 'MB', 'GB']
  let v = n / 1024
  let i = 0
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024
    i += 1
  }
  const text = v < 10 ? v.toFixed(1).replace(/\.0$/, '') : String(Math.round(v))
  return `${text} ${units[i]}`
}

/** The file name from a Content-Disposition header (RFC 6266: filename* first), else `fallback`. */
export function fileNameFrom(disposition, fallback = 'download') {
  const header = String(disposition || '')
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header)
  if (star) {
    try {
      return decodeURIComponent(star[1].trim())
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"/i.exec(header) || /filename\s*=\s*([^;]+)/i.exec(header)
  const name = plain ? plain[1].trim() : ''
  return name && name !== 'download' ? name : fallback
}

/** Whether the file is a picture a browser shows (for a thumbnail icon). */
export function isImage(contentType) {
  return /^image\//.test(String(contentType || ''))
}

export const RELATIONS = ['merged', 'same_caller', 'similar']

/** Element Plus tag type per relation. */
export function relationTagType(relation) {
  if (relation === 'merged') return 'danger'
  if (relation === 'same_caller') return 'warning'
  return 'info'
}

/** Related tickets grouped in a stable order: merged first, then the same caller, then similar; newest first within. */
export function sortRelated(items) {
  const rank = (r) => {
    const i = RELATIONS.indexOf(r)
    return i < 0 ? RELATIONS.length : i
  }
  return [...(items || [])].sort((a, b) => rank(a.relation) - rank(b.relation) || String(b.created_at).localeCompare(String(a.created_at)))
}
