// 并单 candidates: which of a ticket's related tickets (GET /tickets/{id}/related)
// can be its main ticket (主单). The server's rule (CheckMergeTarget in
// src/domain/state_machine.cc): the main ticket is another ticket, not merged
// itself, not finished, and not merged into the ticket being merged (no cycle).
// Related tickets carry no main_ticket field; a ticket merged into this one is in
// state `merged` (relation `merged`), so the state and relation rules cover the cycle.
import { OPEN_STATES } from './labels.js'
import { ticketRef } from './commands.js'

// Why a ticket is offered, in the order the dialog lists them.
export const CANDIDATE_REASONS = ['same_caller', 'similar']

/** True when `related` (one item of the related list) can be the main ticket of ticket `ticketId`. */
export function canBeMainTicket(related, ticketId) {
  if (!related || related.id === undefined || related.id === null) return false
  if (String(related.id) === String(ticketId)) return false
  if (!CANDIDATE_REASONS.includes(related.relation)) return false // `merged`: this ticket's main or sub-tickets
  return OPEN_STATES.includes(related.state)
}

/**
 * The related tickets that can be the main ticket of ticket `ticketId`: the same
 * caller's first, then similar ones; newest first within each; each ticket once.
 */
export function mergeCandidates(related, ticketId) {
  const seen = new Set()
  const rank = (r) => CANDIDATE_REASONS.indexOf(r.relation)
  return (related || [])
    .filter((r) => canBeMainTicket(r, ticketId))
    .filter((r) => !seen.has(String(r.id)) && seen.add(String(r.id)))
    .sort((a, b) => rank(a) - rank(b) || String(b.created_at || '').localeCompare(String(a.created_at || '')))
}

/** True when what the user typed (a number in any case, or an id) names `candidate`. */
export function isCandidateChosen(candidate, typed) {
  if (!candidate || typed === undefined || typed === null || String(typed).trim() === '') return false
  const ref = ticketRef(typed)
  return typeof ref === 'number' ? String(ref) === String(candidate.id) : ref === candidate.number
}
