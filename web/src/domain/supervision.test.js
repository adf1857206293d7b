import { describe, expect, it } from 'vitest'
import { supervisionRows, supervisionTagText } from './supervision.js'
import { commandFacts } from './facts.js'

const sup = (extra = {}) => ({
  id: 5, level: 2, state: 'open', by: 'LC-D01.sup', unit: { code: 'LC-D01', name: '东华区' },
  assignee: '孙立', instructions: '两日内反馈', opened_at: '2026-11-20T09:00:00+08:00', due_at: '2026-11-22T09:00:00+08:00',
  overdue: false, answered_at: null, answered_by: null, answer: null, closed_at: null, closed_by: null, close_note: null,
  ...extra,
})

describe('supervision', () => {
  it('tags a supervised ticket with its level, and 待销号 once answered', () => {
    expect(supervisionTagText({ supervision_level: 0 })).toBe('')
    expect(supervisionTagText({ supervision_level: 3, supervision: 'unanswered' })).toBe('市级督办')
    expect(supervisionTagText({ supervision_level: 1, supervision: 'answered' })).toBe('街镇督办 · 待销号')
  })

  it('lists the records newest first, in words', () => {
    const rows = supervisionRows({
      supervisions: [
        sup({ id: 3, level: 1, by: 'system', unit: null, instructions: null, due_at: null, state: 'closed',
          closed_at: '2026-11-21T10:00:00+08:00', closed_by: 'supervisor', close_note: '已办结' }),
        sup({ overdue: true }),
      ],
    })
    expect(rows.map((r) => r.id)).toEqual([5, 3])
    expect(rows[0]).toMatchObject({ level: '区县督办', stateText: '待答复', assignee: '孙立', due: '2026-11-22 09:00', overdue: true })
    expect(rows[0].opened).toBe('东华区 LC-D01.sup · 2026-11-20 09:00')
    expect(rows[1]).toMatchObject({ level: '街镇督办', stateText: '已销号', instructions: '办理超期，按规则自动督办', closeNote: '已办结' })
    expect(rows[1].opened.startsWith('系统（时限监控）')).toBe(true)
    expect(supervisionRows({})).toEqual([])
  })

  it('shows the unit what it must answer and the supervisor what was answered', () => {
    const ticket = { supervisions: [sup({ state: 'answered', answer: '已整改', answered_at: '2026-11-21T09:00:00+08:00', answered_by: 'LC-D01-S01.1' })] }
    const answer = commandFacts('answer-supervision', ticket).map((r) => r.key)
    expect(answer).toEqual(['supervisedBy', 'supervisionInstructions', 'supervisionDue'])
    const close = commandFacts('close-supervision', ticket)
    expect(close.find((r) => r.key === 'supervisionAnswer').value).toBe('已整改')
    expect(commandFacts('close-supervision', { supervisions: [sup({ state: 'closed' })] })).toEqual([])
  })
})
