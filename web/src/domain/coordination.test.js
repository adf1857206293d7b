import { describe, expect, it } from 'vitest'
import { coAnsweredText, coTaskRows, jointReviewRows, whistleRow } from './coordination.js'

const unit = (code, name) => ({ code, name })
const task = (extra = {}) => ({
  unit: unit('LC-ZJJ', '市住建局'), state: 'pending', assigned_at: '2026-11-20T09:00:00+08:00',
  due_at: '2026-11-23T09:00:00+08:00', signed_at: null, signed_by: null, replied_at: null, replied_by: null, reply: null,
  ...extra,
})

describe('coordination', () => {
  it('words each co-unit task with its state and deadline', () => {
    const rows = coTaskRows({
      co_tasks: [task(), task({ unit: unit('LC-GR', '市供热公司'), state: 'replied', signed_at: '2026-11-20T10:00:00+08:00',
        signed_by: 'LC-GR.1', replied_at: '2026-11-21T10:00:00+08:00', replied_by: 'LC-GR.1', reply: '已配合检测' })],
    })
    expect(rows[0]).toMatchObject({ unit: '市住建局', stateText: '待签收', tagType: 'info', due: '2026-11-23 09:00', reply: '' })
    expect(rows[1]).toMatchObject({ unit: '市供热公司', stateText: '已答复', tagType: 'success', reply: '已配合检测' })
    expect(rows[1].replied).toBe('LC-GR.1 · 2026-11-21 10:00')
    expect(coTaskRows({})).toEqual([])
  })

  it('counts the co-units that answered, for the reply and its review', () => {
    expect(coAnsweredText({ co_tasks: [] })).toBe('')
    expect(coAnsweredText({ co_tasks: [task(), task({ state: 'replied' }), task({ state: 'overdue' })] }))
      .toBe('协办单位已答复 1/3')
  })

  it('shows who blew the whistle to whom, and why', () => {
    expect(whistleRow({ whistle: null })).toBeNull()
    const w = whistleRow({ whistle: { from_unit: unit('LC-D01-S01', '东华街道'), to_unit: unit('LC-D01', '东城区'),
      reason: '街道协调未果', by: 'LC-D01-S01.1', at: '2026-11-20T09:00:00+08:00' } })
    expect(w.text).toBe('东华街道 吹哨至 东城区')
    expect(w.reason).toBe('街道协调未果')
  })

  it('lists joint reviews newest first, by rule or by a person, with the decision', () => {
    const rows = jointReviewRows({
      joint_reviews: [
        { sent_by: null, reason: '非本单位职责', sent_at: '2026-11-01T09:00:00+08:00', decided_at: '2026-11-03T09:00:00+08:00',
          decided_by: 'supervisor', lead_unit: unit('LC-D01', '东城区'), co_units: [unit('LC-ZJJ', '市住建局')],
          participants: ['热线中心', '东城区'], minutes: '由东城区牵头', catalog_change: true },
        { sent_by: 'dispatcher', reason: '职责争议', sent_at: '2026-11-20T09:00:00+08:00', decided_at: null, decided_by: null,
          lead_unit: null, co_units: [], participants: [], minutes: null, catalog_change: false },
      ],
    })
    expect(rows[0]).toMatchObject({ decided: false, stateText: '待决定', reason: '职责争议' })
    expect(rows[0].sent).toBe('dispatcher · 2026-11-20 09:00')
    expect(rows[1]).toMatchObject({ decided: true, lead: '东城区', coUnits: '市住建局', participants: '热线中心、东城区',
      minutes: '由东城区牵头', catalogChange: true })
    expect(rows[1].sent).toBe('退回次数达到上限，自动提请 · 2026-11-01 09:00')
  })
})
