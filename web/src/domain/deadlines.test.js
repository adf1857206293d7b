import { describe, expect, it } from 'vitest'
import {
  deadlineChip, deadlineChips, deadlineStart, durationText, effectiveState, nextDeadline, nextDeadlineChip, pausedText,
} from './deadlines.js'
import { dueStatus } from './format.js'

const at = (iso) => Date.parse(iso)
const now = at('2026-12-01T12:00:00+08:00')

// A company appeal dispatched at 09:00: signed for, contact due 11:00 (met late),
// first reply due 13:00, resolution due in 5 working days, callback not started.
const TICKET = {
  dispatched_at: '2026-12-01T09:00:00+08:00',
  due_at: '2026-12-08T18:00:00+08:00',
  deadlines: [
    { kind: 'callback', due_at: null, state: 'pending', met_at: null },
    { kind: 'handle', due_at: '2026-12-08T18:00:00+08:00', state: 'pending', met_at: null },
    { kind: 'sign', due_at: '2026-12-01T10:00:00+08:00', state: 'met', met_at: '2026-12-01T09:20:00+08:00' },
    { kind: 'contact', due_at: '2026-12-01T11:00:00+08:00', state: 'met', met_at: '2026-12-01T11:45:00+08:00' },
    { kind: 'reply', due_at: '2026-12-01T13:00:00+08:00', state: 'pending', met_at: null },
  ],
}

describe('durationText', () => {
  it('reads in minutes, hours, then days, rounded down', () => {
    expect(durationText(40 * 60000, 'zh-CN')).toBe('40 分钟')
    expect(durationText(20 * 1000, 'zh-CN')).toBe('1 分钟')
    expect(durationText(119 * 60000, 'zh-CN')).toBe('1 小时')
    expect(durationText(47 * 3600000, 'zh-CN')).toBe('47 小时')
    expect(durationText(-5 * 86400000 - 3600000, 'zh-CN')).toBe('5 天')
    expect(durationText(3 * 3600000, 'en')).toBe('3 h')
  })
})

describe('deadline chips', () => {
  it('come in the order of a ticket\'s life, with words and colours', () => {
    const chips = deadlineChips(TICKET, now, 'zh-CN')
    expect(chips.map((c) => c.kind)).toEqual(['sign', 'contact', 'reply', 'handle', 'callback'])
    expect(chips.map((c) => c.kindLabel)).toEqual(['签收', '联系诉求人', '首次答复', '办结', '回访'])
    expect(chips.map((c) => c.severity)).toEqual(['success', 'warning', 'warning', 'primary', 'info'])
    expect(chips.map((c) => c.timeText)).toEqual(['按时完成', '超时 45 分钟完成', '还剩 1 小时', '还剩 7 天', '未开始'])
    expect(chips[1]).toMatchObject({ state: 'met', stateLabel: '已完成', metLate: true, late: false })
    expect(chips[1].title).toBe('时限 2026-12-01 11:00，完成于 2026-12-01 11:45')
    expect(chips[2]).toMatchObject({ state: 'pending', stateLabel: '计时中', remainingMs: 3600000, dueText: '2026-12-01 13:00' })
    expect(chips[4]).toMatchObject({ due_at: null, remainingMs: null, title: '' })
  })

  it('are none before the first dispatch', () => {
    expect(deadlineChips({ deadlines: [] }, now)).toEqual([])
    expect(deadlineChips({}, now)).toEqual([])
    expect(deadlineChips(null, now)).toEqual([])
  })

  it('show overdue as danger, with how long, also when the page saw it pass', () => {
    const server = deadlineChip({ kind: 'sign', due_at: '2026-12-01T07:00:00+08:00', state: 'overdue', met_at: null }, now, null, 'zh-CN')
    expect(server).toMatchObject({ state: 'overdue', stateLabel: '已超期', late: true, severity: 'danger', timeText: '已超 5 小时' })
    const passed = deadlineChip({ kind: 'reply', due_at: '2026-12-01T11:30:00+08:00', state: 'pending', met_at: null }, now, null, 'zh-CN')
    expect(passed).toMatchObject({ state: 'overdue', late: true, severity: 'danger', timeText: '已超 30 分钟' })
    expect(effectiveState({ state: 'pending', due_at: '2026-12-01T11:30:00+08:00' }, now)).toBe('overdue')
    expect(effectiveState({ state: 'pending', due_at: null }, now)).toBe('pending')
    expect(deadlineChip({ kind: 'reply', due_at: '2026-12-01T11:30:00+08:00', state: 'pending' }, now, null, 'en').timeText).toBe('overdue by 30 min')
  })

  it('warn within 2 hours of the due time, or past 75 % of the time when the start is known', () => {
    const d = { kind: 'handle', due_at: '2026-12-01T20:00:00+08:00', state: 'pending', met_at: null } // 8 hours left
    expect(deadlineChip(d, now, null).severity).toBe('primary') // start unknown: only the last 2 hours
    expect(deadlineChip(d, now, '2026-11-30T13:00:00+08:00').severity).toBe('primary') // 23 of 31 hours: 74 %
    expect(deadlineChip(d, now, '2026-11-30T12:00:00+08:00').severity).toBe('warning') // 24 of 32 hours: 75 %
    expect(deadlineChip(d, at('2026-12-01T18:00:00+08:00'), null).severity).toBe('warning') // 2 hours left
    expect(deadlineChip(d, at('2026-12-01T17:59:00+08:00'), null).severity).toBe('primary')
  })

  it('take the server\'s warning instant when it sends one', () => {
    const d = { kind: 'handle', due_at: '2026-12-01T20:00:00+08:00', state: 'pending', warn_at: '2026-12-01T14:00:00+08:00' }
    expect(deadlineChip(d, at('2026-12-01T13:59:00+08:00'), '2026-11-20T12:00:00+08:00').severity).toBe('primary')
    expect(deadlineChip(d, at('2026-12-01T14:00:00+08:00'), null).severity).toBe('warning')
  })

  it('show met on time as success, met late as warning, paused and cancelled as info', () => {
    const met = { kind: 'reply', due_at: '2026-12-01T13:00:00+08:00', state: 'met', met_at: '2026-12-01T13:00:00+08:00' }
    expect(deadlineChip(met, now)).toMatchObject({ severity: 'success', metLate: false })
    expect(deadlineChip({ ...met, met_at: '2026-12-03T14:00:00+08:00' }, now, null, 'zh-CN'))
      .toMatchObject({ severity: 'warning', metLate: true, timeText: '超时 2 天完成' })
    expect(deadlineChip({ ...met, met_at: '2026-12-01T15:10:00+08:00' }, now, null, 'en').timeText).toBe('met 2 h late')
    expect(deadlineChip({ ...met, state: 'paused', met_at: null }, now, null, 'zh-CN')).toMatchObject({ severity: 'info', timeText: '已暂停', late: false })
    expect(deadlineChip({ ...met, state: 'cancelled', met_at: null }, now, null, 'zh-CN')).toMatchObject({ severity: 'info', timeText: '已取消' })
    // A paused deadline past its due time is not overdue: its clock is stopped.
    expect(deadlineChip({ ...met, due_at: '2026-12-01T08:00:00+08:00', state: 'paused' }, now).state).toBe('paused')
  })

  it('know when each deadline started counting', () => {
    expect(deadlineStart({ kind: 'contact' }, TICKET)).toBe('2026-12-01T09:00:00+08:00')
    expect(deadlineStart({ kind: 'handle' }, TICKET)).toBe('2026-12-01T09:00:00+08:00')
    expect(deadlineStart({ kind: 'callback' }, TICKET)).toBeNull()
    expect(deadlineStart({ kind: 'callback', start_at: '2026-12-05T10:00:00+08:00' }, TICKET)).toBe('2026-12-05T10:00:00+08:00')
    expect(deadlineStart({ kind: 'sign' }, {})).toBeNull()
  })
})

describe('the next deadline', () => {
  it('is the earliest-due one still running, overdue or not', () => {
    expect(nextDeadline(TICKET.deadlines).kind).toBe('reply')
    const late = [...TICKET.deadlines, { kind: 'sign', due_at: '2026-12-01T08:00:00+08:00', state: 'overdue', met_at: null }]
    expect(nextDeadline(late).kind).toBe('sign')
    expect(nextDeadline([{ kind: 'callback', due_at: null, state: 'pending' }, { kind: 'reply', due_at: '2026-12-01T08:00:00+08:00', state: 'met' }])).toBeNull()
    expect(nextDeadline([{ kind: 'handle', due_at: '2026-12-01T08:00:00+08:00', state: 'paused' }])).toBeNull()
    expect(nextDeadline(undefined)).toBeNull()
  })

  it('gives the chip a queue row shows', () => {
    expect(nextDeadlineChip(TICKET, now, 'zh-CN')).toMatchObject({ kind: 'reply', kindLabel: '首次答复', timeText: '还剩 1 小时', severity: 'warning' })
    expect(nextDeadlineChip({ deadlines: [] }, now)).toBeNull()
  })
})

describe('a paused clock', () => {
  it('says why and since when, and nothing while the clock runs', () => {
    const paused = { paused: { since: '2026-11-20T17:00:00+08:00', reason: 'citizen_unreachable' } }
    expect(pausedText(paused, 'zh-CN')).toBe('暂停计时：联系不上诉求人（自 11-20 17:00）')
    expect(pausedText(paused, 'en')).toBe('Clock paused: Citizen unreachable (since 11-20 17:00)')
    expect(pausedText({ paused: null }, 'zh-CN')).toBe('')
    expect(pausedText(TICKET, 'zh-CN')).toBe('')
  })

  it('is neither late nor near its due time in a queue', () => {
    const late = { state: 'in_progress', due_at: '2026-11-20T17:00:00+08:00', overdue: false }
    expect(dueStatus(late, Date.parse('2026-11-20T16:00:00+08:00'))).toBe('near')
    expect(dueStatus({ ...late, paused: { since: '2026-11-20T15:00:00+08:00', reason: 'awaiting_third_party' } },
      Date.parse('2026-11-20T16:00:00+08:00'))).toBe('')
  })
})
