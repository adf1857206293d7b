import { describe, expect, it } from 'vitest'
import { conditionTexts, limitText, policyRows, workingHoursText } from './policies.js'

const RULES = [
  {
    rule: 'default', appeal_type: null, category: null, urgency: null, channel: null, enterprise: null, conditions: 0,
    limits: {
      sign: { amount: 24, unit: 'natural_hours' }, contact: { amount: 1, unit: 'working_days' },
      reply: { amount: 7, unit: 'natural_days' }, handle: { amount: 15, unit: 'working_days' },
      callback: { amount: 2, unit: 'working_days' },
    },
    note: '默认时限',
  },
  {
    rule: 'enterprise-2110', appeal_type: null, category: null, urgency: null, channel: null, enterprise: true, conditions: 1,
    limits: { contact: { amount: 2, unit: 'natural_hours' }, reply: { amount: 1, unit: 'working_days' }, handle: { amount: 10, unit: 'working_days' } },
    note: '',
  },
  {
    rule: 'urgent-utilities', appeal_type: 'complaint', category: '12', urgency: 'urgent', channel: 'web', enterprise: false, conditions: 5,
    limits: { sign: { amount: 4, unit: 'working_hours' } },
    note: '',
  },
]

describe('time-limit rules in words', () => {
  it('say each limit in its unit', () => {
    expect(limitText({ amount: 24, unit: 'natural_hours' }, 'zh-CN')).toBe('24 小时')
    expect(limitText({ amount: 4, unit: 'working_hours' }, 'zh-CN')).toBe('4 个工作小时')
    expect(limitText({ amount: 10, unit: 'working_days' }, 'zh-CN')).toBe('10 个工作日')
    expect(limitText({ amount: 7, unit: 'natural_days' }, 'zh-CN')).toBe('7 天')
    expect(limitText({ amount: 1, unit: 'working_days' }, 'en')).toBe('1 working day(s)')
    expect(limitText(undefined, 'zh-CN')).toBe('')
  })

  it('say which appeals a rule covers, the default rule too', () => {
    expect(conditionTexts(RULES[0], 'zh-CN')).toEqual(['默认规则（全部诉求）'])
    expect(conditionTexts(RULES[1], 'zh-CN')).toEqual(['企业诉求'])
    const names = { 12: '供水供电供气供热' }
    expect(conditionTexts(RULES[2], 'zh-CN', (c) => `${c} ${names[c]}`)).toEqual([
      '诉求类型：投诉', '分类：12 供水供电供气供热', '紧急程度：紧急', '渠道：网站', '非企业诉求',
    ])
  })

  it('make one row per rule, leaving kinds a rule does not set empty', () => {
    const rows = policyRows(RULES, 'zh-CN')
    expect(rows.map((r) => r.rule)).toEqual(['default', 'enterprise-2110', 'urgent-utilities'])
    expect(rows[1]).toMatchObject({ sign: '', contact: '2 小时', reply: '1 个工作日', handle: '10 个工作日', callback: '' })
    expect(rows[0].note).toBe('默认时限')
    expect(policyRows(undefined)).toEqual([])
  })

  it('list the working hours', () => {
    expect(workingHoursText([{ start: '09:00', end: '12:00' }, { start: '13:30', end: '17:30' }])).toBe('09:00–12:00、13:30–17:30')
  })
})
