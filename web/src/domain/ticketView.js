// What the ticket page shows of a ticket's internals, in words: priority (only when
// raised), coordinates (rounded), unit codes (as names), users (display names).
import { label } from './labels.js'

/** The words for priority 1 and 2 (i18n `polish.priority`; 3+ reads as 2); '' for 0 or none. */
export function priorityText(priority, locale) {
  const p = Math.floor(Number(priority))
  if (!Number.isFinite(p) || p <= 0) return ''
  return label('polish', 'priority', locale)[Math.min(p, 2)]
}

/** "28.01968, 116.33195": 5 decimals (about a metre) are all a reader needs. */
export function coordText(location, decimals = 5) {
  if (!location) return ''
  const { lat, lon } = location
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return ''
  return `${lat.toFixed(decimals)}, ${lon.toFixed(decimals)}`
}

/**
 * A unit as a reader knows it: {code, name} → its name; a bare code → the name
 * from `unitName` (the reference store's lookup), else the code.
 */
export function unitText(unit, unitName = (c) => c) {
  if (!unit) return ''
  if (typeof unit === 'object') return unit.name || (unit.code ? unitName(unit.code) : '') || ''
  return unitName(unit) || unit
}

/** 派单链: codes or {code,name} → names, joined by arrows. */
export const chainText = (chain, unitName) => (chain || []).map((u) => unitText(u, unitName)).filter(Boolean).join(' → ')

/** Who someone is: the display name when the API gives one, else the username. */
export const personName = (actor) => (actor ? actor.display_name || actor.username || '' : '')
