import { describe, expect, it, vi } from 'vitest'
import { buildAppeal, emptyAppeal, missingAppealFields } from './intake.js'
import { dayAfter, keywordParam, searchQuery, sortParam } from './search.js'
import { countChannels, counter, dailyTrend, runLimited } from './dashboard.js'
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
})

describe('search', () => {
  it('maps table sorting to the API', () => {
    expect(sortParam('due_at', 'ascending')).toBe('due_at')
    expect(sortParam('updated_at', 'descending')).toBe('-updated_at')
    expect(sortParam('due_at', null)).toBe('-created_at')
    expect(sortParam('content', 'ascending')).toBe('-created_at')
  })
  it('sends a typed ticket number as the ticket id', () => {
    expect(keywordParam('LC20261123002997')).toBe('2997')
    expect(keywordParam(' lc20261123000010 ')).toBe('10')
    expect(keywordParam('路灯')).toBe('路灯')
    expect(keywordParam('2997')).toBe('2997')
    expect(keywordParam('  ')).toBeUndefined()
  })
  it('sends an exclusive end date', () => {
    expect(dayAfter('2026-02-28')).toBe('2026-03-01')
    const q = searchQuery({ state: ['closed'], unit: '', category: '01', q: ' 噪音 ', phone: '', dates: ['2026-01-01', '2026-01-31'], overdue: true }, { page: 3 })
    expect(q).toMatchObject({ state: ['closed'], category: '01', q: '噪音', from: '2026-01-01', to: '2026-02-01', overdue: 1, page: 3, per_page: 20 })
    expect(q.unit).toBeUndefined()
  })
})

describe('dashboard', () => {
  it('runs at most `limit` requests at a time and keeps order', async () => {
    let running = 0
    let peak = 0
    const tasks = [5, 1, 3, 2, 4].map((n) => async () => {
      running += 1
      peak = Math.max(peak, running)
      await new Promise((r) => setTimeout(r, n))
      running -= 1
      return n * 10
    })
    expect(await runLimited(tasks, 2)).toEqual([50, 10, 30, 20, 40])
    expect(peak).toBe(2)
  })
  it('counts from list totals, one day at a time', async () => {
    const list = vi.fn(async (q) => ({ total: q.from === '2026-11-23' ? 7 : 1 }))
    const trend = await dailyTrend(counter(list), 2, new Date('2026-11-23T04:00:00Z'))
    expect(trend).toEqual([{ day: '2026-11-22', count: 1 }, { day: '2026-11-23', count: 7 }])
    expect(list).toHaveBeenCalledWith({ from: '2026-11-23', to: '2026-11-24', page: 1, per_page: 1 })
  })
  it('counts channels in a sample', () => {
    expect(countChannels([{ channel: 'phone' }, { channel: 'web' }, { channel: 'phone' }], ['phone', 'sms']))
      .toEqual({ phone: 2, sms: 0, web: 1 })
  })
})

describe('events', () => {
  const names = { 'LC-D01-S01': '东华街道', 'LC-CG': '市城市管理局' }
  const unitName = (c) => names[c] || c
  it('describes command input in Chinese, hiding bookkeeping', () => {
    expect(describeInput({ unit: 'LC-D01-S01', co_units: ['LC-CG'], due_at: 1796010686 }, unitName))
      .toEqual(['承办单位：东华街道', '协办单位：市城市管理局'])
    expect(describeInput({ content: '已处理', result: 'resolved' })).toEqual(['内容：已处理', '办理结果：已解决'])
    expect(describeInput({ satisfaction: 'satisfied', resolved: true })).toEqual(['满意度：满意', '是否解决：是'])
    expect(describeInput({ accept: false, reason: '不完整' })).toEqual(['审核结论：退回重办', '原因：不完整'])
    expect(describeInput({ unreachable: true })).toEqual(['本次联系不上来电人'])
    expect(describeInput({ number: '119' })).toEqual(['转接号码：119 火警'])
    expect(describeInput({})).toEqual([])
    expect(describeInput(null)).toEqual([])
  })
  it('names the actor', () => {
    expect(actorText({ username: 'LC-D01-S01', role: 'unit', unit: 'LC-D01-S01' }, unitName)).toBe('东华街道 承办单位 LC-D01-S01')
    expect(actorText({ username: 'operator', role: 'operator', unit: '' })).toBe('受理员 operator')
  })
})
