import { describe, expect, it } from 'vitest'
import { NoticeBatcher, noticeFor } from './notices.js'

const msg = (command, extra = {}) => ({ type: 'ticket', data: { id: 7, number: 'LC20261202000007', command, ...extra } })

describe('notices', () => {
  it('pops up what each role must not miss', () => {
    expect(noticeFor(msg('warn'), 'unit')).toMatchObject({ id: 7, title: '时限预警', body: '工单 LC20261202000007，点击查看', type: 'warning' })
    expect(noticeFor(msg('overdue'), 'supervisor').title).toBe('工单超期')
    expect(noticeFor(msg('supervise'), 'unit').title).toBe('收到督办')
    expect(noticeFor(msg('co-overdue'), 'unit')).toMatchObject({ title: '协办意见逾期', type: 'warning' }) // a co-unit's late opinion
    expect(noticeFor(msg('co-overdue'), 'dispatcher')).toBeNull()
    expect(noticeFor(msg('answer-supervision'), 'supervisor').title).toBe('督办已答复')
    expect(noticeFor(msg('warn'), 'supervisor')).toBeNull() // warnings are the unit's
    expect(noticeFor(msg('reply'), 'unit')).toBeNull()
    expect(noticeFor(msg('overdue'), 'analyst')).toBeNull()
    expect(noticeFor({ type: 'reconnected' }, 'unit')).toBeNull()
  })

  it('shows a few of a burst and sums up the rest once', () => {
    let clock = 0
    const timers = []
    const shown = []
    const summaries = []
    const b = new NoticeBatcher({
      show: (n) => shown.push(n.id), summarise: (n) => summaries.push(n), max: 2, windowMs: 1000,
      now: () => clock, setTimer: (fn, ms) => timers.push({ fn, ms }),
    })
    for (let i = 1; i <= 5; i++) b.push({ id: i })
    b.push(null)
    expect(shown).toEqual([1, 2])
    expect(timers).toHaveLength(1)
    expect(timers[0].ms).toBe(1000)
    timers[0].fn()
    expect(summaries).toEqual([3])
    clock = 1500 // a new window
    b.push({ id: 6 })
    expect(shown).toEqual([1, 2, 6])
  })
})
