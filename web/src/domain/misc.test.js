import { describe, expect, it } from 'vitest'
import { buildAppeal, emptyAppeal, missingAppealFields } from './intake.js'
import { dayAfter, filtersFromQuery, keywordParam, searchQuery, sortParam } from './search.js'
import { channelCounts, fillDays, kpis, percent, stateCounts, statsWindow, topN } from './dashboard.js'
import { actorText, describeInput } from './events.js'

describe('intake', () => {
  it('requires content and sends optional fields only when filled', () => {
    const f = emptyAppeal()
    expect(missingAppealFields(f)).toEqual(['content'])
    Object.assign(f, { content: ' 路灯不亮 ', phone: '138 0013 8000', name: '张三', area: 'LC-D01-S01' })
    expect(buildAppeal(f)).toEqual({
      channel: 'phone', appeal_type: 'consultation', content: '路灯不亮',
      caller: { name: '张三', phone: '13800138000' }, enterprise: false, area: 'LC-D01-S01',
    })
  })
  it('sends the urgency only when raised above 一般', () => {
    const f = { ...emptyAppeal(), content: '家中停电，老人用制氧机' }
    expect(f.urgency).toBe('normal')
    expect(buildAppeal(f)).not.toHaveProperty('urgency')
    expect(buildAppeal({ ...f, urgency: 'urgent' }).urgency).toBe('urgent')
    expect(buildAppeal({ ...f, urgency: 'important' }).urgency).toBe('important')
    expect(buildAppeal({ ...f, urgency: '', urgent: true }).urgency).toBe('urgent') // the old switch's shape
    for (const u of ['urgent', 'important', 'normal']) expect(buildAppeal({ ...f, urgency: u })).not.toHaveProperty('urgent')
  })
  it('sends 无需回访 only when the caller asked for it', () => {
    const f = { ...emptyAppeal(), content: '咨询公积金提取' }
    expect(buildAppeal(f)).not.toHaveProperty('no_callback')
    expect(buildAppeal({ ...f, no_callback: true }).no_callback).toBe(true)
  })
})

describe('search', () => {
  it('maps table sorting to the API', () => {
    expect(sortParam('due_at', 'ascending')).toBe('due_at')
    expect(sortParam('updated_at', 'descending')).toBe('-updated_at')
    expect(sortParam('due_at', null)).toBe('-created_at')
    expect(sortParam('content', 'ascending')).toBe('-created_at')
  })
  it('sends a typed ticket number as it is displayed (the server matches numbers)', () => {
    expect(keywordParam('LC20261123002997')).toBe('LC20261123002997')
    expect(keywordParam(' lc20261123000010 ')).toBe('LC20261123000010')
    expect(keywordParam('路灯')).toBe('路灯')
    expect(keywordParam('2997')).toBe('2997')
    expect(keywordParam('  ')).toBeUndefined()
  })
  it('sends an exclusive end date', () => {
    expect(dayAfter('2026-02-28')).toBe('2026-03-01')
    const q = searchQuery({ state: ['closed'], unit: '', category: '01', q: ' 噪音 ', phone: '', dates: ['2026-01-01', '2026-01-31'], overdue: true }, { page: 3 })
    expect(q).toMatchObject({ state: ['closed'], category: '01', q: '噪音', from: '2026-01-01', to: '2026-02-01', overdue: 1, page: 3, per_page: 20 })
    expect(q.unit).toBeUndefined()
    expect(q.channel).toBeUndefined()
    expect(q.returned).toBeUndefined()
    const q2 = searchQuery({ state: [], channel: ['web', 'mini_program'], area: 'LC-D01', returned: true })
    expect(q2).toMatchObject({ channel: ['web', 'mini_program'], area: 'LC-D01', returned: 1, sort: '-created_at' })
    expect(q2.enterprise).toBeUndefined()
    // 企业诉求 and the 四优先 order (company, supervised, then by deadline) win over a column sort.
    const q3 = searchQuery({ enterprise: true, priorityOrder: true }, { sort: 'due_at' })
    expect(q3).toMatchObject({ enterprise: 'true', sort: 'priority' })
  })
  it('starts from the filters a link carries (数据大屏 → 工单查询)', () => {
    expect(filtersFromQuery({ area: 'LC-D01-S01', from: '2026-10-25' }, '2026-11-23')).toEqual({ area: 'LC-D01-S01', dates: ['2026-10-25', '2026-11-23'] })
    expect(filtersFromQuery({ from: '2026-10-25', to: '2026-10-31' }, '2026-11-23')).toEqual({ dates: ['2026-10-25', '2026-10-31'] })
    expect(filtersFromQuery({ area: ['LC-D02'], from: 'yesterday' }, '2026-11-23')).toEqual({ area: 'LC-D02' })
    expect(filtersFromQuery({ from: '2026-12-01' }, '2026-11-23')).toEqual({}) // a start after the end
    expect(filtersFromQuery({}, '2026-11-23')).toEqual({})
  })
})

describe('dashboard', () => {
  const now = new Date('2026-11-23T04:00:00Z') // 12:00 in the city
  it('covers the last 30 local days including today', () => {
    const w = statsWindow(now)
    expect(w.from).toBe('2026-10-25')
    expect(w.today).toBe('2026-11-23')
    expect(w.days).toHaveLength(30)
    expect(statsWindow(new Date('2026-11-23T17:00:00Z')).today).toBe('2026-11-24')
  })
  it('fills the days the server left out with zeros', () => {
    const days = ['2026-11-21', '2026-11-22', '2026-11-23']
    expect(fillDays([{ date: '2026-11-21', count: 2 }, { date: '2026-11-23', count: 5 }], days))
      .toEqual([{ date: '2026-11-21', count: 2 }, { date: '2026-11-22', count: 0 }, { date: '2026-11-23', count: 5 }])
    expect(fillDays(undefined, days).map((d) => d.count)).toEqual([0, 0, 0])
  })
  it('shows rates as percentages, and a dash when there is nothing to rate', () => {
    expect(percent(0.9230769)).toBe('92.3%')
    expect(percent(0)).toBe('0.0%')
    expect(percent(1, 0)).toBe('100%')
    expect(percent(null)).toBe('—')
  })
  it('orders states and channels for the charts, leaving out empty ones', () => {
    expect(stateCounts({ closed: 13, triage: 2, merged: 0, mystery: 1 }, ['triage', 'merged', 'closed']))
      .toEqual([['triage', 2], ['closed', 13], ['mystery', 1]])
    expect(channelCounts({ web: 2, phone: 16, sms: 0, mailbox: 2 })).toEqual([['phone', 16], ['mailbox', 2], ['web', 2]])
    expect(topN([{ code: '01' }, { code: '02' }, { code: '03' }], 2)).toEqual([{ code: '01' }, { code: '02' }])
    expect(topN(undefined, 2)).toEqual([])
  })
  it('computes the KPI cards from the two stats answers', () => {
    const stats = {
      total: 30, overdue: 1, direct_answer_rate: 0.1667, satisfaction_rate: 0.923,
      satisfaction: { satisfied: 9, basically_satisfied: 3, unsatisfied: 1 }, closed_without_callback: 2,
    }
    expect(kpis(stats, { total: 2 })).toEqual({ today: 2, total: 30, directRate: '16.7%', satisfactionRate: '92.3%', rated: 13, noCallback: 2, overdue: 1 })
    expect(kpis(null, null)).toEqual({ today: null, total: null, directRate: '—', satisfactionRate: '—', rated: 0, noCallback: 0, overdue: null })
  })
})

describe('events', () => {
  const names = { 'LC-D01-S01': '东华街道', 'LC-CG': '市城市管理局' }
  const unitName = (c) => names[c] || c
  it('describes command input in Chinese, hiding bookkeeping', () => {
    const deadlines = [{ kind: 'sign', due_at: 1796010686, state: 'pending', met_at: 0 }]
    expect(describeInput({ unit: 'LC-D01-S01', co_units: ['LC-CG'], due_at: 1796010686, deadlines }, unitName))
      .toEqual(['承办单位：东华街道', '协办单位：市城市管理局'])
    expect(describeInput({ content: '已处理', result: 'resolved' })).toEqual(['内容：已处理', '办理结果：已解决'])
    expect(describeInput({ urgency: 'important', reason: '涉及企业停产' })).toEqual(['紧急程度：重要', '原因：涉及企业停产'])
    // The reply form's details and a return's reason from the list, in words.
    expect(describeInput({ contact_method: 'visit', contacted_at: 1795140000, handler: '李红' })).toEqual([
      '联系方式：上门走访', '联系时间：2026-11-20 10:00', '承办人：李红',
    ])
    expect(describeInput({ return_kind: 'outside_area', suggested_unit: 'LC-D02-S01' }, unitName)).toEqual([
      '退回原因：不在本辖区', `建议承办单位：${unitName('LC-D02-S01')}`,
    ])
    expect(describeInput({ satisfaction: 'satisfied', resolved: true })).toEqual(['满意度：满意', '是否解决：是'])
    expect(describeInput({ accept: false, reason: '不完整' })).toEqual(['审核结论：退回重办', '原因：不完整'])
    expect(describeInput({ unreachable: true })).toEqual(['本次联系不上来电人'])
    expect(describeInput({ number: '119' })).toEqual(['转接号码：119 火警'])
    // A pause's reason from the list, and the scheduler's notices, in words.
    expect(describeInput({ reason: 'awaiting_third_party', content: '等待检测报告' })).toEqual([
      '原因：等待第三方（鉴定、其他部门答复等）', '内容：等待检测报告',
    ])
    expect(describeInput({ deadline: 'handle', deadlines })).toEqual(['时限：办结'])
    expect(actorText({ username: 'system', role: 'admin', unit: '' })).toBe('系统（时限监控）')
    expect(describeInput({})).toEqual([])
    expect(describeInput(null)).toEqual([])
  })
  it('names the actor', () => {
    expect(actorText({ username: 'LC-D01-S01', role: 'unit', unit: 'LC-D01-S01' }, unitName)).toBe('东华街道 承办单位') // the unit account's code is not repeated
    expect(actorText({ username: 'operator', role: 'operator', unit: '' })).toBe('受理员 operator')
    expect(actorText({ username: 'LC-D01-S01.1', display_name: '张伟', role: 'unit', unit: 'LC-D01-S01' }, unitName))
      .toBe('东华街道 承办单位 张伟')
  })
})
