// What a decision dialog shows above its form: the facts the decision rests on
// (issue 9: "every decision dialog shows what it decides on"). Pure: the ticket as
// GET /tickets/{id} returns it, and its events when the dialog has loaded them,
// become rows {key, value, kind} — `key` an i18n key under `facts.`, `kind` one of
// 'text' (long text, shown as a block), 'phone' (dialled by the agent), 'line'.
// Rows without a value are left out, so a dialog never shows an empty label.
import { actorDisplayName, formatTime, namedRef } from './format.js'
import { label } from './labels.js'
import { supervisionRows } from './supervision.js'
import { coAnsweredText, coTaskRows, jointReviewRows } from './coordination.js'

/** Which commands' dialogs load the ticket's events (their facts read history). */
export const NEEDS_EVENTS = new Set(['decide-extension', 'dispatch', 'review', 'callback', 'accept-reply', 'reject-reply'])

/** Which commands' dialogs list the ticket's attachments. */
export const SHOWS_ATTACHMENTS = new Set(['review', 'callback', 'accept-reply', 'reject-reply', 'reply'])

function row(key, value, kind = 'line') {
  return { key, value: value === undefined || value === null ? '' : String(value), kind }
}

function lastEvent(events, command) {
  for (let i = events.length - 1; i >= 0; i--) if (events[i].command === command) return events[i]
  return null
}

function who(event, unitName) {
  if (!event || !event.actor) return ''
  const a = event.actor
  const unit = a.unit ? unitName(a.unit) : ''
  const name = actorDisplayName(a)
  return [unit, name].filter(Boolean).join(' · ')
}

function when(event) {
  return event ? formatTime(event.at) : ''
}

function replyRows(ticket, events, unitName) {
  const reply = ticket.reply || {}
  const replied = lastEvent(events, 'reply')
  const contact = [reply.contact_method ? label('contactMethod', reply.contact_method) : '', formatTime(reply.contacted_at)]
  return [
    row('reply', reply.content, 'text'),
    row('result', reply.result ? label('result', reply.result) : ''),
    row('repliedBy', [who(replied, unitName) || namedRef(reply.unit) || namedRef(ticket.lead_unit), when(replied)].filter(Boolean).join(' ')),
    row('contact', contact.filter(Boolean).join(' ')),
    row('handler', [reply.handler, reply.handler_phone].filter(Boolean).join(' ')),
    row('coAnswered', coAnsweredText(ticket)),
  ]
}

/** The co-units' opinions the lead unit writes its reply with: "市住建局：…". */
function coOpinionRows(ticket) {
  return coTaskRows(ticket).map((c) => row('coOpinion', `${c.unit}（${c.stateText}）${c.reply ? '：' + c.reply : ''}`, 'text'))
}

/** Earlier extension requests and decisions, oldest first: "2026-11-20 09:00 申请 5 天：…". */
export function extensionHistory(events) {
  const out = []
  for (const e of events) {
    if (e.command === 'request-extension') out.push({ at: formatTime(e.at), kind: 'request', days: e.input?.days, reason: e.input?.reason || '' })
    if (e.command === 'decide-extension') out.push({ at: formatTime(e.at), kind: e.input?.approve ? 'approved' : 'refused', reason: e.input?.reason || '' })
  }
  return out
}

/**
 * The facts for `command` on `ticket`. `unitName(code)` turns a unit code into its
 * name (the reference store's); events are the ticket's history, oldest first.
 */
export function commandFacts(command, ticket, events = [], unitName = (c) => c) {
  if (!ticket) return []
  const rows = []
  switch (command) {
    case 'review':
      rows.push(row('leadUnit', namedRef(ticket.lead_unit)), ...replyRows(ticket, events, unitName))
      break
    case 'callback':
      rows.push(
        row('callerName', ticket.caller?.name),
        row('callerPhone', ticket.caller?.phone, 'phone'),
        row('leadUnit', namedRef(ticket.lead_unit)),
        ...replyRows(ticket, events, unitName),
        row('callbackAttempts', ticket.callback_attempts ? String(ticket.callback_attempts) : ''),
      )
      break
    case 'decide-extension': {
      const ext = ticket.extension || {}
      const asked = lastEvent(events, 'request-extension')
      rows.push(
        row('extensionDays', ext.pending && ext.days ? ext.days : ''),
        row('extensionReason', ext.pending ? ext.reason : '', 'text'),
        row('requestedBy', [who(asked, unitName), when(asked)].filter(Boolean).join(' ')),
        row('dueAt', formatTime(ticket.due_at)),
      )
      break
    }
    case 'dispatch':
    case 'transfer-emergency':
    case 'merge':
    case 'edit':
      if (ticket.last_return && ['to_dispatch', 'joint_review'].includes(ticket.state)) {
        const back = ticket.last_return
        rows.push(
          row('returnedBy', namedRef(back.unit)),
          row('returnKind', back.kind ? label('returnKind', back.kind) : ''),
          row('returnReason', back.reason, 'text'),
          row('suggestedUnit', namedRef(back.suggested_unit)),
          row('returnCount', ticket.return_count ? String(ticket.return_count) : ''),
        )
      }
      break
    case 'accept-reply':
    case 'reject-reply':
      rows.push(row('replyFrom', namedRef(ticket.reply?.from)), ...replyRows(ticket, events, unitName))
      break
    case 'contact': // 联系诉求人: who to reach, and what the dispatcher asked for
      rows.push(
        row('callerName', ticket.caller?.name),
        row('callerPhone', ticket.caller?.phone, 'phone'),
        row('dispatchNote', ticket.dispatch_note, 'text'),
      )
      break
    case 'sign':
    case 'reply':
    case 'return':
      rows.push(row('dispatchNote', ticket.dispatch_note, 'text'))
      if (command === 'reply' && ticket.reply && !ticket.reply.awaiting) rows.push(...replyRows(ticket, events, unitName))
      if (command === 'reply') rows.push(...coOpinionRows(ticket))
      break
    // 联席会议: why it came here and how often it was sent back.
    case 'decide-joint-review': {
      const pending = jointReviewRows(ticket).find((r) => !r.decided)
      if (pending) rows.push(row('jointReviewSent', pending.sent), row('jointReviewReason', pending.reason, 'text'))
      rows.push(row('returnCount', ticket.return_count ? String(ticket.return_count) : ''))
      break
    }
    // 答复督办: what each open supervision orders; 销号: what the unit answered.
    case 'answer-supervision':
    case 'close-supervision':
      for (const s of supervisionRows(ticket).filter((r) => r.state !== 'closed')) {
        rows.push(
          row('supervisedBy', `${s.level} · ${s.opened}`),
          row('supervisionInstructions', s.instructions, 'text'),
          row('supervisionDue', s.due),
        )
        if (command === 'close-supervision') rows.push(row('supervisionAnswer', s.answer, 'text'), row('supervisionAnsweredBy', s.answered))
      }
      break
    case 'reopen':
    case 'close':
      rows.push(
        row('satisfaction', ticket.satisfaction ? label('satisfaction', ticket.satisfaction) : ''),
        row('dissatisfaction', ticket.dissatisfaction ? label('dissatisfaction', ticket.dissatisfaction) : ''),
        row('callbackComment', ticket.callback_comment, 'text'),
        row('callbackAttempts', ticket.callback_attempts ? String(ticket.callback_attempts) : ''),
        ...replyRows(ticket, events, unitName),
      )
      break
    default:
      break
  }
  return rows.filter((r) => r.value !== '')
}
