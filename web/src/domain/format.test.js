import { describe, expect, it } from 'vitest'
import { actorDisplayName, callerDisplay, callerIsMasked, dueStatus, formatTime, isMasked, lastDays, localClock, localDay, personName, phoneReadyForLookup } from './format.js'

describe('formatTime', () => {
  it('shows the server local time as sent, whatever the browser zone', () => {
    expect(formatTime('2026-11-23T11:01:26+08:00')).toBe('2026-11-23 11:01')
    expect(formatTime('2026-11-23T11:01:26+08:00', true)).toBe('2026-11-23 11:01:26')
    expect(formatTime(null)).toBe('')
    expect(formatTime('garbage')).toBe('garbage')
  })
})

describe('masking', () => {
  it('detects masked caller data and shows it unchanged', () => {
    const masked = { name: '张*', phone: '138****8000' }
    expect(isMasked('138****8000')).toBe(true)
    expect(isMasked('13800138000')).toBe(false)
    expect(callerIsMasked(masked)).toBe(true)
    expect(callerIsMasked({ name: '张三', phone: '13800138000' })).toBe(false)
    expect(callerIsMasked(null)).toBe(false)
    expect(callerDisplay(masked)).toBe('张* 138****8000')
    expect(callerDisplay({ name: '', phone: '13800138000' })).toBe('13800138000')
  })
})

describe('phoneReadyForLookup', () => {
  it('needs at least 7 digits', () => {
    expect(phoneReadyForLookup('138001')).toBe(false)
    expect(phoneReadyForLookup('1380013')).toBe(true)
    expect(phoneReadyForLookup('138-0013')).toBe(true)
    expect(phoneReadyForLookup('')).toBe(false)
  })
})

describe('dueStatus', () => {
  const now = Date.parse('2026-11-23T12:00:00+08:00')
  it('trusts the server overdue flag', () => {
    expect(dueStatus({ overdue: true, due_at: '2026-12-30T00:00:00+08:00', state: 'in_progress' }, now)).toBe('overdue')
  })
  it('warns within a day of the deadline on open handling states', () => {
    expect(dueStatus({ overdue: false, due_at: '2026-11-24T09:00:00+08:00', state: 'in_progress' }, now)).toBe('near')
    expect(dueStatus({ overdue: false, due_at: '2026-11-30T09:00:00+08:00', state: 'in_progress' }, now)).toBe('')
    expect(dueStatus({ overdue: false, due_at: '2026-11-24T09:00:00+08:00', state: 'replied' }, now)).toBe('')
    expect(dueStatus({ overdue: false, due_at: null, state: 'triage' }, now)).toBe('')
  })
})

describe('days', () => {
  it('counts local (UTC+8) days', () => {
    expect(localDay(new Date('2026-11-23T17:00:00Z'))).toBe('2026-11-24')
    const days = lastDays(3, new Date('2026-03-01T04:00:00Z'))
    expect(days).toEqual(['2026-02-27', '2026-02-28', '2026-03-01'])
    expect(localClock(new Date('2026-11-23T17:05:09Z'))).toBe('01:05:09')
  })
})

describe('personName', () => {
  it('shows the display name, else the username', () => {
    expect(personName('张伟', 'LC-D01-S01.1')).toBe('张伟')
    expect(personName('', 'LC-D01-S01.1')).toBe('LC-D01-S01.1')
    expect(personName('  ', 'nameless')).toBe('nameless')
    expect(personName(null, 'operator')).toBe('operator')
    expect(personName(undefined, undefined)).toBe('')
    expect(actorDisplayName({ username: 'LC-D01-S01.2', display_name: '李芳', role: 'unit' })).toBe('李芳')
    expect(actorDisplayName({ username: 'deleted.user', role: 'operator' })).toBe('deleted.user')
    expect(actorDisplayName(null)).toBe('')
  })
})
