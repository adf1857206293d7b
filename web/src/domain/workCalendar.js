// 工作日历 (issue 10): the holiday calendar's years (GET /policies calendar_years,
// calendar_uploaded_years), one year's days (GET /calendar/{year}) as people read
// them — holiday periods and make-up working days — and the upload of a year's CSV
// (PUT /calendar/{year}, the format of data/calendar/cn_holidays.csv). The server
// checks an upload (dates of that year, holiday/workday, no date twice) and names
// the line and field of the first problem; checkCalendarCsv finds the same before
// sending, so the admin sees every problem at once.

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']

/** "2027-02-06" → Date at UTC midnight; null when not a real date. */
function dateOf(text) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null
  const d = new Date(`${text}T00:00:00Z`)
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== text ? null : d
}

/** "2月6日（周六）" */
export function dayText(date) {
  const d = dateOf(date)
  if (!d) return date
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日（周${WEEKDAYS[d.getUTCDay()]}）`
}

/**
 * A year's days as periods: consecutive holidays form one period
 * { from, to, days } and each make-up working day is listed apart, by date.
 */
export function calendarPeriods(days) {
  const holidays = (days || []).filter((d) => d.kind === 'holiday').map((d) => d.date).sort()
  const periods = []
  for (const date of holidays) {
    const last = periods[periods.length - 1]
    if (last && dateOf(date) - dateOf(last.to) === 86400000) {
      last.to = date
      last.days++
    } else periods.push({ from: date, to: date, days: 1 })
  }
  const workdays = (days || []).filter((d) => d.kind === 'workday').map((d) => d.date).sort()
  return { periods, workdays }
}

/** "2月6日（周六）至 2月13日（周六），共 8 天" */
export function periodText(p) {
  return p.from === p.to ? `${dayText(p.from)}，1 天` : `${dayText(p.from)}至${dayText(p.to)}，共 ${p.days} 天`
}

/** The year to offer for an upload: the first missing of this year and next, else next year. */
export function yearToUpload(years, today = new Date()) {
  const have = new Set(years || [])
  const y = today.getFullYear()
  if (!have.has(y)) return y
  return y + 1
}

/**
 * Every problem of a year's CSV text, as the server would find them:
 * [{ line, field, key, value }], keys header / date / outsideYear / kind / duplicate / empty.
 * Lines are the text's (from 1), '#' lines and blank lines skipped as the server does.
 */
export function checkCalendarCsv(text, year) {
  const problems = []
  const lines = String(text || '').replace(/\r\n?/g, '\n').split('\n')
  let header = null
  const seen = new Map()
  let rows = 0
  lines.forEach((raw, i) => {
    const line = i + 1
    const s = raw.trim()
    if (!s || s.startsWith('#')) return
    const cells = s.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'))
    if (!header) {
      header = cells
      if (!cells.includes('date') || !cells.includes('kind')) problems.push({ line, field: 'date', key: 'header', value: s })
      return
    }
    rows++
    const date = cells[header.indexOf('date')] ?? ''
    const kind = cells[header.indexOf('kind')] ?? ''
    if (!dateOf(date)) problems.push({ line, field: 'date', key: 'date', value: date })
    else if (Number(date.slice(0, 4)) !== Number(year)) problems.push({ line, field: 'date', key: 'outsideYear', value: date })
    else if (seen.has(date)) problems.push({ line, field: 'date', key: 'duplicate', value: date, first: seen.get(date) })
    if (kind !== 'holiday' && kind !== 'workday') problems.push({ line, field: 'kind', key: 'kind', value: kind })
    if (dateOf(date) && !seen.has(date)) seen.set(date, line)
  })
  if (!header) problems.push({ line: 1, field: 'date', key: 'header', value: '' })
  else if (!rows) problems.push({ line: lines.length, field: 'date', key: 'empty', value: '' })
  return problems
}

/** The server's refusal of an upload as a problem like checkCalendarCsv's; null for other errors. */
export function uploadRefusal(err) {
  if (!err || err.status !== 400) return null
  const params = err.params || {}
  const key = {
    date_outside_year: 'outsideYear', duplicate_date: 'duplicate', required: 'empty',
  }[err.reason] || (err.field === 'kind' ? 'kind' : err.field === 'year' ? 'year' : 'date')
  return { line: Number(params.line) || 0, field: err.field || 'date', key, value: params.value ?? '', message: err.message || '' }
}

/** A problem in words (keys under calendar.problem). */
export function calendarProblemText(p, t, year) {
  const where = p.line ? t('calendar.atLine', { n: p.line }) : ''
  return where + t(`calendar.problem.${p.key}`, { value: p.value, year, first: p.first ?? '' })
}
