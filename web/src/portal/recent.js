// Tickets submitted from this device: number + query code, newest first, kept in
// localStorage so a citizen can track them later without copying the code down.
// Only on the citizen's own device; "清除" forgets them.
import { localClock, localDay } from '../domain/format.js'

const KEY = 'hotline.portal.recent'
export const MAX_RECENT = 5

function store(storage) {
  if (storage) return storage
  return typeof localStorage !== 'undefined' ? localStorage : null
}

/** "YYYY-MM-DD HH:MM" in the city's time. */
export function stamp(date = new Date()) {
  return `${localDay(date)} ${localClock(date).slice(0, 5)}`
}

/** [{number, code, at}] newest first; [] when nothing (or nothing readable) is stored. */
export function loadRecent(storage) {
  const s = store(storage)
  if (!s) return []
  try {
    const list = JSON.parse(s.getItem(KEY) || '[]')
    return Array.isArray(list) ? list.filter((x) => x && x.number && x.code) : []
  } catch {
    return []
  }
}

/** Puts a ticket first (once), keeping at most MAX_RECENT. */
export function rememberTicket({ number, code, at = stamp() }, storage) {
  const s = store(storage)
  if (!s || !number || !code) return []
  const list = [{ number, code, at }, ...loadRecent(s).filter((x) => x.number !== number)].slice(0, MAX_RECENT)
  try {
    s.setItem(KEY, JSON.stringify(list))
  } catch {
    /* storage full or disabled: the citizen still has the number on screen */
  }
  return list
}

/** The stored query code of `number`, or ''. */
export function codeFor(number, storage) {
  const hit = loadRecent(storage).find((x) => x.number === number)
  return hit ? hit.code : ''
}

export function forgetRecent(storage) {
  const s = store(storage)
  if (s) s.removeItem(KEY)
}
