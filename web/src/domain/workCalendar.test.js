import { describe, expect, it } from 'vitest'
import {
  calendarPeriods, calendarProblemText, checkCalendarCsv, dayText, periodText, uploadRefusal, yearToUpload,
} from './workCalendar.js'

describe('work calendar', () => {
  it('groups consecutive holidays into periods and lists make-up days apart', () => {
    const days = [
      { date: '2027-02-07', kind: 'holiday' }, { date: '2027-02-06', kind: 'holiday' },
      { date: '2027-01-01', kind: 'holiday' }, { date: '2027-02-08', kind: 'holiday' },
      { date: '2027-02-14', kind: 'workday' },
    ]
    const { periods, workdays } = calendarPeriods(days)
    expect(periods).toEqual([
      { from: '2027-01-01', to: '2027-01-01', days: 1 },
      { from: '2027-02-06', to: '2027-02-08', days: 3 },
    ])
    expect(workdays).toEqual(['2027-02-14'])
    expect(dayText('2027-02-14')).toBe('2月14日（周日）')
    expect(periodText(periods[1])).toBe('2月6日（周六）至2月8日（周一），共 3 天')
    expect(periodText(periods[0])).toBe('1月1日（周五），1 天')
  })

  it('offers this year when it is missing, else next year', () => {
    expect(yearToUpload([2025, 2026], new Date('2026-11-20T00:00:00Z'))).toBe(2027)
    expect(yearToUpload([2025], new Date('2026-03-01T00:00:00Z'))).toBe(2026)
  })

  it('checks a CSV as the server does, every problem with its line', () => {
    const text = '# 2027\ndate,kind\n2027-01-01,holiday\n2026-10-08,workday\n2027-02-30,holiday\n2027-01-01,rest\n\n2027-10-01,holiday\n'
    const found = checkCalendarCsv(text, 2027).map((p) => `${p.line}:${p.field}:${p.key}`)
    expect(found).toEqual(['4:date:outsideYear', '5:date:date', '6:date:duplicate', '6:kind:kind'])
    expect(checkCalendarCsv('date,kind\r\n2027-01-01,holiday\r\n', 2027)).toEqual([])
    expect(checkCalendarCsv('day,type\n2027-01-01,holiday\n', 2027)[0].key).toBe('header')
    expect(checkCalendarCsv('date,kind\n', 2027)[0].key).toBe('empty')
  })

  it('words the server\'s refusal with its line', () => {
    const p = uploadRefusal({ status: 400, reason: 'date_outside_year', field: 'date', params: { line: '4', value: '2026-10-08' } })
    expect(p).toMatchObject({ line: 4, key: 'outsideYear', value: '2026-10-08' })
    const t = (key, params = {}) => `${key}${JSON.stringify(params)}`
    expect(calendarProblemText(p, t, 2027)).toBe(
      'calendar.atLine{"n":4}calendar.problem.outsideYear{"value":"2026-10-08","year":2027,"first":""}',
    )
    expect(uploadRefusal({ status: 400, reason: 'invalid_value', field: 'kind', params: { line: '3', value: 'rest' } }).key).toBe('kind')
    expect(uploadRefusal({ status: 403 })).toBeNull()
  })
})
