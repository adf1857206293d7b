import { describe, expect, it } from 'vitest'
import { byUrgency, formatWaiting, minutesWaiting, urgentCues, waitAlarm } from './waiting.js'

const now = Date.parse('2026-12-01T10:00:00+08:00')
const ago = (minutes) => new Date(now - minutes * 60000).toISOString()

describe('waiting appeals', () => {
  it('names the urgent cues of an appeal once each', () => {
    expect(urgentCues('家中停电，老人用制氧机，停电已经三小时')).toEqual(['医疗设备', '老人', '停电'])
    expect(urgentCues('小区路灯不亮')).toEqual([])
    expect(urgentCues(undefined)).toEqual([])
  })

  it('counts and writes waiting time as a dispatcher reads it', () => {
    expect(minutesWaiting(ago(125), now)).toBe(125)
    expect(minutesWaiting('not a time', now)).toBe(0)
    expect(minutesWaiting(ago(-5), now)).toBe(0) // clocks disagree: never negative
    expect(formatWaiting(45)).toBe('45 分钟')
    expect(formatWaiting(200)).toBe('3 小时 20 分')
    expect(formatWaiting(180)).toBe('3 小时')
    expect(formatWaiting(8 * 1440 + 120)).toBe('8 天 2 小时')
  })

  it('raises the alarm for urgent text at once, and for age by channel', () => {
    expect(waitAlarm({ content: '独居老人家中没水', channel: 'web', created_at: ago(1) }, now)).toBe('urgent')
    expect(waitAlarm({ content: '咨询公积金', channel: 'phone', created_at: ago(61) }, now)).toBe('late')
    expect(waitAlarm({ content: '咨询公积金', channel: 'web', created_at: ago(61) }, now)).toBe('')
    expect(waitAlarm({ content: '咨询公积金', channel: 'web', created_at: ago(4 * 60 + 1) }, now)).toBe('late')
  })

  it('puts urgent, then company, then late appeals first, oldest first within each', () => {
    const items = [
      { id: 1, content: '咨询', channel: 'web', created_at: ago(30) },
      { id: 2, content: '咨询', channel: 'web', created_at: ago(600) },
      { id: 3, content: '企业用工', channel: 'web', enterprise: true, created_at: ago(10) },
      { id: 4, content: '停电，家里有制氧机', channel: 'web', created_at: ago(5) },
      { id: 5, content: '咨询', channel: 'web', created_at: ago(40) },
    ]
    expect(byUrgency(items, now).map((t) => t.id)).toEqual([4, 3, 2, 5, 1])
    expect(items.map((t) => t.id)).toEqual([1, 2, 3, 4, 5]) // the input is left alone
  })
})
