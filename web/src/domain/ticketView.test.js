import { describe, expect, it } from 'vitest'
import { chainText, coordText, personName, priorityText, unitText } from './ticketView.js'
import { actorText } from './events.js'

describe('ticket page texts', () => {
  it('says priority in words, and nothing for 0', () => {
    expect(priorityText(0, 'zh-CN')).toBe('')
    expect(priorityText(null, 'zh-CN')).toBe('')
    expect(priorityText(1, 'zh-CN')).toBe('加急')
    expect(priorityText(2, 'zh-CN')).toBe('紧急')
    expect(priorityText(5, 'zh-CN')).toBe('紧急')
    expect(priorityText(2, 'en')).toBe('Urgent')
  })
  it('rounds coordinates to 5 decimals', () => {
    expect(coordText({ lat: 28.019682873249625, lon: 116.3319498807396 })).toBe('28.01968, 116.33195')
    expect(coordText(null)).toBe('')
    expect(coordText({ lat: 'x', lon: 1 })).toBe('')
  })
  it('names units from {code,name} or through the unit list, code as the last resort', () => {
    const names = new Map([['LC-GA', '市公安局']])
    const unitName = (c) => names.get(c) || c
    expect(unitText({ code: 'LC-GA', name: '市公安局' })).toBe('市公安局')
    expect(unitText({ code: 'LC-GA' }, unitName)).toBe('市公安局')
    expect(unitText('LC-GA', unitName)).toBe('市公安局')
    expect(unitText('LC-ZZ', unitName)).toBe('LC-ZZ')
    expect(chainText(['LC-GA', { code: 'LC-CG', name: '市城市管理局' }, 'LC-ZZ'], unitName)).toBe('市公安局 → 市城市管理局 → LC-ZZ')
    expect(chainText(null, unitName)).toBe('')
  })
  it('prefers display names to usernames, before and after the API gives them', () => {
    expect(personName({ username: 'operator' })).toBe('operator')
    expect(personName({ username: 'operator', display_name: '王丽' })).toBe('王丽')
    expect(personName(null)).toBe('')
    expect(actorText({ role: 'operator', unit: '', username: 'operator', display_name: '王丽' }, undefined)).toContain('王丽')
    // A unit account's display name is its unit's name: said once.
    const unitName = (c) => (c === 'LC-D01' ? '东城区' : c)
    expect(actorText({ role: 'unit', unit: 'LC-D01', username: 'LC-D01', display_name: '东城区' }, unitName)).toBe('东城区 承办单位')
    expect(actorText({ role: 'unit', unit: 'LC-D01', username: 'LC-D01' }, unitName)).toBe('东城区 承办单位')
    expect(actorText({ role: 'unit', unit: 'LC-D01', username: 'zhang', display_name: '张伟' }, unitName)).toBe('东城区 承办单位 张伟')
  })
})
