// Cross-checks the server's holiday calendar (data/calendar/cn_holidays.csv, read by
// the C++ server) against the npm package chinese-days, day by day for 2019-2026.
// The CSV is transcribed from the State Council's notices; the package is an
// independent transcription of the same notices, used here only as a check.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isWorkday } from 'chinese-days'
import packageDays from 'chinese-days/dist/chinese-days.json'

const csvPath = resolve(process.cwd(), '../data/calendar/cn_holidays.csv') // tests run in web/
const FIRST_YEAR = 2019
const LAST_YEAR = 2026

function readCsv() {
  const rows = new Map()
  const problems = []
  const lines = readFileSync(csvPath, 'utf8').split('\n')
  lines.forEach((line, i) => {
    if (line === '' || line.startsWith('#') || line === 'date,kind') return
    const [date, kind, extra] = line.split(',')
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !['holiday', 'workday'].includes(kind) || extra !== undefined)
      problems.push(`line ${i + 1}: ${line}`)
    else if (rows.has(date)) problems.push(`line ${i + 1}: ${date} listed twice`)
    else rows.set(date, kind)
  })
  return { rows, problems }
}

// Every date of the years compared, as YYYY-MM-DD (UTC arithmetic: dates only).
function* datesOfYears(first, last) {
  for (let t = Date.UTC(first, 0, 1); t < Date.UTC(last + 1, 0, 1); t += 86400000)
    yield new Date(t).toISOString().slice(0, 10)
}

function packageKind(date) {
  if (date in packageDays.holidays) return 'holiday'
  if (date in packageDays.workdays) return 'workday'
  return undefined
}

// The rule the server applies (src/domain/work_calendar.cc).
function serverWorks(date, rows) {
  const kind = rows.get(date)
  if (kind) return kind === 'workday'
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
  return weekday !== 0 && weekday !== 6
}

describe('holiday calendar (data/calendar/cn_holidays.csv)', () => {
  const { rows, problems } = readCsv()

  it('is well formed', () => {
    expect(problems).toEqual([])
    for (let y = FIRST_YEAR; y <= LAST_YEAR; y++)
      expect([...rows.keys()].some((d) => d.startsWith(`${y}-`)), `no entry for ${y}`).toBe(true)
  })

  it('lists make-up working days only on weekends', () => {
    const weekdays = [...rows].filter(([d, k]) => k === 'workday' && serverWorks(d, new Map()))
    expect(weekdays).toEqual([])
  })

  it('lists the same holidays and make-up working days as chinese-days, 2019-2026', () => {
    const mismatches = []
    for (const date of datesOfYears(FIRST_YEAR, LAST_YEAR)) {
      const ours = rows.get(date)
      const theirs = packageKind(date)
      if (ours !== theirs) mismatches.push(`${date}: csv ${ours ?? '-'}, chinese-days ${theirs ?? '-'}`)
    }
    expect(mismatches).toEqual([])
  })

  it('gives every day of 2019-2026 the same working status as chinese-days', () => {
    const mismatches = []
    let days = 0
    for (const date of datesOfYears(FIRST_YEAR, LAST_YEAR)) {
      days++
      const ours = serverWorks(date, rows)
      if (ours !== isWorkday(date)) mismatches.push(`${date}: server ${ours ? 'works' : 'rests'}`)
    }
    expect(days).toBe(2922)
    expect(mismatches).toEqual([])
  })
})
