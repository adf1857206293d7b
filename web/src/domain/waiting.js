// How long an appeal has waited for an outcome, and what in its text should put it
// first (issue 9: no appeal falls between queues). Pure, with `now` injectable.
//
// An appeal waiting in 待受理 raises an alarm when it is old — beyond the hours
// allowed for its channel (a phone intake saved without an outcome is late within
// the hour; a web or SMS appeal within a working morning) — or when its text names
// a vulnerable person or a broken necessity (an oxygen machine without power, an
// elderly person living alone, no water or gas, a child at risk).

/** Hours an appeal may wait in 待受理 before the queue marks it late, by channel. */
export const WAIT_LIMIT_HOURS = { phone: 1, grid_member: 2, default: 4 }

/** Words in an appeal that make it urgent, with the label shown on the row (zh-CN, the UI language). */
export const URGENT_CUES = [
  { label: '医疗设备', words: ['氧气机', '制氧机', '呼吸机', '透析', '吸氧'] },
  { label: '老人', words: ['老人', '老年人', '独居', '高龄', '失能'] },
  { label: '儿童', words: ['孩子', '婴儿', '小孩', '儿童', '学生被'] },
  { label: '残障', words: ['残疾', '轮椅', '盲人', '聋哑'] },
  { label: '停电', words: ['停电', '断电', '没电'] },
  { label: '停水', words: ['停水', '断水', '没水'] },
  { label: '燃气', words: ['燃气', '煤气', '天然气'] },
  { label: '安全隐患', words: ['塌', '倒塌', '坠落', '漏电', '触电'] },
]

/** Labels of the urgent cues in `text`, each once, in the table's order. */
export function urgentCues(text) {
  const s = String(text || '')
  return URGENT_CUES.filter((c) => c.words.some((w) => s.includes(w))).map((c) => c.label)
}

/** Whole minutes since `iso` (0 for a missing or future time). */
export function minutesWaiting(iso, now = Date.now()) {
  const t = Date.parse(iso || '')
  if (Number.isNaN(t) || t > now) return 0
  return Math.floor((now - t) / 60000)
}

/** "45 分钟", "3 小时 20 分", "8 天 2 小时": a waiting time as a dispatcher reads it. */
export function formatWaiting(minutes) {
  const m = Math.max(0, Math.floor(minutes))
  if (m < 60) return `${m} 分钟`
  const h = Math.floor(m / 60)
  if (h < 24) return m % 60 ? `${h} 小时 ${m % 60} 分` : `${h} 小时`
  const d = Math.floor(h / 24)
  return h % 24 ? `${d} 天 ${h % 24} 小时` : `${d} 天`
}

/**
 * The alarm of a ticket waiting for an outcome: 'urgent' when its text has an
 * urgent cue, 'late' when it waited beyond its channel's limit, else ''.
 */
export function waitAlarm(ticket, now = Date.now()) {
  if (!ticket) return ''
  if (urgentCues(ticket.content).length) return 'urgent'
  const limit = WAIT_LIMIT_HOURS[ticket.channel] ?? WAIT_LIMIT_HOURS.default
  return minutesWaiting(ticket.created_at, now) > limit * 60 ? 'late' : ''
}

/**
 * The order a queue of waiting appeals is worked in (四优先 in spirit): urgent
 * first, then company appeals, then late ones, then the oldest first.
 */
export function byUrgency(items, now = Date.now()) {
  const rank = (t) => (waitAlarm(t, now) === 'urgent' ? 0 : t.enterprise ? 1 : waitAlarm(t, now) === 'late' ? 2 : 3)
  return [...items].sort((a, b) => rank(a) - rank(b) || Date.parse(a.created_at) - Date.parse(b.created_at))
}
