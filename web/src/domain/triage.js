// The intake desk's live suggestions (POST /api/v1/triage): what is sent while the
// operator types, a debounced "latest answer wins" query, and how alerts and
// suggestions become ticket commands.
import { EMERGENCY_NUMBERS } from './labels.js'

export const TRIAGE_DELAY_MS = 300

/** The triage request for the form as it is now; null while there is nothing to look at. */
export function triageBody(form) {
  const content = (form.content || '').trim()
  const address = (form.address || '').trim()
  if (!content && !address) return null
  const body = { content, enterprise: !!form.enterprise }
  if (address) body.address = address
  if (form.category) body.category = form.category
  if (form.location && Number.isFinite(form.location.lat) && Number.isFinite(form.location.lon)) {
    body.location = { lat: form.location.lat, lon: form.location.lon }
  }
  return body
}

/**
 * A debounced query whose answers are shown in order: `schedule(input)` waits
 * `delay` ms of quiet, then calls `fetcher(input, signal)`. Starting a request
 * aborts the one still running; an answer older than the one already delivered is
 * dropped, so a slow early request can never overwrite a later one. `schedule(null)`
 * (nothing to look at) cancels everything and delivers null at once.
 *
 * Callbacks: onResult(result, input), onError(err, input), onBusy(bool).
 */
export function createLiveQuery(fetcher, { delay = TRIAGE_DELAY_MS, onResult = () => {}, onError = () => {}, onBusy = () => {} } = {}) {
  let timer = null
  let pendingInput // the input waiting for the quiet period
  let lastKey // the last input scheduled (JSON), to skip repeats
  let issued = 0 // requests sent
  let delivered = 0 // newest request whose outcome was delivered
  let invalidated = 0 // answers of requests up to this one are no longer wanted
  const running = new Map() // request number → AbortController

  const setBusy = () => onBusy(timer !== null || running.size > 0)

  function abortAll() {
    for (const c of running.values()) c.abort()
    running.clear()
  }

  async function send(input) {
    timer = null
    pendingInput = undefined
    const n = ++issued
    abortAll() // the answer to an older input is no longer wanted
    const controller = typeof AbortController !== 'undefined' ? new AbortController() : { signal: undefined, abort() {} }
    running.set(n, controller)
    setBusy()
    try {
      const result = await fetcher(input, controller.signal)
      if (n > delivered && n > invalidated) {
        delivered = n
        onResult(result, input)
      }
    } catch (err) {
      const aborted = controller.signal && controller.signal.aborted
      if (!aborted && n > delivered && n > invalidated) {
        delivered = n
        onError(err, input)
      }
    } finally {
      running.delete(n)
      setBusy()
    }
  }

  function schedule(input) {
    const key = input === null || input === undefined ? null : JSON.stringify(input)
    if (key === lastKey) return
    lastKey = key
    clearTimeout(timer)
    timer = null
    if (key === null) {
      pendingInput = undefined
      abortAll()
      invalidated = issued
      setBusy()
      onResult(null, null)
      return
    }
    pendingInput = input
    timer = setTimeout(() => send(input), delay)
    setBusy()
  }

  /** Stops everything (leaving the page, or the ticket was saved); later answers are dropped. */
  function cancel() {
    clearTimeout(timer)
    timer = null
    pendingInput = undefined
    abortAll()
    invalidated = issued
    lastKey = undefined
    setBusy()
  }

  /** Sends a scheduled input now instead of after the quiet period (e.g. the ticket is being saved). */
  function flush() {
    if (timer === null || pendingInput === undefined) return
    clearTimeout(timer)
    send(pendingInput)
  }

  return { schedule, cancel, flush }
}

// ---------------------------------------------------------------- alerts → actions

/**
 * What the operator can do about each alert, emergencies first:
 * emergency → transfer-emergency {number}; out_of_scope → out-of-scope {reason: script}.
 * Two rules naming the same number (e.g. 120 for a sick person and for a crash
 * with injuries) give one action with both labels' keywords.
 */
export function alertActions(alerts) {
  const actions = []
  const byKey = new Map()
  for (const a of alerts || []) {
    if (!a || !a.kind) continue
    let action
    if (a.kind === 'emergency') {
      const number = String(a.code || '')
      if (!EMERGENCY_NUMBERS.includes(number)) continue
      action = {
        key: `emergency:${number}`, kind: 'emergency', command: 'transfer-emergency', body: { number },
        number, label: a.label || '', matched: [...(a.matched || [])], blocking: !!a.blocking, script: a.script || '',
      }
    } else if (a.kind === 'out_of_scope') {
      const reason = (a.script || a.label || '').trim()
      if (!reason) continue
      action = {
        key: `out_of_scope:${a.code}`, kind: 'out_of_scope', command: 'out-of-scope', body: { reason },
        code: a.code, label: a.label || '', matched: [...(a.matched || [])], blocking: !!a.blocking, script: a.script || '',
      }
    } else {
      continue
    }
    const seen = byKey.get(action.key)
    if (seen) {
      for (const m of action.matched) if (!seen.matched.includes(m)) seen.matched.push(m)
      if (action.label && !seen.label.includes(action.label)) seen.label = `${seen.label}；${action.label}`
      seen.blocking = seen.blocking || action.blocking
      continue
    }
    byKey.set(action.key, action)
    actions.push(action)
  }
  const rank = (x) => (x.kind === 'emergency' ? (x.blocking ? 0 : 1) : 2)
  return actions.map((x, i) => [x, i]).sort((p, q) => rank(p[0]) - rank(q[0]) || p[1] - q[1]).map((p) => p[0])
}

/** True when the ticket (if saved) still allows `command`; before saving, every outcome is open. */
export function canStill(ticket, command) {
  if (!ticket) return true
  return (ticket.available_commands || []).includes(command)
}

// ---------------------------------------------------------------- suggestions

/** The top `n` category suggestions; each is clickable only with a code. */
export function topCategories(result, n = 3) {
  if (!result || !Array.isArray(result.categories)) return []
  return result.categories.slice(0, n).map((c) => ({ ...c, percent: toPercent(c.confidence) }))
}

/** The top `n` units, each with its co-handlers' codes for the dispatch form. */
export function topUnits(result, n = 3) {
  if (!result || !Array.isArray(result.units)) return []
  return result.units
    .filter((u) => u && u.unit && u.unit.code)
    .slice(0, n)
    .map((u) => ({ ...u, co_units: (u.co_units || []).filter(Boolean), coCodes: (u.co_units || []).filter(Boolean).map((c) => c.code) }))
}

/**
 * The unit 「直接派单」 preselects: the one the operator chose, else the first
 * suggestion — unless the server says the category behind the suggestions is too
 * uncertain (`unit_needs_choice`, a guess below its confidence floor): then none,
 * and the desk asks for a choice (请人工选择).
 */
export function defaultUnit(result, units, chosenCode) {
  const list = Array.isArray(units) ? units : []
  const picked = chosenCode ? list.find((u) => u.unit.code === chosenCode) : null
  if (picked) return picked
  if (unitNeedsChoice(result)) return null
  return list[0] || null
}

/** True when the suggested units must be chosen by hand (no default). */
export function unitNeedsChoice(result) {
  return !!(result && result.unit_needs_choice && Array.isArray(result.units) && result.units.length)
}

/** The dispatch dialog's starting values from a unit suggestion. */
export function dispatchDefaults(suggestion) {
  if (!suggestion || !suggestion.unit) return null
  return { unit: suggestion.unit.code, co_units: suggestion.coCodes || (suggestion.co_units || []).map((c) => c.code) }
}

/** The recognised place, most general first, and the code to put in the area field (the most precise one). */
export function locationParts(location) {
  if (!location) return { parts: [], areaCode: '' }
  const parts = ['district', 'street', 'community'].filter((k) => location[k] && location[k].code).map((k) => ({ level: k, ...location[k] }))
  const precise = parts.length ? parts[parts.length - 1].code : ''
  const areaCode = (location.area && location.area.code) || precise
  return { parts, areaCode }
}

/** The levels of an official division (GB/T 2260 and the statistics bureau's street / village codes). */
export const DIVISION_LEVELS = ['province', 'city', 'district', 'street', 'village']

/**
 * The triage answer's `division` in words: the names from province down
 * (「江西省 / 抚州市 / 临川区 / 青云街道」), the most specific code, and the flags.
 * A municipality's "市辖区" city level is left out of the path. null when there is none.
 */
export function divisionSummary(division) {
  if (!division || typeof division !== 'object') return null
  const levels = DIVISION_LEVELS.filter((k) => division[k] && division[k].name)
    .filter((k) => !(k === 'city' && division[k].name === '市辖区'))
    .map((k) => ({ level: k, code: division[k].code || '', name: division[k].name }))
  if (!levels.length) return null
  const code = division.code || levels[levels.length - 1].code
  const path = levels.map((l) => l.name).join(' / ')
  return {
    levels,
    code,
    text: code ? `${path}（${code}）` : path,
    ambiguous: !!division.ambiguous,
    confidence: toPercent(division.confidence),
    matched: Array.isArray(division.matched) ? division.matched.filter(Boolean) : [],
  }
}

export function toPercent(confidence) {
  const x = Number(confidence)
  if (!Number.isFinite(x)) return 0
  return Math.max(0, Math.min(100, Math.round(x * 100)))
}

/** "0.54 ms" / "12 ms" for elapsed_us. */
export function formatElapsed(us) {
  const n = Number(us)
  if (!Number.isFinite(n) || n < 0) return ''
  const ms = n / 1000
  return ms < 10 ? `${ms.toFixed(2)} ms` : `${Math.round(ms)} ms`
}

/** The answer-directly dialog's starting values from a knowledge-base entry. */
export function answerDefaults(entry) {
  if (!entry) return null
  return { content: entry.answer || '', kb_entry: entry.id || '' }
}
